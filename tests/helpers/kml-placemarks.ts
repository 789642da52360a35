// A KML of many parcels as a surveyor's 奥维 or Google Earth export has them: a Schema, one
// Placemark per parcel with typed SchemaData and a four-cornered polygon, about 450 bytes each (so
// 125,000 of them are about the 50 MB file of issue 13). Parcel i lies at a place computed from i, so a
// test can tell where any of them must be.
export const PARCEL_VERTICES = 5;

export function parcelRing(i: number): [number, number][] {
  const lon = 118 + (i % 500) * 0.002;
  const lat = 39.5 + Math.floor(i / 500) * 0.002;
  const ring: [number, number][] = [];
  for (let k = 0; k < PARCEL_VERTICES - 1; k++) {
    const angle = (2 * Math.PI * k) / (PARCEL_VERTICES - 1);
    ring.push([Number((lon + 0.0005 * Math.cos(angle)).toFixed(6)), Number((lat + 0.0005 * Math.sin(angle)).toFixed(6))]);
  }
  ring.push(ring[0]!);
  return ring;
}

export function parcelPlacemark(i: number): string {
  const coordinates = parcelRing(i).map(([x, y]) => `${x},${y}`).join(' ');
  return `<Placemark><name>图斑${i}</name><ExtendedData><SchemaData schemaUrl="#parcels">`
    + `<SimpleData name="编号">TB-${i}</SimpleData><SimpleData name="面积">${(i % 97) + 0.5}</SimpleData><SimpleData name="已验收">${i % 2 === 0 ? 'true' : 'false'}</SimpleData>`
    + `</SchemaData></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n`;
}

export const PARCELS_KML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>parcels</name>\n'
  + '<Schema name="parcels" id="parcels"><SimpleField name="编号" type="string"/><SimpleField name="面积" type="double"/><SimpleField name="已验收" type="bool"/></Schema>\n<Folder><name>图斑</name>\n';
export const PARCELS_KML_TAIL = '</Folder></Document></kml>\n';

/** The whole document in pieces of `per` placemarks, for writing a large file without one huge string. */
export function* parcelsKml(count: number, per = 1000): Generator<string> {
  yield PARCELS_KML_HEAD;
  for (let start = 0; start < count; start += per) {
    let piece = '';
    for (let i = start; i < Math.min(count, start + per); i++) piece += parcelPlacemark(i);
    yield piece;
  }
  yield PARCELS_KML_TAIL;
}

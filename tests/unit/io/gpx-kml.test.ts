import { describe, expect, it } from 'vitest';
import { readImport } from '../../../src/io/read-import.ts';

const encoder = new TextEncoder();
async function read(name: string, text: string, layer: 'parcels' | 'zones' = 'parcels') {
  const r = await readImport([{ name, bytes: encoder.encode(text) }], { layer });
  if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
  return r.value;
}

const trkpt = (points: [number, number][]): string => points.map(([lon, lat]) => `<trkpt lat="${lat}" lon="${lon}"><ele>80</ele></trkpt>`).join('');
// A walk round a treated area that ends about 7 m east of where it started (1e-4° ≈ 8.5 m at 40°N).
const loop: [number, number][] = [[118.6, 40.0], [118.602, 40.0], [118.602, 40.0015], [118.6, 40.0015], [118.60008, 40.0]];
const road: [number, number][] = [[118.6, 40.0], [118.61, 40.005], [118.62, 40.01]];
const gpx = `<?xml version="1.0"?><gpx version="1.1" creator="handheld" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="40.001" lon="118.601"><name>照片点1</name></wpt>
<trk><name>治理区边界</name><trkseg>${trkpt(loop)}</trkseg></trk>
<trk><name>运矿道路</name><trkseg>${trkpt(road)}</trkseg></trk></gpx>`;

describe('GPX from handheld GPS', () => {
  it('closes a track whose ends are within 15 m into a polygon, keeps open tracks as lines', async () => {
    const p = await read('walk.gpx', gpx);
    const byName = Object.fromEntries(p.features.map((f) => [f.properties['name'], f]));
    expect(byName['治理区边界']!.geometry!.type).toBe('Polygon');
    expect(byName['运矿道路']!.geometry!.type).toBe('LineString');
    expect(byName['照片点1']!.geometry!.type).toBe('Point');
    const closed = p.problems.find((x) => x.code === 'track_closed')!;
    expect(closed.reason).toMatch(/6\.\d m apart/);
    // The open track is the file's second feature, named by its position as it has no id.
    expect(byName['运矿道路']!.id).toBe('#2');
    expect(p.problems.find((x) => x.code === 'open_track')!.featureId).toBe('#2');
    // As parcels only the closed track fits; the line and the waypoint are reported.
    expect(p.problems.filter((x) => x.code === 'wrong_type')).toHaveLength(2);
  });

  it('accepts the open track as a zone line', async () => {
    const p = await read('walk.gpx', gpx, 'zones');
    expect(p.problems.filter((x) => x.code === 'wrong_type')).toHaveLength(1);
  });
});

describe('KML details', () => {
  const kml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Schema id="s"><SimpleField name="已验收" type="bool"/><SimpleField name="面积" type="double"/></Schema>${body}</Document></kml>`;
  const square = (lon: number) => `<Polygon><outerBoundaryIs><LinearRing><coordinates>${lon},40 ${lon + 0.01},40 ${lon + 0.01},40.01 ${lon},40.01 ${lon},40</coordinates></LinearRing></outerBoundaryIs></Polygon>`;

  it('reads typed SchemaData, with "false" staying false, and drops styling', async () => {
    const p = await read('a.kml', kml(`<Style id="y"><PolyStyle><color>ff00ffff</color></PolyStyle></Style>
<Placemark><name>图斑一</name><styleUrl>#y</styleUrl><ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="已验收">false</SimpleData><SimpleData name="面积">12.5</SimpleData></SchemaData></ExtendedData>${square(118.6)}</Placemark>`));
    expect(p.features[0]!.properties).toEqual({ name: '图斑一', 已验收: false, 面积: 12.5 });
  });

  it('makes a MultiGeometry of polygons one MultiPolygon', async () => {
    const p = await read('m.kml', kml(`<Placemark><name>两块</name><MultiGeometry>${square(118.6)}${square(118.7)}</MultiGeometry></Placemark>`));
    expect(p.features[0]!.geometry!.type).toBe('MultiPolygon');
  });

  it('reads GB2312 KML as its declaration says (奥维 exports)', async () => {
    const head = '<?xml version="1.0" encoding="GB2312"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>';
    const tail = `</name>${square(118.6)}</Placemark></Document></kml>`;
    const bytes = new Uint8Array([...encoder.encode(head), 0xcd, 0xbc, 0xb0, 0xdf, ...encoder.encode(tail)]);
    const r = await readImport([{ name: 'ovi.kml', bytes }], { layer: 'parcels' });
    expect(r.ok && r.value.features[0]!.properties['name']).toBe('图斑');
    expect(r.ok && r.value.encoding).toEqual({ name: 'gbk', how: 'declared' });
  });
});

describe('text garbled before it reached Fulv', () => {
  it('notices GBK that was once read as Latin-1 (Í¼°ß for 图斑)', async () => {
    const p = await read('old.geojson', JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { 'Í¼°ß±àºÅ': 'A1' }, geometry: { type: 'Polygon', coordinates: [[[118.6, 40], [118.61, 40], [118.61, 40.01], [118.6, 40]]] } },
    ] }));
    expect(p.problems.find((x) => x.code === 'mojibake_suspected')!.reason).toMatch(/Í¼°ß±àºÅ/);
  });
});

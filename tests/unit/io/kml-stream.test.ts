// The streaming KML reader against the two readings it replaces or must agree with: the
// features @tmcw/togeojson made over an @xmldom DOM (Fulv's former reader), and GDAL's.
import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import { describe, expect, it } from 'vitest';
import { kmlProperties, readKml, sourceFeature } from '../../../src/io/readers/kml-reader.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/io/import-limits.ts';
import { scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';

const ring = (points: string) => `<LinearRing><coordinates>${points}</coordinates></LinearRing>`;
const square = (lon: number) => {
  const east = (lon + 0.01).toFixed(2);
  return `<Polygon><outerBoundaryIs>${ring(`${lon},40 ${east},40 ${east},40.01 ${lon},40.01 ${lon},40`)}</outerBoundaryIs></Polygon>`;
};

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>整改区</name>
<Style id="s1"><PolyStyle><color>ff0000ff</color></PolyStyle><LineStyle><width>2</width></LineStyle></Style>
<Schema name="parcels" id="parcels"><SimpleField name="编号" type="string"/><SimpleField name="面积" type="double"/><SimpleField name="已验收" type="bool"/><SimpleField name="块数" type="int"/></Schema>
<Folder><name>图斑</name><Folder><name>内层</name>
<Placemark id="p1"><name>带洞图斑</name><description><![CDATA[<b>治理</b> 区]]></description><styleUrl>#s1</styleUrl><visibility>0</visibility>
<ExtendedData><SchemaData schemaUrl="#parcels"><SimpleData name="编号">A-1</SimpleData><SimpleData name="面积">12.5</SimpleData><SimpleData name="已验收">false</SimpleData><SimpleData name="块数">3</SimpleData></SchemaData></ExtendedData>
<Polygon><outerBoundaryIs>${ring('\r\n 118.60,40.00,10 118.62,40.00,10 118.62,40.02,10\r\n 118.60,40.02,10 118.60,40.00,10\r\n')}</outerBoundaryIs>
<innerBoundaryIs>${ring('118.605,40.005 118.61,40.005 118.61,40.01 118.605,40.01')}</innerBoundaryIs><innerBoundaryIs>${ring('118.612,40.012 118.615,40.012 118.615,40.015 118.612,40.012')}</innerBoundaryIs></Polygon></Placemark>
</Folder>
<Placemark><name>运矿道路 &amp; 便道</name><description>路宽 &lt;6 m</description><address>迁安市</address>
<ExtendedData><Data name="负责人"><displayName>负责人</displayName><value>张三</value></Data><Data name="空值"><value></value></Data></ExtendedData>
<TimeSpan><begin>2024-03-01</begin><end>2024-10-31</end></TimeSpan>
<LineString><tessellate>1</tessellate><coordinates>118.6,40.0,0 118.61,40.005,0 <!-- a bend --> 118.62,40.01,0</coordinates></LineString></Placemark>
<Placemark><name>照片点</name><phoneNumber>0315-1234567</phoneNumber><TimeStamp><when>2024-05-02T08:00:00Z</when></TimeStamp><Point><coordinates> 118.601 , 40.001 </coordinates></Point></Placemark>
<Placemark><name>照片点二</name><Point><coordinates>118.602,40.002,55</coordinates></Point></Placemark>
<Placemark><name>两块</name><MultiGeometry>${square(118.7)}${square(118.72)}</MultiGeometry></Placemark>
<Placemark><name>点和线</name><MultiGeometry><Point><coordinates>118.8,40.1</coordinates></Point><LineString><coordinates>118.8,40.1 118.81,40.11</coordinates></LineString></MultiGeometry></Placemark>
<Placemark><name>轨迹</name><gx:Track><when>2024-05-02T08:00:00Z</when><when>2024-05-02T08:01:00Z</when><gx:coord>118.6 40.0 80</gx:coord><gx:coord>118.601 40.001 81</gx:coord></gx:Track></Placemark>
<Placemark><name>两段轨迹</name><gx:MultiTrack><gx:Track><when>t1</when><when>t2</when><gx:coord>118.6 40 0</gx:coord><gx:coord>118.7 40 0</gx:coord></gx:Track><gx:Track><when>t3</when><when>t4</when><gx:coord>118.8 40 0</gx:coord><gx:coord>118.9 40 0</gx:coord></gx:Track></gx:MultiTrack></Placemark>
<Placemark><name>没有图形</name></Placemark>
<Placemark><name>三点面</name><Polygon><outerBoundaryIs>${ring('118.6,40 118.61,40 118.6,40')}</outerBoundaryIs></Polygon></Placemark>
<Placemark><ExtendedData><SchemaData><SimpleData name="面积">不是数</SimpleData><SimpleData name="已验收">1</SimpleData></SchemaData></ExtendedData>${square(118.9)}</Placemark>
</Folder>
<GroundOverlay><name>影像</name><Icon><href>a.png</href></Icon><LatLonBox><north>40.1</north><south>40</south><east>118.7</east><west>118.6</west></LatLonBox></GroundOverlay>
<NetworkLink><name>链接</name><Link><href>layers/a.kml</href></Link></NetworkLink>
</Document></kml>
`;

const bytes = new TextEncoder().encode(DOCUMENT);

/** Fulv's former reader: togeojson over the DOM, bool SimpleFields handed over as text. */
function formerReading(text: string) {
  const document = new DOMParser().parseFromString(text, 'text/xml');
  const bools = new Set<string>();
  const fields = document.getElementsByTagName('SimpleField');
  for (let i = 0; i < fields.length; i++) {
    const field = fields.item(i)!;
    if (field.getAttribute('type') !== 'bool') continue;
    bools.add(field.getAttribute('name') ?? '');
    field.setAttribute('type', 'string');
  }
  return kml(document).features
    .filter((f) => !['groundoverlay', 'networklink'].includes(String(f.properties?.['@geometry-type'] ?? '')))
    .map((f) => sourceFeature(f, 'doc', kmlProperties(f.properties, bools)));
}

describe('the streaming KML reader', () => {
  const read = readKml(bytes, 'doc.kml', DEFAULT_IMPORT_LIMITS);
  if (!read.ok) throw new Error(`${read.code}: ${read.reason}`);
  const features = read.value.features;

  it('makes exactly the features togeojson made over the DOM', () => {
    expect(features).toHaveLength(11);
    expect(features).toEqual(formerReading(DOCUMENT));
  });

  it('reads what the document says (checked by hand)', () => {
    const byName = new Map(features.map((f) => [f.properties['name'], f]));
    expect(byName.get('带洞图斑')!.properties).toEqual({ name: '带洞图斑', description: '<b>治理</b> 区', 编号: 'A-1', 面积: 12.5, 已验收: false, 块数: 3 });
    expect(byName.get('带洞图斑')!.fileId).toBe('p1');
    const holed = byName.get('带洞图斑')!.geometry as GeoJSON.Polygon;
    expect(holed.coordinates.map((r) => r.length)).toEqual([5, 5, 4]);
    expect(holed.coordinates[1]![4]).toEqual([118.605, 40.005]);
    expect(byName.get('运矿道路 & 便道')!.properties).toMatchObject({ description: '路宽 <6 m', address: '迁安市', 负责人: '张三', 空值: '', timespan: '{"begin":"2024-03-01","end":"2024-10-31"}' });
    expect((byName.get('运矿道路 & 便道')!.geometry as GeoJSON.LineString).coordinates).toEqual([[118.6, 40, 0], [118.61, 40.005, 0], [118.62, 40.01, 0]]);
    expect(byName.get('照片点')!.geometry).toEqual({ type: 'Point', coordinates: [118.601, 40.001] });
    expect(byName.get('两块')!.geometry!.type).toBe('MultiPolygon');
    expect(byName.get('轨迹')!.geometry).toEqual({ type: 'LineString', coordinates: [[118.6, 40, 80], [118.601, 40.001, 81]] });
    expect(byName.get('两段轨迹')!.geometry).toEqual({ type: 'MultiLineString', coordinates: [[[118.6, 40, 0], [118.7, 40, 0]], [[118.8, 40, 0], [118.9, 40, 0]]] });
    expect(byName.get('没有图形')!.geometry).toBeNull();
    expect(byName.get('三点面')!.geometry).toBeNull();
    expect(features.at(-1)!.properties).toEqual({ 面积: null, 已验收: true });
  });

  it('agrees with GDAL on every placemark\'s geometry', () => {
    const dir = scratchDir('kml-stream');
    const path = writeScratch(dir, 'doc.kml', bytes);
    const lines = tool('ogr2ogr', ['-f', 'GeoJSONSeq', '-dim', 'XY', '/vsistdout/', path]).split('\n').filter((l) => l.startsWith('{'));
    const gdal = new Map(lines.map((l) => JSON.parse(l) as GeoJSON.Feature).map((f) => [f.properties?.['Name'] as string | undefined, f.geometry]));
    // GDAL drops Z here (-dim XY), turns rings to its orientation and leaves an open ring open:
    // compare each ring as the set of its vertices, in the plane.
    const plain = (g: GeoJSON.Geometry | null): unknown => JSON.parse(JSON.stringify(g), (_key, v: unknown) => {
      if (Array.isArray(v) && v.length === 3 && v.every((n) => typeof n === 'number')) return v.slice(0, 2);
      return v;
    }) as unknown;
    const rings = (g: unknown): unknown => JSON.parse(JSON.stringify(g), (key, v: unknown) => (
      key === 'coordinates' && Array.isArray(v) && Array.isArray(v[0]) && Array.isArray(v[0][0])
        ? (v as unknown[][]).map(function ringsOf(r: unknown): unknown {
          const inner = r as unknown[];
          return Array.isArray(inner[0]) && Array.isArray((inner[0] as unknown[])[0]) ? inner.map(ringsOf) : [...new Set(inner.map((p) => String(p)))].sort();
        })
        : v));
    const names = ['带洞图斑', '运矿道路 & 便道', '照片点', '照片点二', '两块', '轨迹', '两段轨迹', '没有图形'];
    for (const name of names) {
      const ours = features.find((f) => f.properties['name'] === name)!;
      expect(gdal.has(name), name).toBe(true);
      expect(rings(plain(ours.geometry)), name).toEqual(rings(gdal.get(name)));
    }
    // The unnamed parcel; then what GDAL keeps and Fulv refuses: a point and a line in one
    // placemark (not one kind of parcel), and a three-vertex "polygon".
    expect(features.find((f) => f.properties['name'] === '点和线')!.problems).toHaveLength(1);
    expect(rings(plain(features.at(-1)!.geometry))).toEqual(rings(gdal.get(undefined)));
    expect(features.find((f) => f.properties['name'] === '三点面')!.geometry).toBeNull();
  });

  it('keeps a control character in a name, as the DOM reading did', () => {
    const text = `<kml><Document><Placemark><name>图斑\u000b一</name><Point><coordinates>118,40</coordinates></Point></Placemark></Document></kml>`;
    const r = readKml(new TextEncoder().encode(text), 'doc.kml', DEFAULT_IMPORT_LIMITS);
    expect(r.ok && r.value.features.map((f) => f.properties)).toEqual([{ name: '图斑\u000b一' }]);
    expect(r.ok && r.value.features).toEqual(formerReading(text));
  });

  it('refuses what the DOM reading refused', () => {
    const limits = DEFAULT_IMPORT_LIMITS;
    const encode = (text: string) => new TextEncoder().encode(text);
    const doctype = readKml(encode('<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY a "ha">]>\n<kml><Document><name>&a;</name></Document></kml>'), 'a.kml', limits);
    expect(!doctype.ok && [doctype.code, doctype.line]).toEqual(['xml_doctype', 2]);
    const deep = readKml(encode(`<kml>\n${'<Folder>'.repeat(150)}${'</Folder>'.repeat(150)}</kml>`), 'a.kml', limits);
    expect(!deep.ok && [deep.code, deep.reason, deep.line]).toEqual(['xml_too_deep', 'elements nest more than 100 deep', 2]);
    const broken = readKml(encode('<kml><Document>\n<Placemark><name>图斑</Placemark></Document></kml>'), 'a.kml', limits);
    expect(!broken.ok && [broken.code, broken.line]).toEqual(['xml_invalid', 2]);
    const gpx = readKml(encode('<gpx><trk/></gpx>'), 'a.kml', limits);
    expect(!gpx.ok && gpx.reason).toBe('the root element is <gpx>, not <kml>');
    const many = readKml(encode(`<kml><Document>${'<Placemark><name>x</name></Placemark>'.repeat(5)}</Document></kml>`), 'a.kml', { ...limits, maxFeatures: 4 });
    expect(!many.ok && many.code).toBe('too_many_features');
  });
});

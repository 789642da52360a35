// Files in, as other software writes them (issue 13): GDAL-written Shapefiles in UTF-8 whose
// names GDAL cut mid-character, DBFs in any code page (.cpg or LDID), GeoJSON that is a single
// Feature or a bare geometry (RFC 7946 §3), a .shp padded with zeros, JSON nested too deep.
// The judge is what GDAL reads from the same file, or the RFC.
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGeojsonForView } from '../../../src/io/geojson-file.ts';
import type { ImportFile, ImportPreview } from '../../../src/io/import-types.ts';
import { readImport, type ImportOptions } from '../../../src/io/read-import.ts';
import { scratchDir, tool } from '../../helpers/gdal.ts';
import { collection, gdalAttributes, gdalShapefile, point, shapefileParts, square } from '../../helpers/gdal-shapefiles.ts';

const dir = scratchDir('files-in');

async function read(files: ImportFile[], options: Partial<ImportOptions> = {}) {
  return readImport(files, { layer: 'zones', checkTopology: false, ...options });
}

async function preview(files: ImportFile[], options: Partial<ImportOptions> = {}): Promise<ImportPreview> {
  const r = await read(files, options);
  if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
  return r.value;
}

/** Our attributes per feature, in field order, as text like ogrinfo prints them. */
function ours(p: ImportPreview): [string, string][][] {
  return p.features.map((f) => Object.entries(f.properties).map(([k, v]) => [k, String(v)]));
}

const values = (rows: [string, string][][]): string[][] => rows.map((r) => r.map(([, v]) => v));
/** ogrinfo's text of a value as ours: "12.500000000000000" is 12.5, "(null)" is null. */
const asOurs = (v: string): string => (v === '(null)' ? 'null' : /^-?\d+\.\d+$/.test(v) ? String(Number(v)) : v);
const names = (rows: [string, string][][]): string[] => rows[0]!.map(([k]) => k);

describe('a UTF-8 Shapefile whose Chinese field names GDAL cut mid-character', () => {
  const source = collection([
    { properties: { 图斑编号: 'TB-001', 矿山名称: '迁安首钢矿', 治理面积亩: 12.5, 图斑编码: 'X1', 备注: '边坡复绿' }, geometry: square(118.6, 40, 0.01) },
    { properties: { 图斑编号: 'TB-002', 矿山名称: '马兰庄铁矿', 治理面积亩: 3.25, 图斑编码: 'X2', 备注: null }, geometry: square(118.62, 40, 0.01) },
  ]);
  const shapefile = gdalShapefile(dir, 'utf8-long-names', source, ['-lco', 'ENCODING=UTF-8']);

  it('is cut by GDAL in the middle of a character (the premise)', () => {
    // 图斑编号 is 12 UTF-8 bytes: GDAL keeps 10, three characters and the first byte of 号.
    expect(names(gdalAttributes(shapefile.shp))).toEqual(['图斑编\uFFFD', '矿山名\uFFFD', '治理面\uFFFD', '图斑编\uFFFD', '备注']);
  });

  it('reads as UTF-8 as its .cpg declares, names without the cut character, values as GDAL reads them', async () => {
    const p = await preview(shapefile.files);
    expect(p.encoding).toEqual({ name: 'utf-8', how: 'declared' });
    // Two names cut to the same text (图斑编号, 图斑编码) stay apart.
    expect(names(ours(p))).toEqual(['图斑编', '矿山名', '治理面', '图斑编_1', '备注']);
    expect(values(ours(p))).toEqual(values(gdalAttributes(shapefile.shp)).map((row) => row.map(asOurs)));
    expect(p.problems.filter((x) => x.code === 'mojibake_suspected')).toEqual([]);
  });

  it('proposes the fields whose names GDAL cut for the parcel model (图斑编 is 图斑编号, 矿山名 is 矿山名称)', async () => {
    const p = await preview(shapefile.files, { layer: 'parcels' });
    expect(p.mapping.fields).toMatchObject({ id: '图斑编', mine_id: null, mine_name: '矿山名' });
    const gbk = gdalShapefile(dir, 'gbk-status', collection([{ properties: { 恢复治理状态: '已治理' }, geometry: square(118.6, 40, 0.01) }]), ['-lco', 'ENCODING=CP936']);
    // 12 GBK bytes cut to 10: five whole characters.
    const q = await preview(gbk.files, { layer: 'parcels' });
    expect(Object.keys(q.features[0]!.properties)).toEqual(['恢复治理状']);
    expect(q.mapping.fields.status).toBe('恢复治理状');
  });

  it('reads the same when the user chooses UTF-8, and is refused as GBK (valid UTF-8 becomes mojibake)', async () => {
    expect(names(ours(await preview(shapefile.files, { encoding: 'utf-8' })))).toEqual(['图斑编', '矿山名', '治理面', '图斑编_1', '备注']);
    const gbk = await read(shapefile.files, { encoding: 'gbk' });
    expect(!gbk.ok && gbk.code).toBe('wrong_encoding');
  });

  it('reads as UTF-8 when no .cpg says so (detected), the cut names not counting against it', async () => {
    const p = await preview(shapefile.files.filter((f) => !f.name.endsWith('.cpg')));
    expect(p.encoding).toEqual({ name: 'utf-8', how: 'detected' });
    expect(names(ours(p))).toEqual(['图斑编', '矿山名', '治理面', '图斑编_1', '备注']);
  });

  it('drops a value\'s last character when GDAL cut it to the field width', async () => {
    const input = join(dir, 'names-source.geojson');
    writeFileSync(input, JSON.stringify(collection([{ properties: { nm: '迁安首钢矿业公司' }, geometry: point(118.6, 40) }])));
    const shp = join(dir, 'cut-value.shp');
    tool('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', shp, input, '-sql', 'SELECT CAST(nm AS character(10)) AS nm FROM "names-source"']);
    // GDAL keeps 10 bytes: 迁安首 and the first byte of 钢.
    expect(gdalAttributes(shp)).toEqual([[['nm', '迁安首\uFFFD']]]);
    const p = await preview(shapefileParts(dir, 'cut-value'));
    expect(ours(p)).toEqual([[['nm', '迁安首']]]);
  });

  it('reads a GBK (.cpg CP936) Shapefile whose name GDAL cut after the lead byte of a character', async () => {
    const gbk = gdalShapefile(dir, 'gbk-cut', collection([{ properties: { A矿山治理面积: '已治理' }, geometry: point(118.6, 40) }]), ['-lco', 'ENCODING=CP936']);
    // "A" and five GBK characters are 11 bytes; GDAL keeps 10, the last one a lead byte alone.
    const p = await preview(gbk.files);
    expect(p.encoding).toEqual({ name: 'gbk', how: 'declared' });
    expect(ours(p)).toEqual([[['A矿山治理', '已治理']]]);
    expect(values(gdalAttributes(gbk.shp))).toEqual([['已治理']]);
  });
});

describe('DBFs in other code pages', () => {
  const latin = collection([
    { properties: { city: 'México', name: 'Zürich' }, geometry: point(-99.13, 19.43) },
    { properties: { city: 'Kraków', name: 'Øresund' }, geometry: point(19.94, 50.06) },
  ]);

  it.each([
    ['.cpg CP1252', 'cp1252', ['-lco', 'ENCODING=CP1252'], 'windows-1252'],
    ['.cpg ISO-8859-1', 'latin1', ['-lco', 'ENCODING=ISO-8859-1'], 'windows-1252'],
    ['LDID 0x57 (ISO-8859-1), no .cpg', 'ldid87', ['-lco', 'ENCODING=LDID/87'], 'windows-1252'],
    ['LDID 0x03 (code page 1252), no .cpg', 'ldid3', ['-lco', 'ENCODING=LDID/3'], 'windows-1252'],
  ])('reads %s as GDAL does', async (_what, name, options, encoding) => {
    const s = gdalShapefile(dir, name, name.startsWith('ldid') ? collection([{ properties: { city: 'México', name: 'Zürich' }, geometry: point(-99.13, 19.43) }]) : latin, options);
    expect(s.files.some((f) => f.name.endsWith('.cpg'))).toBe(!name.startsWith('ldid'));
    const p = await preview(s.files);
    expect(p.encoding).toEqual({ name: encoding, how: 'declared' });
    expect(ours(p)).toEqual(gdalAttributes(s.shp));
    expect(ours(p)[0]).toEqual([['city', 'México'], ['name', 'Zürich']]);
  });

  it('reads UTF-8 or GBK text under the 0x57 (ISO-8859-1) that GDAL stamps whatever SHAPE_ENCODING wrote, saying so', async () => {
    const chinese = collection([{ properties: { 矿山: '迁安首钢矿', 备注: '边坡复绿' }, geometry: point(118.6, 40) }]);
    for (const [name, shapeEncoding, encoding] of [['raw-utf8', '', 'utf-8'], ['raw-gbk', 'CP936', 'gbk']] as const) {
      const s = gdalShapefile(dir, name, chinese, ['--config', 'SHAPE_ENCODING', shapeEncoding]);
      // The premise: no .cpg, LDID 0x57; GDAL reads it right only when told the encoding.
      expect(s.files.some((f) => f.name.endsWith('.cpg'))).toBe(false);
      expect(s.files.find((f) => f.name.endsWith('.dbf'))!.bytes[29]).toBe(0x57);
      const p = await preview(s.files);
      expect(p.encoding).toEqual({ name: encoding, how: 'detected' });
      expect(ours(p)).toEqual(gdalAttributes(s.shp, ['--config', 'SHAPE_ENCODING', shapeEncoding === '' ? 'UTF-8' : shapeEncoding]));
      expect(values(ours(p))).toEqual([['迁安首钢矿', '边坡复绿']]);
      expect(p.problems.find((x) => x.code === 'encoding_detected')?.reason).toBe(`the .dbf header's language driver 0x57 names WINDOWS-1252, but the text is ${encoding.toUpperCase()} (no .cpg); it reads as ${encoding.toUpperCase()}`);
    }
  });

  it('reads a KML in the code page its XML declaration names (ISO-8859-1), as GDAL does', async () => {
    const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const path = join(dir, 'latin1.kml');
    writeFileSync(path, latin1('<?xml version="1.0" encoding="ISO-8859-1"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>México</name>'
      + '<Point><coordinates>-99.13,19.43</coordinates></Point></Placemark></Document></kml>\n'));
    expect(tool('ogrinfo', ['-ro', '-al', path])).toMatch(/Name \(String\) = México/);
    const p = await preview([{ name: 'latin1.kml', bytes: new Uint8Array(readFileSync(path)) }]);
    expect(p.encoding).toEqual({ name: 'windows-1252', how: 'declared' });
    expect(Object.values(p.features[0]!.properties)).toContain('México');
  });

  it('reads a .cpg of 1252, as ArcGIS writes it', async () => {
    const s = gdalShapefile(dir, 'arcgis1252', latin, ['-lco', 'ENCODING=CP1252']);
    const files = s.files.map((f) => (f.name.endsWith('.cpg') ? { ...f, bytes: new TextEncoder().encode('1252') } : f));
    expect(ours(await preview(files))).toEqual(gdalAttributes(s.shp));
    expect(values(ours(await preview(files)))).toEqual([['México', 'Zürich'], ['Kraków', 'Øresund']]);
  });

  it('reads a code page 1250 (.cpg CP1250) table with letters 1252 does not have', async () => {
    const s = gdalShapefile(dir, 'cp1250', collection([{ properties: { city: 'Łódź', name: 'Plzeň' }, geometry: point(19.46, 51.76) }]), ['-lco', 'ENCODING=CP1250']);
    const p = await preview(s.files);
    expect(p.encoding).toEqual({ name: 'windows-1250', how: 'declared' });
    expect(ours(p)).toEqual(gdalAttributes(s.shp));
    expect(ours(p)).toEqual([[['city', 'Łódź'], ['name', 'Plzeň']]]);
  });

  it('reads a Big5 table (.cpg BIG5, and 950 as ArcGIS writes it)', async () => {
    const s = gdalShapefile(dir, 'big5', collection([{ properties: { 縣市: '臺北市', 礦區: '金瓜石礦' }, geometry: point(121.85, 25.1) }]), ['-lco', 'ENCODING=BIG5']);
    const p = await preview(s.files);
    expect(p.encoding).toEqual({ name: 'big5', how: 'declared' });
    expect(ours(p)).toEqual(gdalAttributes(s.shp));
    expect(ours(p)).toEqual([[['縣市', '臺北市'], ['礦區', '金瓜石礦']]]);
    const arcgis = s.files.map((f) => (f.name.endsWith('.cpg') ? { ...f, bytes: new TextEncoder().encode('950') } : f));
    expect(ours(await preview(arcgis))).toEqual([[['縣市', '臺北市'], ['礦區', '金瓜石礦']]]);
  });

  it('refuses a code page TextDecoder does not know, naming it, whether from the .cpg or the LDID', async () => {
    const s = gdalShapefile(dir, 'cp437', latin, ['-lco', 'ENCODING=CP437']);
    // GDAL (iconv) reads it: the file is fine, we cannot decode it.
    expect(values(gdalAttributes(s.shp))[0]).toEqual(['México', 'Zürich']);
    const r = await read(s.files);
    expect(!r.ok && [r.code, r.reason]).toEqual(['encoding_unsupported', expect.stringContaining('the .cpg names the code page "CP437"')]);
    const ldid = gdalShapefile(dir, 'ldid1', latin, ['-lco', 'ENCODING=LDID/1']);
    const byLdid = await read(ldid.files);
    expect(!byLdid.ok && [byLdid.code, byLdid.reason]).toEqual(['encoding_unsupported', expect.stringContaining('language driver 0x01 (code page 437)')]);
    const made = await read(s.files.map((f) => (f.name.endsWith('.cpg') ? { ...f, bytes: new TextEncoder().encode('KLINGON-7') } : f)));
    expect(!made.ok && made.reason).toMatch(/"KLINGON-7"/);
  });

  it('reads an unknown code page over ASCII-only text, which no code page changes', async () => {
    const s = gdalShapefile(dir, 'ascii437', collection([{ properties: { city: 'Mexico' }, geometry: point(-99.13, 19.43) }]), ['-lco', 'ENCODING=CP437']);
    expect(ours(await preview(s.files))).toEqual([[['city', 'Mexico']]]);
  });

  it('refuses a declared code page that the text contradicts, showing both readings', async () => {
    const s = gdalShapefile(dir, 'utf8-as-1252', latin, ['-lco', 'ENCODING=UTF-8']);
    const r = await read(s.files.map((f) => (f.name.endsWith('.cpg') ? { ...f, bytes: new TextEncoder().encode('1252') } : f)));
    expect(!r.ok && [r.code, r.reason]).toEqual(['wrong_encoding', expect.stringMatching(/WINDOWS-1252.*MÃ©xico.*México/)]);
  });
});

describe('GeoJSON that is a single Feature or a bare geometry (RFC 7946 §3)', () => {
  const geometry = square(118.6, 40, 0.01);

  it('reads a single Feature as one feature with its properties and id', async () => {
    const file = { name: 'one.geojson', bytes: new TextEncoder().encode(JSON.stringify({ type: 'Feature', id: 'TB-9', properties: { 名称: '大石河图斑' }, geometry })) };
    const p = await preview([file]);
    expect(p.featureCount).toBe(1);
    expect(p.features[0]!.properties).toEqual({ 名称: '大石河图斑' });
    expect(p.features[0]!.geometry).toEqual(geometry);
    expect(p.features[0]!.id).toBe('TB-9');
  });

  it('reads a bare geometry as one feature without properties, and GDAL agrees', async () => {
    const path = join(dir, 'bare.geojson');
    writeFileSync(path, JSON.stringify(geometry));
    expect(tool('ogrinfo', ['-ro', '-so', '-al', path])).toMatch(/Feature Count: 1/);
    const p = await preview([{ name: 'bare.geojson', bytes: new Uint8Array(readFileSync(path)) }]);
    expect(p.featureCount).toBe(1);
    expect(p.features[0]!.properties).toEqual({});
    expect(p.features[0]!.geometry).toEqual(geometry);
  });

  it('still refuses JSON that is not GeoJSON', async () => {
    const r = await read([{ name: 'x.json', bytes: new TextEncoder().encode('{"type":"Topology","objects":{}}') }]);
    expect(!r.ok && r.code).toBe('geojson_not_feature_collection');
  });
});

describe('a .shp with zero padding after its last record', () => {
  function padded(name: string): { shp: string; files: ImportFile[] } {
    const s = gdalShapefile(dir, name, collection([0, 1, 2].map((i) => ({ properties: { id: `P${i}` }, geometry: square(118.6 + i * 0.02, 40, 0.01) }))));
    appendFileSync(s.shp, new Uint8Array(100));
    // The header's file length (16-bit words) counts the padding, as the writers that pad do.
    const bytes = readFileSync(s.shp);
    bytes.writeInt32BE(bytes.length / 2, 24);
    writeFileSync(s.shp, bytes);
    return { shp: s.shp, files: shapefileParts(dir, name) };
  }

  it('reads every record through the .shx, as GDAL does', async () => {
    const s = padded('padded');
    expect(tool('ogrinfo', ['-ro', '-so', '-al', s.shp])).toMatch(/Feature Count: 3/);
    const p = await preview(s.files);
    expect(p.features.map((f) => f.properties.id)).toEqual(['P0', 'P1', 'P2']);
    expect(p.features.every((f) => f.geometry !== null)).toBe(true);
  });

  it('reads it front to back without a .shx, or with a .shx that disagrees with it', async () => {
    const s = padded('padded-loose');
    const withoutShx = s.files.filter((f) => !f.name.endsWith('.shx'));
    expect((await preview(withoutShx)).features.map((f) => f.properties.id)).toEqual(['P0', 'P1', 'P2']);
    const wrongShx = s.files.map((f) => {
      if (!f.name.endsWith('.shx')) return f;
      const bytes = f.bytes.slice();
      new DataView(bytes.buffer).setInt32(108, 9, false); // the first record's offset
      return { ...f, bytes };
    });
    expect((await preview(wrongShx)).features.map((f) => f.properties.id)).toEqual(['P0', 'P1', 'P2']);
  });

  it('still refuses bytes after the last record that are not padding, when no .shx says where records are', async () => {
    const s = padded('garbage-tail');
    const files = s.files.filter((f) => !f.name.endsWith('.shx')).map((f) => {
      if (!f.name.endsWith('.shp')) return f;
      const bytes = f.bytes.slice();
      bytes[bytes.length - 50] = 7;
      return { ...f, bytes };
    });
    const r = await read(files);
    expect(!r.ok && r.code).toBe('shp_corrupt');
    rmSync(s.shp);
  });
});

describe('JSON nested too deep', () => {
  const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;
  const file = (name: string, text: string): ImportFile => ({ name, bytes: new TextEncoder().encode(text) });

  it('refuses a property nested 100,000 levels deep with its own code, saying where', async () => {
    const text = `{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"a":${deep(100_000)}},"geometry":{"type":"Point","coordinates":[118.6,40]}}]}`;
    const r = await read([file('deep.geojson', text)]);
    expect(!r.ok && [r.code, r.line]).toEqual(['json_too_deep', 2]);
    expect(!r.ok && r.reason).toMatch(/^the JSON nests deeper than 100 levels at line 2, column \d+/);
    const view = readGeojsonForView(text, text.length);
    expect(!view.ok && view.reason).toMatch(/nests deeper than 100 levels/);
  });

  it('refuses coordinates nested 100,000 levels deep, in a bare geometry too', async () => {
    const r = await read([file('deep-geometry.geojson', `{"type":"Point","coordinates":${deep(100_000)}}`)]);
    expect(!r.ok && r.code).toBe('json_too_deep');
  });

  it('keeps a nested property within the limit (as its JSON text), and brackets inside strings do not count', async () => {
    const text = JSON.stringify({ type: 'Feature', properties: { nested: JSON.parse(deep(20)) as unknown, note: `${'['.repeat(1000)} "quoted" \\ ${'{'.repeat(1000)}` }, geometry: { type: 'Point', coordinates: [118.6, 40] } });
    const p = await preview([file('ok.geojson', text)]);
    expect(p.features[0]!.properties.nested).toBe(deep(20));
    expect(p.features[0]!.properties.note).toBe(`${'['.repeat(1000)} "quoted" \\ ${'{'.repeat(1000)}`);
  });

  it('flags coordinates nested deeper than their type as a malformed feature', async () => {
    const p = await preview([file('odd.geojson', JSON.stringify({ type: 'Point', coordinates: JSON.parse(`${'['.repeat(30)}1,2${']'.repeat(30)}`) as unknown }))]);
    expect(p.features[0]!.geometry).toBeNull();
    expect(p.problems.some((x) => x.code === 'non_numeric' || x.code === 'malformed')).toBe(true);
  });
});

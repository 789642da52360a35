// `convert` and `analyze` against a corpus of hostile files, made here in a temporary folder:
// zip bombs, lying zip directories, names that climb out of the archive, nesting deeper than any
// real file, garbage, and spreadsheet formulas in attribute text. Each refusal is exit 1 with one
// line naming the reason and no stack trace, in bounded time and memory (the child's own peak
// resident memory, measured in it); formula cells come out neutralised (a leading ').
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../helpers/cli/run-cli.ts';
import { bombZip, KML_HEAD, KML_TAIL, MB, SPACES } from '../../helpers/zip-bombs.ts';

const dir = mkdtempSync(join(tmpdir(), 'fulv-hostile-'));
const path = (name: string) => join(dir, name);
const write = (name: string, bytes: Uint8Array | string) => {
  writeFileSync(path(name), bytes);
  return path(name);
};

/** Deterministic noise (a linear congruential generator), so a failure can be replayed. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

const square = [[118.6, 40], [118.61, 40], [118.61, 40.01], [118.6, 40.01], [118.6, 40]];
const parcel = (id: string, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties: { id, ...properties }, geometry: { type: 'Polygon', coordinates: [square] } });
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const DEPTH = 100_000;
const deepGeojson = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}}]}`;
const deepProperties = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}},"geometry":{"type":"Polygon","coordinates":[${JSON.stringify(square)}]}}]}`;

const corpus = {
  kmzBomb: write('bomb.kmz', bombZip([{ name: 'doc.kml', head: KML_HEAD, unit: SPACES, times: 175, tail: KML_TAIL }])),
  kmzLiar: write('liar.kmz', bombZip([{ name: 'doc.kml', head: KML_HEAD, unit: SPACES, times: 175, tail: KML_TAIL, declaredSize: MB }])),
  shpLiar: write('liar.zip', bombZip([{ name: 'parcels.shp', unit: SPACES, times: 175, declaredSize: 200 * MB }, { name: 'parcels.dbf', unit: SPACES, times: 1 }])),
  traversal: write('traversal.zip', zipSync({ '../../evil.shp': noise(100, 1), '../../evil.dbf': noise(100, 2) })),
  traversalKmz: write('traversal.kmz', zipSync({ '/etc/cron.d/doc.kml': strToU8(`${KML_HEAD}${KML_TAIL}`) })),
  deepKml: write('deep.kml', `${KML_HEAD}${'<Folder>'.repeat(DEPTH)}${'</Folder>'.repeat(DEPTH)}${KML_TAIL}`),
  entityKml: write('laughs.kml', `<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<kml><Document><name>&b;</name></Document></kml>`),
  deepGeojson: write('deep.geojson', deepGeojson),
  deepProperties: write('deep-properties.geojson', deepProperties),
  garbageGeojson: write('garbage.geojson', noise(256 * 1024, 3)),
  garbageKml: write('garbage.kml', noise(256 * 1024, 4)),
  garbageKmz: write('garbage.kmz', noise(256 * 1024, 5)),
  garbageZip: write('garbage.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise(64 * 1024, 6)])),
  garbageShp: write('garbage.shp', noise(64 * 1024, 7)),
  garbageCsv: write('garbage.csv', noise(64 * 1024, 8)),
  empty: write('empty.geojson', ''),
  garbageGpkg: write('garbage.gpkg', noise(256 * 1024, 9)),
  sqliteNoiseGpkg: write('sqlite-noise.gpkg', new Uint8Array([...strToU8('SQLite format 3\0'), ...noise(256 * 1024, 10)])),
  bombGpkg: write('bomb.gpkg', bombZip([{ name: 'doc.kml', head: KML_HEAD, unit: SPACES, times: 175, tail: KML_TAIL }])),
  zones: write('zones.geojson', collection([{ type: 'Feature', properties: { id: 'Z1', zone_type: 'river_lake' }, geometry: { type: 'LineString', coordinates: [[118.605, 39.99], [118.605, 40.02]] } }])),
  parcels: write('parcels.geojson', collection([parcel('P1')])),
};

/** Every text a spreadsheet would run: = + - @ at the start, and tab or CR before them. */
const FORMULAS = ['=HYPERLINK("http://example.invalid","点此")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];
const formulaFile = write('formulas.geojson', collection(FORMULAS.map((text, i) => parcel(`F${i}`, { 矿山名称: text }))));
const formulaParcels = write('formula-parcels.geojson', collection(FORMULAS.map((text) => parcel(text))));

const SECONDS = 30;
const MEMORY_MB = 768;

function expectRefusal(run: CliRun, program: 'convert' | 'analyze', reason: RegExp): void {
  const stderr = run.stderr.replace(/\n$/, '');
  expect(stderr, 'one line').not.toContain('\n');
  expect(stderr, 'no stack trace').not.toMatch(/\n\s+at |Error:|node:internal/);
  expect(stderr).toMatch(new RegExp(`^${program}: `));
  expect(stderr).toMatch(reason);
  expect(run.status, stderr).toBe(1);
  expect(run.seconds).toBeLessThan(SECONDS);
  expect(run.maxRssMb).toBeLessThan(MEMORY_MB);
}

describe('convert refuses hostile files with one line, quickly, in bounded memory', () => {
  it.each([
    ['the 700 MB KMZ bomb', corpus.kmzBomb, /^convert: zip_too_large: unzipped, the archive would exceed the limit of 512 MB/],
    ['a KMZ whose directory declares 1 MB for 700 MB', corpus.kmzLiar, /^convert: zip_too_large: doc\.kml unpacks to more than the 1,048,576 bytes/],
    ['a zipped Shapefile that declares 200 MB and inflates to 700 MB', corpus.shpLiar, /^convert: zip_too_large: parcels\.shp unpacks to more than/],
    ['a zip whose names climb out of it', corpus.traversal, /^convert: zip_unsafe_name: .*"\.\.\/\.\.\/evil\.(shp|dbf)"/],
    ['a KMZ with an absolute name', corpus.traversalKmz, /^convert: zip_unsafe_name: .*"\/etc\/cron\.d\/doc\.kml"/],
    ['a KML nested 100,000 deep', corpus.deepKml, /^convert: xml_too_deep: elements nest more than 100 deep/],
    ['a KML entity bomb', corpus.entityKml, /^convert: xml_doctype: /],
    ['a GeoJSON whose coordinates nest 100,000 deep', corpus.deepGeojson, /^convert: \w+: .*(deep|nest)/i],
    ['a GeoJSON whose properties nest 100,000 deep', corpus.deepProperties, /^convert: \w+: .*(deep|nest)/i],
    ['noise named .geojson', corpus.garbageGeojson, /^convert: (json_invalid|wrong_encoding|unknown_format): /],
    ['noise named .kml', corpus.garbageKml, /^convert: (xml_invalid|wrong_encoding): /],
    ['noise named .kmz', corpus.garbageKmz, /^convert: zip_corrupt: /],
    ['noise behind a zip signature', corpus.garbageZip, /^convert: zip_corrupt: /],
    ['noise named .shp', corpus.garbageShp, /^convert: (dbf_missing|shp_corrupt): /],
    ['noise named .csv', corpus.garbageCsv, /^convert: \w+: /],
    ['an empty file', corpus.empty, /^convert: json_invalid: /],
    ['noise named .gpkg', corpus.garbageGpkg, /^convert: programme archive .*: archive_not_sqlite: /],
    ['noise behind a SQLite header, named .gpkg', corpus.sqliteNoiseGpkg, /^convert: programme archive .*: archive_corrupt: /],
    ['the KMZ bomb named .gpkg', corpus.bombGpkg, /^convert: programme archive .*: archive_not_sqlite: .*zip archive/],
  ])('%s', (_what, input, reason) => {
    expectRefusal(runCli('convert', [input, path('out.geojson')], SECONDS * 2000), 'convert', reason);
  });
});

describe('analyze refuses hostile input files with one line, quickly, in bounded memory', () => {
  it.each([
    ['a KMZ bomb given as parcels', ['--parcels', corpus.kmzBomb, '--zones', corpus.zones], /^analyze: parcels file .* is not valid JSON/],
    ['noise as zones', ['--parcels', corpus.parcels, '--zones', corpus.garbageGeojson], /^analyze: zones file .* is not valid JSON/],
    ['an empty parcels file', ['--parcels', corpus.empty, '--zones', corpus.zones], /^analyze: parcels file .* is not valid JSON/],
    ['parcels nested 100,000 deep', ['--parcels', corpus.deepGeojson, '--zones', corpus.zones], /^analyze: .*(deep|nest)/i],
    ['zones with properties nested 100,000 deep', ['--parcels', corpus.parcels, '--zones', corpus.deepProperties], /^analyze: .*(deep|nest)/i],
    ['noise named .gpkg', [corpus.garbageGpkg], /^analyze: programme archive .*: archive_not_sqlite: /],
    ['noise behind a SQLite header, named .gpkg', [corpus.sqliteNoiseGpkg], /^analyze: programme archive .*: archive_corrupt: /],
  ])('%s', (_what, args, reason) => {
    expectRefusal(runCli('analyze', args, SECONDS * 2000), 'analyze', reason);
  });
});

/** The cells of a CSV (lines end in CRLF or LF), quoted fields unquoted (RFC 4180). */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  const pattern = /("((?:[^"]|"")*)"|[^,\r\n]*)(,|\r?\n|$)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '') break;
    cells.push(match[2] !== undefined ? match[2].replace(/""/g, '"') : match[1]!);
  }
  return cells;
}

describe('formula cells are neutralised in CSV written from hostile attributes', () => {
  it('convert: every formula in an attribute gets a leading \'', () => {
    const out = path('formulas.csv');
    const run = runCli('convert', [formulaFile, out, '--to-crs', 'EPSG:4527'], SECONDS * 2000);
    expect(run.status, run.stderr).toBe(0);
    const cells = csvCells(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    for (const text of FORMULAS) {
      expect(cells, JSON.stringify(text)).toContain(`'${text}`);
      expect(cells, JSON.stringify(text)).not.toContain(text);
    }
  });

  it('analyze --format csv: every formula in a parcel id gets a leading \'', () => {
    const run = runCli('analyze', ['--parcels', formulaParcels, '--zones', corpus.zones, '--format', 'csv'], SECONDS * 2000);
    expect(run.status, run.stderr).toBe(0);
    const cells = csvCells(run.stdout);
    for (const text of FORMULAS) {
      expect(cells, JSON.stringify(text)).toContain(`'${text}`);
      expect(cells, JSON.stringify(text)).not.toContain(text);
    }
  });
});

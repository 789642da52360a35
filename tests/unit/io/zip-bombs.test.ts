// Zip bombs against every zip Fulv opens (KMZ, zipped Shapefiles, backups): refused with the
// stated limit as the reason, in seconds, whatever sizes the archive claims.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readImport } from '../../../src/io/read-import.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/io/import-limits.ts';
import { unzipEntries } from '../../../src/io/zip-archive.ts';
import { decodeBackup } from '../../../src/persistence/backup/backup-decoding.ts';
import { bombData, bombZip, KML_HEAD, KML_TAIL, MB, SPACES } from '../../helpers/zip-bombs.ts';
import { scratchDir, tool, writeScratch } from '../../helpers/gdal.ts';

const docKml = { name: 'doc.kml', head: KML_HEAD, unit: SPACES, times: 175, tail: KML_TAIL };

async function timedImport(name: string, bytes: Uint8Array, limits = {}) {
  const started = performance.now();
  const r = await readImport([{ name, bytes }], { layer: 'parcels', limits });
  return { r, seconds: (performance.now() - started) / 1000 };
}

describe('the fixtures are what they claim', () => {
  it('a deflate stream of copies of one flushed piece inflates to the whole text (zlib agrees)', async () => {
    const { inflateRawSync } = await import('node:zlib');
    const { data, size } = bombData({ name: 'x', head: 'a', unit: strToU8('bc'), times: 3, tail: 'd' });
    expect(new TextDecoder().decode(inflateRawSync(data))).toBe('abcbcbcd');
    expect(size).toBe(8);
  });
});

describe('zip bombs', () => {
  it('refuses the issue\'s KMZ (under 1 MB, doc.kml of 700 MB) in seconds, with the limit as the reason', async () => {
    const kmz = bombZip([docKml]);
    expect(kmz.length).toBeLessThan(MB);
    const { r, seconds } = await timedImport('bomb.kmz', kmz);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('zip_too_large');
    expect(r.reason).toBe('unzipped, the archive would exceed the limit of 512 MB');
    expect(seconds).toBeLessThan(5);
    expect(DEFAULT_IMPORT_LIMITS.maxUnzippedBytes).toBe(512 * MB);
  });

  it('is not fooled by a central directory that declares 1 MB for the 700 MB entry', async () => {
    const { r, seconds } = await timedImport('liar.kmz', bombZip([{ ...docKml, declaredSize: MB }]));
    expect(!r.ok && r.code).toBe('zip_too_large');
    expect(!r.ok && r.reason).toMatch(/^doc\.kml unpacks to more than the 1,048,576 bytes the archive declares for it .*limit of 512 MB$/);
    expect(seconds).toBeLessThan(5);
  });

  it('stops a lie that fits the limit as soon as the entry outgrows it (a zipped Shapefile)', async () => {
    const zip = bombZip([{ name: 'parcels.shp', unit: SPACES, times: 20, declaredSize: 60 * MB }, { name: 'parcels.dbf', unit: SPACES, times: 1 }]);
    const { r, seconds } = await timedImport('parcels.zip', zip, { maxUnzippedBytes: 64 * MB });
    expect(!r.ok && r.code).toBe('zip_too_large');
    expect(!r.ok && r.reason).toMatch(/^parcels\.shp unpacks to more than the 62,914,560 bytes/);
    expect(seconds).toBeLessThan(5);
  });

  it('refuses entries that together exceed the limit before inflating any', () => {
    const many = Array.from({ length: 3 }, (_, i) => ({ name: `layers/${i}.kml`, unit: SPACES, times: 50 }));
    const r = unzipEntries(bombZip(many), { file: 'many.kmz', maxUnzippedBytes: 500 * MB });
    expect(!r.ok && r.code).toBe('zip_too_large');
    expect(!r.ok && r.reason).toMatch(/would exceed the limit of 500 MB/);
  });

  it('calls an entry that inflates to less than declared damaged', () => {
    const r = unzipEntries(bombZip([{ name: 'a.kml', unit: SPACES, times: 1, declaredSize: 5 * MB }]), { file: 'short.kmz', maxUnzippedBytes: 64 * MB });
    expect(!r.ok && r.code).toBe('zip_corrupt');
    expect(!r.ok && r.reason).toMatch(/a\.kml unpacks to 4194304 bytes but is declared as 5242880/);
  });

  it('reads Zip64 records as GDAL does, and holds their sizes to the same rules', () => {
    const kml = `${KML_HEAD}<Placemark><name>图斑</name><Point><coordinates>118.6,40</coordinates></Point></Placemark>${KML_TAIL}`;
    const zip = bombZip([{ name: 'doc.kml', unit: strToU8(kml), times: 1 }, { name: 'files/pad.txt', unit: SPACES, times: 2 }], { zip64: true });
    const path = writeScratch(scratchDir('zip64'), 'zip64.kmz', zip);
    expect(tool('ogrinfo', ['-ro', '-al', '-q', `/vsizip/${path}/doc.kml`])).toMatch(/Name \(String\) = 图斑/);
    const r = unzipEntries(zip, { file: 'zip64.kmz', maxUnzippedBytes: 64 * MB });
    expect(r.ok && r.value.map((f) => [f.name, f.bytes.length])).toEqual([['doc.kml', strToU8(kml).length], ['files/pad.txt', 8 * MB]]);
    const liar = unzipEntries(bombZip([{ name: 'doc.kml', unit: SPACES, times: 3, declaredSize: MB }], { zip64: true }), { file: 'liar64.kmz', maxUnzippedBytes: 64 * MB });
    expect(!liar.ok && liar.code).toBe('zip_too_large');
  });

  it('calls an entry whose bytes do not match its CRC-32 damaged', () => {
    const zip = zipSync({ 'a.kml': [strToU8('<kml>图斑</kml>'), { level: 0 }] });
    const at = zip.indexOf(0x3c, 30);
    zip[at + 1] = 0x4b; // <kml> becomes <Kml>, in the stored bytes
    const r = unzipEntries(zip, { file: 'flipped.kmz', maxUnzippedBytes: MB });
    expect(!r.ok && [r.code, r.reason]).toEqual(['zip_corrupt', 'the zip archive is damaged or truncated (a.kml is damaged: its bytes do not match the CRC-32 the archive records)']);
  });

  it('reads an honest archive made by fflate', () => {
    const zip = zipSync({ 'a.kml': strToU8('<kml/>'), 'b/c.txt': strToU8('hello') });
    const r = unzipEntries(zip, { file: 'ok.zip', maxUnzippedBytes: MB });
    expect(r.ok && r.value.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([['a.kml', '<kml/>'], ['b/c.txt', 'hello']]);
  });

  it.each(['../../evil.kml', '/etc/evil.kml', 'a/../../evil.kml', 'C:\\evil.kml', '..\\evil.kml'])('refuses an entry named %s', async (name) => {
    const { r } = await timedImport('traversal.kmz', zipSync({ [name]: strToU8(`${KML_HEAD}${KML_TAIL}`) }));
    expect(!r.ok && r.code).toBe('zip_unsafe_name');
    expect(!r.ok && r.reason).toContain(name);
  });
});

describe('a backup that is a zip bomb', () => {
  it('is refused with the limit as the reason, not unpacked', () => {
    const started = performance.now();
    const bomb = bombZip([{ name: 'manifest.json', unit: SPACES, times: 10, declaredSize: 100 }]);
    const r = decodeBackup(bomb, { id: 'p', name: 'P' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^The file is not a Fulv backup: manifest\.json unpacks to more than the 100 bytes the archive declares for it/);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

// A PMTiles file is checked before it is stored: a good vector or raster archive (packed by the
// tests' own writer) is described; every way a file can be wrong gets its own refusal.
import { describe, expect, it } from 'vitest';
import { PMTiles, zxyToTileId } from 'pmtiles';
import { checkPmtiles } from '../../../src/io/pmtiles/check-pmtiles.ts';
import { BlobSource } from '../../../src/io/pmtiles/blob-source.ts';
import { basemapFixture, FIXTURE_BOUNDS } from '../../helpers/pmtiles/basemap-fixture.ts';
import { tileId } from '../../helpers/pmtiles/hilbert-tile-id.ts';
import { rasterArchive } from '../../helpers/pmtiles/raster-archive.ts';

const archive = basemapFixture();
const blob = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes]);
const patched = (at: number, values: number[]) => {
  const copy = archive.slice();
  copy.set(values, at);
  return copy;
};
const u64 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);

async function refusal(bytes: Uint8Array<ArrayBuffer>) {
  const result = await checkPmtiles(blob(bytes));
  if (result.ok) throw new Error('accepted');
  return result.code;
}

describe('the tests’ PMTiles writer', () => {
  it('numbers tiles as the pmtiles library does', () => {
    for (const [z, x, y] of [[0, 0, 0], [1, 1, 0], [3, 5, 2], [12, 3379, 1547], [18, 215000, 99000]] as const) {
      expect(tileId(z, x, y)).toBe(zxyToTileId(z, x, y));
    }
  });

  it('writes archives the pmtiles library reads back', async () => {
    const reader = new PMTiles(new BlobSource(blob(archive), 'fixture'));
    const header = await reader.getHeader();
    expect([header.specVersion, header.minZoom, header.maxZoom, header.tileType]).toEqual([3, 6, 12, 1]);
    expect(header.minLon).toBeCloseTo(FIXTURE_BOUNDS[0], 6);
    // z6 tile 53/24 covers the whole fixture: both layers' names are in its (decompressed) vector tile; a tile far away is absent.
    const tile = Buffer.from((await reader.getZxy(6, 53, 24))!.data);
    expect([tile.includes('water'), tile.includes('roads')]).toEqual([true, true]);
    expect(await reader.getZxy(6, 0, 0)).toBeUndefined();
    expect(await reader.getMetadata()).toMatchObject({ name: 'Fulv test county' });
  });
});

describe('checking a PMTiles file', () => {
  it('describes a vector archive: zooms, bounds, name and layers with their geometry', async () => {
    const result = await checkPmtiles(blob(archive));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ kind: 'vector', format: 'mvt', minZoom: 6, maxZoom: 12, name: 'Fulv test county', bytes: archive.length });
    expect(result.value.bounds[3]).toBeCloseTo(FIXTURE_BOUNDS[3], 6);
    expect(result.value.vectorLayers).toEqual([{ id: 'water', geometry: ['polygon'] }, { id: 'roads', geometry: ['line'] }]);
  });

  it('describes a raster archive', async () => {
    const result = await checkPmtiles(blob(rasterArchive('#3366cc', FIXTURE_BOUNDS, [8, 10])));
    expect(result.ok && result.value).toMatchObject({ kind: 'raster', format: 'png', minZoom: 8, maxZoom: 10, vectorLayers: [], tileSize: 256 });
  });

  it('refuses an empty file', async () => {
    expect(await refusal(new Uint8Array())).toBe('empty_file');
  });

  it('refuses a file that is not PMTiles (a GeoJSON file, a zip)', async () => {
    expect(await refusal(new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'))).toBe('not_pmtiles');
    expect(await refusal(Uint8Array.from([0x50, 0x4b, 3, 4, ...new Array(200).fill(0)]))).toBe('not_pmtiles');
  });

  it('refuses PMTiles versions 2 and 4 by name', async () => {
    const v2 = new Uint8Array(512);
    v2.set([0x50, 0x4d, 2, 0]);
    expect(await refusal(v2)).toBe('unsupported_version');
    expect(await refusal(patched(7, [4]))).toBe('unsupported_version');
  });

  it('refuses a truncated archive', async () => {
    expect(await refusal(archive.slice(0, 100))).toBe('truncated');
    expect(await refusal(archive.slice(0, archive.length - 10))).toBe('truncated');
  });

  it('refuses an archive whose root directory is garbage', async () => {
    const rootOffset = u64(archive, 8);
    expect(await refusal(patched(rootOffset, [1, 2, 3, 4, 5, 6, 7, 8]))).toBe('bad_directory');
  });

  it('refuses brotli or zstd compression and unknown tile types', async () => {
    expect(await refusal(patched(98, [3]))).toBe('unsupported_compression');
    expect(await refusal(patched(97, [4]))).toBe('unsupported_compression');
    expect(await refusal(patched(99, [0]))).toBe('unsupported_tile_type');
    expect(await refusal(patched(99, [9]))).toBe('unsupported_tile_type');
  });

  it('refuses unreadable metadata', async () => {
    const metadataOffset = u64(archive, 24);
    expect(await refusal(patched(metadataOffset, [0, 0, 0, 0]))).toBe('bad_metadata');
  });

  it('refuses an archive whose tiles are not what its header says', async () => {
    const tileData = u64(archive, 56);
    const length = archive.length - tileData;
    expect(await refusal(patched(tileData, new Array(length).fill(0x42)))).toBe('bad_tile');
  });
});

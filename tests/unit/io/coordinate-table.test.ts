import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { readImport } from '../../../src/io/read-import.ts';
import { geometryDistance } from '../../helpers/geometry-compare.ts';
import { cs2cs } from '../../helpers/gdal.ts';

const encoder = new TextEncoder();
const table = (text: string, name = 'table.csv') => [{ name, bytes: encoder.encode(text) }];
async function read(text: string, options: { sourceCrs?: string; encoding?: 'gbk' | 'utf-8' } = {}, bytes?: Uint8Array) {
  const r = await readImport(bytes ? [{ name: 'table.csv', bytes }] : table(text), { layer: 'parcels', checkTopology: false, ...options });
  if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
  return r.value;
}

// Two parcels near Qian'an in zone 40 (east of 118.5°E), the second with a hole.
const A: [number, number][] = [[40.01, 118.60], [40.01, 118.605], [40.014, 118.605], [40.014, 118.60]];
const B: [number, number][] = [[40.03, 118.62], [40.03, 118.63], [40.038, 118.63], [40.038, 118.62]];
const B_HOLE: [number, number][] = [[40.032, 118.623], [40.035, 118.623], [40.035, 118.627], [40.032, 118.627]];
const xy = (points: [number, number][]): string[] => cs2cs('EPSG:4490', 'EPSG:4528', points).map(([n, e]) => `${n.toFixed(4)},${e.toFixed(4)}`);
const ring = (points: [number, number][]): number[][] => [...points, points[0]!].map(([lat, lon]) => [lon, lat]);
const polygonA: Polygon = { type: 'Polygon', coordinates: [ring(A)] };
const polygonB: Polygon = { type: 'Polygon', coordinates: [ring(B), ring(B_HOLE)] };
const rows = (points: string[], prefix = ''): string => points.map((p, i) => `${prefix}J${i + 1},${p}`).join('\n');

describe('coordinate tables with several parcels', () => {
  it('splits parcels at lines starting with *, naming them, and at blank lines', async () => {
    const text = `迁安市某矿拐点坐标表（2000国家大地坐标系）\n点号,X,Y\n* 地块一\n${rows(xy(A))}\n\n${rows(xy(B))}\n`;
    const p = await read(text);
    expect(p.features.map((f) => f.properties['地块编号'])).toEqual(['地块一', 2]);
    expect(geometryDistance(p.features[0]!.geometry!, polygonA)).toBeLessThan(0.001);
    expect(p.crs.code).toBe('EPSG:4528');
  });

  it('groups rows by a parcel column and rings by 圈号, holes inside shells', async () => {
    const lines = [
      ...xy(A).map((p, i) => `A,1,J${i + 1},${p},采场`),
      ...xy(B).map((p, i) => `B,1,J${i + 1},${p},排土场`),
      ...xy(B_HOLE).map((p, i) => `B,2,K${i + 1},${p},排土场`),
    ];
    const p = await read(`地块编号,圈号,点号,X,Y,图斑属性\n${lines.join('\n')}`);
    expect(p.features.map((f) => f.properties)).toEqual([{ 地块编号: 'A', 图斑属性: '采场' }, { 地块编号: 'B', 图斑属性: '排土场' }]);
    expect(geometryDistance(p.features[1]!.geometry!, polygonB)).toBeLessThan(0.001);
    expect(p.mapping.fields).toMatchObject({ id: '地块编号', damage_type: '图斑属性' });
  });

  it('starts a new ring after a vertex that closes the first, and reads it as a hole', async () => {
    const outer = xy(B);
    const hole = xy(B_HOLE);
    const p = await read(`点号\tX\tY\n${[...outer, outer[0]!, ...hole, hole[0]!].map((c, i) => `${i + 1}\t${c.replace(',', '\t')}`).join('\n')}`);
    expect(p.features).toHaveLength(1);
    expect(geometryDistance(p.features[0]!.geometry!, polygonB)).toBeLessThan(0.001);
    expect(p.problems.map((x) => x.code)).not.toContain('ring_closed');
  });

  it('swaps X and Y given the wrong way round, and says so', async () => {
    const swapped = xy(A).map((c) => c.split(',').reverse().join(','));
    const p = await read(`X,Y\n${swapped.join('\n')}`);
    expect(p.problems.map((x) => x.code)).toContain('axes_swapped');
    expect(geometryDistance(p.features[0]!.geometry!, polygonA)).toBeLessThan(0.001);
  });

  it('reads a GBK table saved by Excel on Chinese Windows', async () => {
    const gbk = new Uint8Array([...'点号,X,Y,备注\n'].flatMap((c) => (c === '点' ? [0xb5, 0xe3] : c === '号' ? [0xba, 0xc5] : c === '备' ? [0xb1, 0xb8] : c === '注' ? [0xd7, 0xa2] : [c.charCodeAt(0)])));
    const body = encoder.encode(xy(A).map((p, i) => `J${i + 1},${p},x`).join('\n'));
    const p = await read('', {}, new Uint8Array([...gbk, ...body]));
    expect(p.encoding).toEqual({ name: 'gbk', how: 'detected' });
    expect(Object.keys(p.features[0]!.properties)).toContain('备注');
  });

  it('reports a row whose numbers are broken against its parcel, with the line', async () => {
    const bad = xy(A);
    bad[2] = '4432abc,40512345.1';
    const p = await read(`X,Y\n${bad.join('\n')}\n\n${xy(B).join('\n')}`);
    expect(p.features[0]!.geometryError).toMatchObject({ code: 'bad_value' });
    expect(p.features[0]!.geometryError!.reason).toMatch(/^line 4:/);
    expect(p.features[1]!.geometryError).toBeNull();
  });
});

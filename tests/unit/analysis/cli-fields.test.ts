// `npm run analyze` reads fields as the import dialog does (Fulv's, Chinese and national 核查
// names), takes `--field ROLE=NAME`, and says on stderr which field filled each role.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import { rect } from '../../helpers/analysis-features.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fulv-analyze-fields-'));
let files = 0;
const file = (content: unknown): string => {
  const path = join(dir, `f${files++}.geojson`);
  writeFileSync(path, JSON.stringify(content));
  return path;
};
const layer = (...features: [Record<string, unknown>, unknown][]): string =>
  file({ type: 'FeatureCollection', features: features.map(([properties, geometry]) => ({ type: 'Feature', properties, geometry })) });

function analyze(...args: string[]): { status: number | null; out: Record<string, never> | null; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/analyze.ts'), ...args], { encoding: 'utf8', cwd: root });
  return { status: run.status, out: run.status === 0 ? JSON.parse(run.stdout) : null, stderr: run.stderr };
}

// A parcel 0.01° square, half of it treated, with a river along its western edge.
const parcelShape = rect(118.5, 40, 118.51, 40.01);
const treatedShape = rect(118.5, 40, 118.505, 40.01);
const river = { type: 'LineString', coordinates: [[118.5, 39.9], [118.5, 40.3]] };
const HALF = ellipsoidalArea(treatedShape);
const near = (actual: number, expected: number): void => expect(Math.abs(actual - expected)).toBeLessThan(1e-8 * expected);

interface Out {
  parcels: { id: string; mine_id: string | null; treated_m2: number; treated_by_year: Record<string, number>; zones: string[] }[];
  totals: { by_year: Record<string, { treated_m2: number }>; treated_without_date: number };
  notices: { layer: string; id: string; code?: string; reason: string }[];
  issues: unknown[];
}

describe('npm run analyze: which field fills each role', () => {
  it.each([
    ['Chinese names', { 图斑编号: 'P1', 矿山编号: 'M1' }, { 编号: 'Z1', 保护类型: '河流' }, { 编号: 'T1', 治理日期: '2022年5月1日' },
      ['parcels: id ← 图斑编号, mine_id ← 矿山编号', 'zones: id ← 编号, zone_type ← 保护类型', 'treated: id ← 编号, date ← 治理日期']],
    ['English names, in any case', { ID: 'P1', Mine_ID: 'M1' }, { Id: 'Z1', ZoneType: 'river_lake' }, { ID: 'T1', Date: '2022-05-01' },
      ['parcels: id ← ID, mine_id ← Mine_ID', 'zones: id ← Id, zone_type ← ZoneType', 'treated: id ← ID, date ← Date']],
    ['the national 核查 table\'s initials', { TBBH: 'P1', KSBH: 'M1' }, { BSM: 'Z1', BHDLX: '河流湖泊' }, { BSM: 'T1', HCRQ: '20220501' },
      ['parcels: id ← TBBH, mine_id ← KSBH', 'zones: id ← BSM, zone_type ← BHDLX', 'treated: id ← BSM, date ← HCRQ']],
  ] as const)('reads %s', (_name, parcelProps, zoneProps, treatedProps, said) => {
    const run = analyze('--parcels', layer([parcelProps, parcelShape]), '--zones', layer([zoneProps, river]), '--treated', layer([treatedProps, treatedShape]));
    expect(run.status).toBe(0);
    const out = run.out as unknown as Out;
    const p = out.parcels[0]!;
    expect([p.id, p.mine_id, p.zones]).toEqual(['P1', 'M1', ['Z1']]);
    expect(Object.keys(p.treated_by_year)).toEqual(['2022']);
    near(p.treated_by_year['2022']!, HALF);
    expect(out.notices).toEqual([]);
    for (const line of said) expect(run.stderr).toContain(`analyze: fields of ${line}`);
  });

  it('counts a treated polygon whose date is under an unknown name, with a notice, and reads it by --field date=NAME', () => {
    const args = ['--parcels', layer([{ id: 'P1' }, parcelShape]), '--zones', layer(), '--treated', layer([{ id: 'T1', 完工时间: '2021/7/9' }, treatedShape])];
    const blind = analyze(...args);
    expect(blind.status).toBe(0);
    const out = blind.out as unknown as Out;
    near(out.parcels[0]!.treated_m2, HALF);
    near(out.totals.by_year['unknown']!.treated_m2, HALF);
    expect(out.totals.treated_without_date).toBe(1);
    expect(out.notices).toEqual([expect.objectContaining({ layer: 'treated', id: 'T1', code: 'no_treatment_date', reason: expect.stringMatching(/^no treatment date: counted, year unknown/) })]);
    expect(blind.stderr).toContain('analyze: fields of treated: id ← id, date ← (none)');
    expect(blind.stderr).toContain('analyze: 1 treated polygon with no treatment date: counted, year unknown');

    const told = analyze(...args, '--field', 'date=完工时间');
    expect(told.status).toBe(0);
    const read = told.out as unknown as Out;
    expect(Object.keys(read.totals.by_year)).toEqual(['2021']);
    near(read.totals.by_year['2021']!.treated_m2, HALF);
    expect(read.totals.treated_without_date).toBe(0);
    expect(told.stderr).toContain('analyze: fields of treated: id ← id, date ← 完工时间');
    expect(told.stderr).not.toMatch(/no treatment date/);
  });

  it('takes --field LAYER.ROLE=NAME for one layer, ahead of the vocabulary, and mines by name from --mines', () => {
    const mines = join(dir, 'mines.json');
    writeFileSync(mines, JSON.stringify([{ id: 'M7', name: '甲矿', name_en: 'A', mineral: '铁矿', township_id: 'T01', category: 'abandoned', responsible_party: null, location: [118.5, 40] }]));
    const shape: Polygon = parcelShape;
    const run = analyze(
      '--parcels', layer([{ id: 'wrong', 地块代码: 'P9', 矿山名称: '甲矿' }, shape]), '--zones', layer([{ id: 'Z1', 类别: '铁路' }, river]),
      '--field', 'parcels.id=地块代码', '--field', 'zones.zone_type=类别', '--mines', mines,
    );
    expect(run.status).toBe(0);
    const out = run.out as unknown as Out & { totals: { by_township: Record<string, unknown> } };
    expect([out.parcels[0]!.id, out.parcels[0]!.mine_id, out.parcels[0]!.zones]).toEqual(['P9', 'M7', ['Z1']]);
    expect(Object.keys(out.totals.by_township)).toEqual(['T01']);
    expect(run.stderr).toContain('analyze: fields of parcels: id ← 地块代码, mine_id ← 矿山名称');
    expect(run.stderr).toContain('analyze: fields of zones: id ← id, zone_type ← 类别');
  });

  it.each([
    ['a role no layer has', ['--field', 'colour=颜色'], 2, /--field colour=颜色: no layer has a role colour; roles are id, mine_id/],
    ['a role the layer lacks', ['--field', 'zones.date=日期'], 2, /zones have no role date; roles are id, zone_type/],
    ['no NAME', ['--field', 'date'], 2, /--field takes ROLE=NAME or LAYER\.ROLE=NAME/],
    ['a field no feature has', ['--field', 'id=BSM'], 1, /--field id=BSM: no parcels feature has a field BSM \(its fields are id, mine_id\); --field parcels\.id=NAME sets one layer only/],
  ] as const)('refuses %s', (_name, extra, status, message) => {
    const run = analyze('--parcels', layer([{ id: 'P1', mine_id: 'M1' }, parcelShape]), '--zones', layer(), ...extra);
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(message);
  });
});

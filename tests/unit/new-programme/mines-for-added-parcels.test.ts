// Parcels added to an existing programme: the real GEM Tangshan boundaries, mapped as the import
// dialog maps them, get mines as the wizard would make them — apart from the programme's ids,
// joining a mine the programme already has by name, one mine per distinct new name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Mine, ParcelFeature } from '../../../src/domain/model.ts';
import { applyFieldMapping } from '../../../src/io/mapping/apply-field-mapping.ts';
import { minesForAddedParcels, newMineCount } from '../../../src/io/new-programme/mines-for-added-parcels.ts';
import { fixtureFile, preview } from '../../helpers/interchange-fixtures.ts';
import { NOTICED, pointsAndNotices } from '../../helpers/points-and-notices.ts';

const existing = (id: string, name: string, township_id: string, location: [number, number]): Mine => ({
  id, name, name_en: name, mineral: '煤', township_id, category: 'producing', responsible_party: '', location,
});
// Near Tangshan (T01) and far away (T02): new Tangshan mines belong to T01.
const programme = {
  county: '唐山市',
  townships: [{ id: 'T01', name: '开平区', name_en: 'Kaiping' }, { id: 'T02', name: '远方', name_en: 'Far' }],
  mines: [existing('M001', '荆各庄矿', 'T02', [100, 30]), existing('M002', 'Fangezhuang Coal Mine', 'T01', [118.2, 39.6]), existing('M004', '老矿', 'T02', [101, 31])],
};

const gem = JSON.parse(readFileSync(new URL('../../fixtures/gem/gem_coal_mine_boundaries_tangshan.geojson', import.meta.url), 'utf8')) as {
  features: { properties: Record<string, string>; geometry: { type: string } }[];
};
const boundaryNames = gem.features.filter((f) => f.geometry.type === 'Polygon').map((f) => f.properties['Mine Name']!);

async function gemParcels(): Promise<ParcelFeature[]> {
  const p = await preview([fixtureFile('gem/gem_coal_mine_boundaries_tangshan.geojson')]);
  const applied = applyFieldMapping(p, p.mapping, { existingIds: [], mines: programme.mines });
  if (applied.mapped.layer !== 'parcels') throw new Error('not parcels');
  return applied.mapped.features;
}

describe('mines for parcels added to a programme', () => {
  it('makes a mine per GEM mine the programme lacks, with ids apart, and joins the one it has by name', async () => {
    const parcels = await gemParcels();
    expect(parcels).toHaveLength(4);
    const p = await preview([fixtureFile('gem/gem_coal_mine_boundaries_tangshan.geojson')]);
    expect(newMineCount(p.features, p.mapping, programme.mines)).toBe(boundaryNames.filter((n) => n !== 'Fangezhuang Coal Mine').length);

    const added = minesForAddedParcels(parcels, programme, 'abandoned');
    expect(added.mines).toHaveLength(3);
    expect(added.mines.map((m) => m.name).sort()).toEqual(['Donghuantuo Coal Mine', 'Lvjiatuo Coal Mine', 'Qianjiaying Coal Mine']);
    const ids = added.mines.map((m) => m.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(['M001', 'M002', 'M004']).not.toContain(id);
    // GEM Mine IDs are free in this programme, so the new mines keep them, as the wizard does.
    expect(ids.sort()).toEqual(['M0307', 'M1115', 'M1174']);
    expect(added.townships).toEqual([]);
    for (const m of added.mines) expect(m.township_id).toBe('T01');
    // GEM says nothing of 图斑小类: every new mine takes the default, each one flagged.
    for (const m of added.mines) expect(m.category).toBe('abandoned');
    expect(added.problems.filter((p) => p.kind === 'category_defaulted').map((p) => p.item).sort()).toEqual(added.mines.map((m) => m.name).sort());

    const byId = new Map([...programme.mines, ...added.mines].map((m) => [m.id, m]));
    for (const p of added.parcels) expect(byId.get(p.properties.mine_id)?.name).toBe(p.properties.mine_name);
    expect(added.parcels.find((p) => p.properties.mine_name === 'Fangezhuang Coal Mine')?.properties.mine_id).toBe('M002');
  });

  it('makes one mine per distinct name, its category from the parcels’ 图斑小类', async () => {
    const [a, b, c] = await gemParcels();
    const named = (p: ParcelFeature, mine_name: string, tbxl: string | null): ParcelFeature => ({ ...p, properties: { ...p.properties, mine_id: '', mine_name, tbxl } });
    const added = minesForAddedParcels([named(a!, '新矿甲', '31'), named(b!, '新矿甲', '31'), named(c!, '新矿乙', '11')], programme, 'closed_pit');
    expect(added.mines.map((m) => [m.name, m.category])).toEqual([['新矿甲', 'producing'], ['新矿乙', 'abandoned']]);
    expect(added.parcels[0]!.properties.mine_id).toBe(added.parcels[1]!.properties.mine_id);
    // No id in the file: numbered, apart from the programme's M001, M002 and M004.
    const ids = added.mines.map((m) => m.id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(['M001', 'M002', 'M004']).not.toContain(id);
    expect(added.problems).toEqual([]);
  });

  it('counts, before the import, only the mines of features that can be parcels', async () => {
    const p = await preview([{ name: 'points-and-boundaries.geojson', bytes: new TextEncoder().encode(JSON.stringify(pointsAndNotices())) }]);
    // 459 named points and 3 named boundaries: points cannot be parcels, so 3 mines.
    expect(newMineCount(p.features, p.mapping, programme.mines)).toBe(NOTICED.length);
    expect(newMineCount(p.features, p.mapping, [existing('X1', 'Boundary mine 2', 'T01', [118.9, 40.3])])).toBe(NOTICED.length - 1);
  });

  it('leaves parcels alone when their mines are all known, and uses the only township or makes one', async () => {
    const parcels = await gemParcels();
    const all = { ...programme, mines: [...programme.mines, ...boundaryNames.map((n, i) => existing(`G${i}`, n, 'T01', [118, 39.5]))] };
    expect(minesForAddedParcels(parcels, all, 'abandoned').mines).toEqual([]);
    const single = minesForAddedParcels(parcels, { ...programme, townships: [programme.townships[1]!] }, 'abandoned');
    for (const m of single.mines) expect(m.township_id).toBe('T02');
    const none = minesForAddedParcels(parcels, { county: '唐山市', townships: [], mines: [] }, 'abandoned');
    expect(none.townships).toEqual([{ id: 'T001', name: '唐山市', name_en: '唐山市' }]);
    for (const m of none.mines) expect(m.township_id).toBe('T001');
    expect(none.mines).toHaveLength(4);
  });
});

// The dashboard's figures for the demo programme against sums computed here independently from
// the data files: targets added in tenths of a 亩 straight from programme.json, parcel areas by an
// equal-area projection, treated area by one GEOS overlay per township and year (cumulative
// unions, so a second visit counts once and in its first year).
import { describe, expect, it } from 'vitest';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import { currentStatuses } from '../../../src/domain/current-statuses.ts';
import { TARGET_CATEGORY_GROUPS, type TargetCategoryGroup } from '../../../src/domain/model.ts';
import { targetProgress } from '../../../src/domain/target-progress.ts';
import { demoProgramme } from '../../helpers/demo-files.ts';
import { equalAreaReference } from '../../helpers/equal-area-reference.ts';
import { treatedReferenceM2 } from '../../helpers/treated-reference.ts';

const programme = demoProgramme();
const analysis = await createAnalysis({
  parcels: programme.parcels.features, zones: programme.zones.features, treated: programme.treated.features, distances: GENERAL_PRESET.distances, mines: programme.mines,
});
const results = analysis.results();
analysis.dispose();
const progress = targetProgress({ ...programme, parcels: results.parcels, statuses: currentStatuses(programme, new Map()) });

const mineOf = new Map(programme.mines.map((m) => [m.id, m]));
const groupOf = (mineId: string): TargetCategoryGroup => (['producing', 'under_construction'].includes(mineOf.get(mineId)!.category) ? 'producing' : 'closed_and_abandoned');
const tenths = (mu: number): number => Math.round(mu * 10);
const years = [...new Set(programme.treated.features.map((f) => Number(f.properties.date.slice(0, 4))))].sort();

/** Treated area (m²) inside the given parcels, from polygons dated in or before `year`. */
const treatedThrough = (parcelIds: Set<string>, year: number): Promise<number> => treatedReferenceM2(programme, parcelIds, `${year}-12-31`);

describe('target progress of the demo programme', () => {
  it('sums the targets per year, township and group exactly as the plan writes them', () => {
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) {
      const expected = programme.targets.rows.filter((r) => r.year === year).reduce((s, r) => s + tenths(r.target_mu), 0);
      expect(tenths(progress.spans.find((y) => y.year === year)!.target_mu), String(year)).toBe(expected);
    }
    for (const township of programme.townships) {
      const expected = programme.targets.rows.filter((r) => r.township_id === township.id).reduce((s, r) => s + tenths(r.target_mu), 0);
      expect(tenths(progress.townships.find((t) => t.township_id === township.id)!.target_mu)).toBe(expected);
    }
    for (const group of TARGET_CATEGORY_GROUPS) {
      const expected = programme.targets.rows.filter((r) => r.category_group === group).reduce((s, r) => s + tenths(r.target_mu), 0);
      expect(tenths(progress.groups.find((g) => g.group === group)!.target_mu)).toBe(expected);
    }
    expect(tenths(progress.total.target_mu)).toBe(programme.targets.rows.reduce((s, r) => s + tenths(r.target_mu), 0));
  });

  it('gives each township the area of its mines’ parcels (equal-area reference, 0.01%)', () => {
    for (const township of programme.townships) {
      const expected = programme.parcels.features.filter((p) => mineOf.get(p.properties.mine_id)!.township_id === township.id).reduce((s, p) => s + equalAreaReference(p.geometry), 0);
      const actual = progress.townships.find((t) => t.township_id === township.id)!.area_m2;
      expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-4);
    }
  });

  it('gives each township and year the treated area a direct overlay finds, counting overlaps once in their first year', async () => {
    for (const township of programme.townships) {
      for (const group of TARGET_CATEGORY_GROUPS) {
        const ids = new Set(programme.parcels.features.filter((p) => mineOf.get(p.properties.mine_id)!.township_id === township.id && groupOf(p.properties.mine_id) === group).map((p) => p.properties.id));
        let before = 0;
        for (const year of years) {
          const through = await treatedThrough(ids, year);
          const cell = progress.cells.find((c) => c.year === year && c.township_id === township.id && c.group === group);
          expect(Math.abs((cell?.treated_m2 ?? 0) - (through - before)), `${township.id} ${group} ${year}`).toBeLessThan(1e-6 * through + 1e-6);
          before = through;
        }
      }
    }
    const all = await treatedThrough(new Set(programme.parcels.features.map((p) => p.properties.id)), 9999);
    expect(Math.abs(progress.total.treated_m2 - all)).toBeLessThan(1e-6 * all);
    expect(progress.spans.at(-1)!.cumulative.treated_m2).toBeCloseTo(progress.total.treated_m2, 3);
  });

  it('counts as accepted only the treated area of accepted or closed parcels', async () => {
    const accepted = new Set(programme.parcels.features.filter((p) => p.properties.status === 'accepted' || p.properties.status === 'closed').map((p) => p.properties.id));
    expect(accepted.size).toBeGreaterThan(0);
    const expected = await treatedThrough(accepted, 9999);
    expect(Math.abs(progress.total.accepted_m2 - expected)).toBeLessThan(1e-6 * expected);
    expect(progress.total.accepted_parcels).toBe(accepted.size);
    expect(progress.total.accepted_m2).toBeLessThan(progress.total.treated_m2);
  });
});

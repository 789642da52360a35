import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import { NO_TREATMENT_DATE, UNKNOWN_YEAR, type AnalysisInput, type AnalysisResults } from '../../../src/domain/analysis-types.ts';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import type { Mine } from '../../../src/domain/model.ts';
import { feature, parcel, rect, treated } from '../../helpers/analysis-features.ts';
import { gemFeature } from '../../helpers/gem-fixtures.ts';

async function analyse(input: Omit<AnalysisInput, 'distances' | 'zones'>): Promise<AnalysisResults> {
  const analysis = await createAnalysis({ zones: [], distances: GENERAL_PRESET.distances, ...input });
  const results = analysis.results();
  analysis.dispose();
  return results;
}

const close = (actual: number | undefined, expected: number): void => {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-8 * expected + 1e-6);
};

// A 4 × 4 grid of cells, d = 0.002° (about 170 × 220 m), near Qian'an.
const [x0, y0, d] = [118.6, 40.1, 0.002];
const cells = (a: number, b: number, c: number, e: number): Polygon => rect(x0 + a * d, y0 + b * d, x0 + c * d, y0 + e * d);
const A = (p: Polygon): number => ellipsoidalArea(p);

describe('treated area', () => {
  const layout = {
    parcels: [parcel('P', cells(0, 0, 4, 4))],
    treated: [
      treated('later-left-half', '2020-05-01', cells(0, 0, 2, 4)),
      treated('earlier-middle', '2019-03-01', cells(1, 0, 3, 4)),
      treated('spills-east', '2021-06-01', cells(3, 1, 5, 2)),
      treated('outside', '2022-01-01', cells(4.5, 1, 6, 2)),
    ],
  };

  it('counts overlapping treated polygons once and the overlap in the earliest year', async () => {
    const p = (await analyse(layout)).parcels[0]!;
    const through2021: Polygon = { type: 'Polygon', coordinates: [[
      [x0, y0], [x0 + 3 * d, y0], [x0 + 3 * d, y0 + d], [x0 + 4 * d, y0 + d], [x0 + 4 * d, y0 + 2 * d],
      [x0 + 3 * d, y0 + 2 * d], [x0 + 3 * d, y0 + 4 * d], [x0, y0 + 4 * d], [x0, y0],
    ]] };
    close(p.treated_m2, A(through2021));
    close(p.treated_by_year['2019'], A(cells(1, 0, 3, 4)));
    close(p.treated_by_year['2020'], A(cells(0, 0, 3, 4)) - A(cells(1, 0, 3, 4)));
    close(p.treated_by_year['2021'], A(through2021) - A(cells(0, 0, 3, 4)));
    expect(p.treated_by_year['2022']).toBeUndefined();
    close(p.treatment_rate, A(through2021) / A(cells(0, 0, 4, 4)));
  });

  it('reports treated area outside every parcel separately, once, by the earliest year', async () => {
    const { totals } = await analyse(layout);
    close(totals.treated_outside_parcels_m2, A(cells(4, 1, 5, 2)) + A(cells(5, 1, 6, 2)));
    close(totals.by_year['2021']!.treated_outside_parcels_m2, A(cells(4, 1, 5, 2)));
    close(totals.by_year['2022']!.treated_outside_parcels_m2, A(cells(5, 1, 6, 2)));
    close(totals.by_year['2019']!.treated_m2, A(cells(1, 0, 3, 4)));
    expect(totals.by_year['2022']!.treated_m2).toBe(0);
  });

  it('counts two identical treated polygons once', async () => {
    const results = await analyse({
      parcels: [parcel('P', cells(0, 0, 4, 4))],
      treated: [treated('a', '2021-01-01', cells(1, 1, 2, 2)), treated('b', '2021-01-01', cells(1, 1, 2, 2))],
    });
    close(results.parcels[0]!.treated_m2, A(cells(1, 1, 2, 2)));
    expect(results.totals.treated_outside_parcels_m2).toBe(0);
  });

  it('gives the whole parcel to the earliest polygon that covers it', async () => {
    const results = await analyse({
      parcels: [parcel('P', cells(1, 1, 2, 2))],
      treated: [treated('big-late', '2024-01-01', cells(0, 0, 4, 4)), treated('big-early', '2020-07-01', cells(0, 0, 3, 3))],
    });
    expect(results.parcels[0]!.treated_by_year).toEqual({ 2020: results.parcels[0]!.area_m2 });
    expect(results.parcels[0]!.treatment_rate).toBe(1);
  });

  it('measures the GEM sliver between Fangezhuang and Lvjiatuo as treated area, and the rest as outside', async () => {
    const lvjiatuo = gemFeature('tangshan', 'M1174.B1');
    const results = await analyse({
      parcels: [gemFeature('tangshan', 'M1121.B1')],
      treated: [{ ...lvjiatuo, properties: { id: 'T', date: '2023-04-01' } }],
    });
    expect(results.parcels[0]!.treated_m2).toBeGreaterThan(177.65);
    expect(results.parcels[0]!.treated_m2).toBeLessThan(177.75);
    const whole = ellipsoidalArea(lvjiatuo.geometry as Polygon);
    expect(Math.abs(results.totals.treated_outside_parcels_m2 + results.parcels[0]!.treated_m2 - whole)).toBeLessThan(1e-6 * whole);
  });
});

describe('treated polygons without a readable date', () => {
  const undated = (id: string, geometry: Polygon, date?: unknown) => feature(id, geometry, date === undefined ? {} : { date });

  it.each([
    ['no date', undefined, 'no date'],
    ['an empty date', '', 'no date'],
    ['a date that is no calendar day', '2021-02-30', 'date "2021-02-30" is not a yyyy-mm-dd date'],
    ['a date in another form', '5/1/2022', 'date "5/1/2022" is not a yyyy-mm-dd date'],
    ['a number', 2022, 'date 2022 is not a yyyy-mm-dd date'],
  ])('counts a polygon with %s under the unknown year, with a notice', async (_name, date, what) => {
    const results = await analyse({ parcels: [parcel('P', cells(0, 0, 4, 4))], treated: [undated('T', cells(1, 1, 3, 2), date)] });
    const p = results.parcels[0]!;
    close(p.treated_m2, A(cells(1, 1, 3, 2)));
    expect(Object.keys(p.treated_by_year)).toEqual([UNKNOWN_YEAR]);
    close(results.totals.by_year[UNKNOWN_YEAR]!.treated_m2, A(cells(1, 1, 3, 2)));
    expect(results.totals.treated_without_date).toBe(1);
    expect(results.issues).toEqual([]);
    expect(results.notices).toEqual([{ layer: 'treated', id: 'T', code: NO_TREATMENT_DATE, reason: `no treatment date: counted, year unknown (${what})` }]);
  });

  it('keeps every parcel\'s treated area when no polygon has a date', async () => {
    const results = await analyse({
      parcels: [parcel('P1', cells(0, 0, 2, 2)), parcel('P2', cells(2, 0, 4, 2))],
      treated: [undated('T1', cells(0, 0, 1, 2)), undated('T2', cells(1.5, 0, 3, 1), '2022年5月')],
    });
    close(results.parcels[0]!.treated_m2, A(cells(0, 0, 1, 2)) + A(cells(1.5, 0, 2, 1)));
    close(results.parcels[1]!.treated_m2, A(cells(2, 0, 3, 1)));
    close(results.totals.treated_m2, A(cells(0, 0, 1, 2)) + A(cells(1.5, 0, 3, 1)));
    expect(Object.keys(results.totals.by_year)).toEqual([UNKNOWN_YEAR]);
    close(results.totals.by_year[UNKNOWN_YEAR]!.treated_m2, results.totals.treated_m2);
    expect(results.totals.treated_without_date).toBe(2);
  });

  it('gives the dated polygon\'s year where a dated and an undated one overlap, the rest to the unknown year', async () => {
    const results = await analyse({
      parcels: [parcel('P', cells(0, 0, 4, 4))],
      treated: [undated('U', cells(0, 0, 3, 1)), treated('D', '2023-04-01', cells(2, 0, 4, 1))],
    });
    const p = results.parcels[0]!;
    close(p.treated_m2, A(cells(0, 0, 4, 1)));
    close(p.treated_by_year['2023'], A(cells(2, 0, 4, 1)));
    close(p.treated_by_year[UNKNOWN_YEAR], A(cells(0, 0, 2, 1)));
    expect(Object.keys(results.totals.by_year)).toEqual(['2023', UNKNOWN_YEAR]);
  });

  it('lists the unknown year even when dated polygons cover all of an undated one', async () => {
    const results = await analyse({
      parcels: [parcel('P', cells(0, 0, 4, 4))],
      treated: [treated('D', '2020-01-01', cells(0, 0, 2, 2)), undated('U', cells(0.5, 0.5, 1.5, 1.5))],
    });
    expect(results.parcels[0]!.treated_by_year).toEqual({ 2020: results.parcels[0]!.treated_m2 });
    expect(results.totals.by_year[UNKNOWN_YEAR]).toEqual({ treated_m2: 0, treated_outside_parcels_m2: 0 });
    expect(results.totals.treated_without_date).toBe(1);
  });

  it('counts an undated polygon\'s area outside every parcel under the unknown year, after dated ones', async () => {
    const results = await analyse({
      parcels: [parcel('P', cells(0, 0, 2, 2))],
      treated: [undated('U', cells(1, 0, 4, 1)), treated('D', '2021-01-01', cells(3, 0, 5, 1))],
    });
    close(results.totals.by_year[UNKNOWN_YEAR]!.treated_outside_parcels_m2, A(cells(2, 0, 3, 1)));
    close(results.totals.by_year['2021']!.treated_outside_parcels_m2, A(cells(3, 0, 5, 1)));
    close(results.totals.by_year[UNKNOWN_YEAR]!.treated_m2, A(cells(1, 0, 2, 1)));
  });
});

describe('treated area on parcels with long edges', () => {
  // A parcel 0.05° (about 4.3 km) wide. Two overlapping treated polygons cover it but for a strip
  // 1 cm high along the eastern part of its southern edge, so the overlay splits that edge at
  // (xm + δ, y0): the vertices of parcel ∩ union are known by construction.
  const [w, s, e, n] = [118.6, 40.1, 118.65, 40.12];
  const [xm, delta, strip] = [118.62, 0.002, 1e-7];
  const input = {
    parcels: [parcel('P', rect(w, s, e, n))],
    treated: [
      treated('west', '2020-05-01', rect(w - 0.01, s - 0.01, xm + delta, n + 0.01)),
      treated('east', '2021-05-01', rect(xm, s + strip, e + 0.01, n + 0.01)),
    ],
  };
  const covered: Polygon = { type: 'Polygon', coordinates: [[
    [w, s], [xm + delta, s], [xm + delta, s + strip], [e, s + strip], [e, n], [w, n], [w, s],
  ]] };

  it('measures area(parcel ∩ union), even where splitting a long edge makes it more than the parcel', async () => {
    const p = (await analyse(input)).parcels[0]!;
    // Splitting the southern edge at a point of its parallel, south of its geodesic, adds more
    // than the 1 cm strip takes away: the figure PostGIS's ST_Area(ST_Intersection) gives too.
    expect(A(covered)).toBeGreaterThan(A(rect(w, s, e, n)));
    close(p.treated_m2, A(covered));
    close(p.treated_by_year['2020'], A(rect(w, s, xm + delta, n)));
    close(p.treated_by_year['2021'], A(covered) - A(rect(w, s, xm + delta, n)));
    expect(p.treatment_rate).toBeGreaterThan(1);
  });
});

describe('totals', () => {
  const mines: Mine[] = [
    { id: 'M1', name: '甲', name_en: 'A', mineral: '铁矿', township_id: 'T01', category: 'abandoned', responsible_party: null, location: [x0, y0] },
    { id: 'M2', name: '乙', name_en: 'B', mineral: '铁矿', township_id: 'T01', category: 'producing', responsible_party: '某公司', location: [x0, y0] },
  ];

  it('groups parcel figures by mine, township, category and year', async () => {
    const results = await analyse({
      mines,
      parcels: [
        parcel('P1', cells(0, 0, 1, 1), { mine_id: 'M1' }),
        parcel('P2', cells(2, 0, 3, 1), { mine_id: 'M1' }),
        parcel('P3', cells(0, 2, 1, 3), { mine_id: 'M2' }),
        parcel('P4', cells(2, 2, 3, 3), { mine_id: 'M9', township_id: 'T07', category: 'closed_pit' }),
      ],
      treated: [treated('T1', '2021-03-01', cells(0, 0, 1, 0.5)), treated('T2', '2022-03-01', cells(0, 2, 1, 3))],
    });
    const { totals } = results;
    close(totals.by_mine['M1']!.area_m2, A(cells(0, 0, 1, 1)) + A(cells(2, 0, 3, 1)));
    close(totals.by_mine['M1']!.treated_m2, A(cells(0, 0, 1, 0.5)));
    close(totals.by_mine['M2']!.treatment_rate, 1);
    expect(Object.keys(totals.by_township)).toEqual(['T01', 'T07']);
    expect(totals.by_township['T01']!.parcels).toBe(3);
    expect(Object.keys(totals.by_category)).toEqual(['abandoned', 'closed_pit', 'producing']);
    close(totals.by_year['2022']!.treated_m2, A(cells(0, 2, 1, 3)));
    close(totals.area_m2, results.parcels.reduce((s, p) => s + p.area_m2, 0));
    close(totals.area_mu, totals.area_m2 * 15 / 10_000);
    close(totals.treatment_rate, totals.treated_m2 / totals.area_m2);
  });
});

// The real Global Energy Monitor mine boundaries (CC BY 4.0) through the import path.
import { describe, expect, it } from 'vitest';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import { ZONE_TYPES } from '../../../src/domain/model.ts';
import type { BufferDistances } from '../../../src/domain/buffer-presets.ts';
import { applyFieldMapping } from '../../../src/io/mapping/apply-field-mapping.ts';
import { retargetImport, withMapping } from '../../../src/io/retarget-import.ts';
import { fixtureFile, preview } from '../../helpers/interchange-fixtures.ts';

describe('importing the GEM mine boundaries', () => {
  it('imports every boundary polygon of China, the three with repeated vertices with a notice', async () => {
    const p = await preview([fixtureFile('gem/gem_coal_mine_boundaries_china.geojson')]);
    expect(p.featureCount).toBe(562);
    const polygons = p.features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
    expect(polygons).toHaveLength(103);
    expect(p.features.filter((f) => f.geometryError)).toEqual([]);
    const repeated = p.problems.filter((x) => x.code === 'repeated_vertices_dropped');
    expect(repeated.map((x) => x.featureId).sort()).toEqual(['M1252.B1', 'M2161.B1', 'M2174.B1']);
    expect(repeated.every((x) => x.severity === 'notice')).toBe(true);
    // The 459 mine points cannot be parcels; they are reported, not imported.
    expect(p.problems.filter((x) => x.code === 'wrong_type')).toHaveLength(459);
    const applied = applyFieldMapping(p, p.mapping);
    expect(applied.mapped.features).toHaveLength(103);
    expect(applied.skipped).toHaveLength(459);
  });

  it('finds the 177.7 m² sliver between Fangezhuang and Lvjiatuo once imported', async () => {
    const p = await preview([fixtureFile('gem/gem_coal_mine_boundaries_tangshan.geojson')]);
    const parcels = applyFieldMapping(p, p.mapping);
    const asZones = retargetImport(p, 'zones');
    const zones = applyFieldMapping(asZones, withMapping(asZones, { ...asZones.mapping, defaults: { ...asZones.mapping.defaults, zone_type: 'nature_reserve' } }).mapping);
    const fangezhuang = parcels.mapped.features.filter((f) => f.properties.id === 'M1121.B1');
    const lvjiatuo = zones.mapped.features.filter((f) => f.properties.id === 'M1174.B1');
    expect(fangezhuang).toHaveLength(1);
    const distances = Object.fromEntries(ZONE_TYPES.map((t) => [t, 0])) as unknown as BufferDistances;
    const analysis = await createAnalysis({ parcels: fangezhuang, zones: lvjiatuo, distances });
    const results = analysis.results();
    analysis.dispose();
    expect(results.parcels[0]!.protected_overlap_m2).toBeGreaterThan(177.65);
    expect(results.parcels[0]!.protected_overlap_m2).toBeLessThan(177.75);
  });
});

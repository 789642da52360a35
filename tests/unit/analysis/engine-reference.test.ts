import { describe, expect, it } from 'vitest';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import { validateGeometry } from '../../../src/domain/geometry-validation.ts';
import { loadGeos } from '../../../src/domain/geos/geos-loader.ts';
import { ZONE_TYPES } from '../../../src/domain/model.ts';
import { zoneBuffer } from '../../../src/domain/protection-buffers.ts';
import { referenceArea, toGeos, unionAll } from '../../helpers/direct-overlay.ts';
import { generateProgramme } from '../../helpers/programme/generate-programme.ts';

const geos = await loadGeos();
const programme = generateProgramme({ parcels: 150, treated: 90, seed: 11 });

describe('the engine against one direct overlay per parcel (PostGIS-style)', async () => {
  const analysis = await createAnalysis({
    parcels: programme.parcels.features, zones: programme.zones.features, treated: programme.treated.features, distances: GENERAL_PRESET.distances,
  });
  const results = analysis.results();
  analysis.dispose();
  const parcels = programme.parcels.features.map((f) => toGeos(geos, f.geometry));
  const close = (actual: number, expected: number, scale: number): void => {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * scale);
  };

  it('uses every generated parcel and reports no issues', () => {
    expect(results.parcels).toHaveLength(150);
    expect(results.issues).toEqual([]);
  });

  it('agrees on each zone type and on all types together, to 1e-6 of the parcel area', () => {
    const unions = ZONE_TYPES.map((type) => {
      const buffers = programme.zones.features.filter((z) => z.properties.zone_type === type).flatMap((z) => {
        const check = validateGeometry(z.geometry, 'zone');
        const buffer = check.valid ? zoneBuffer(geos, check.packed, GENERAL_PRESET.distances[type]) : null;
        return buffer ? [buffer] : [];
      });
      return unionAll(geos, buffers);
    });
    const all = unionAll(geos, unions.map((u) => geos.GEOSGeom_clone(u)));
    let overlapping = 0;
    results.parcels.forEach((p, i) => {
      ZONE_TYPES.forEach((type, k) => close(p.protected_overlap_by_type[type], referenceArea(geos, geos.GEOSIntersection(parcels[i]!, unions[k]!)), p.area_m2));
      close(p.protected_overlap_m2, referenceArea(geos, geos.GEOSIntersection(parcels[i]!, all)), p.area_m2);
      if (p.protected_overlap_m2 > 0 && p.protected_overlap_m2 < p.area_m2) overlapping++;
    });
    // The programme must exercise partial overlaps, not only the inside/outside fast paths.
    expect(overlapping).toBeGreaterThan(10);
  });

  it('lists for each parcel exactly the zones whose buffer shares area with it', () => {
    const buffers = programme.zones.features.flatMap((z) => {
      const check = validateGeometry(z.geometry, 'zone');
      const buffer = check.valid ? zoneBuffer(geos, check.packed, GENERAL_PRESET.distances[z.properties.zone_type]) : null;
      return buffer ? [{ id: z.properties.id, type: z.properties.zone_type, buffer }] : [];
    });
    let listed = 0;
    results.parcels.forEach((p, i) => {
      const sharing = buffers.filter((b) => referenceArea(geos, geos.GEOSIntersection(parcels[i]!, b.buffer)) > 0).map((b) => b.id);
      expect([...p.zones].sort()).toEqual(sharing.sort());
      listed += sharing.length;
    });
    expect(listed).toBeGreaterThan(30);
  });

  it('agrees on treated area inside each parcel and outside all of them', () => {
    const treatedUnion = unionAll(geos, programme.treated.features.map((f) => toGeos(geos, f.geometry)));
    results.parcels.forEach((p, i) => close(p.treated_m2, referenceArea(geos, geos.GEOSIntersection(parcels[i]!, treatedUnion)), p.area_m2));
    const parcelUnion = unionAll(geos, parcels.map((g) => geos.GEOSGeom_clone(g)));
    const outside = referenceArea(geos, geos.GEOSDifference(treatedUnion, parcelUnion));
    close(results.totals.treated_outside_parcels_m2, outside, outside);
    expect(results.totals.treated_m2).toBeGreaterThan(0);
  });
});

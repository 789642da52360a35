// The surveyor's shortcuts through the one write path, judged by independent facts: a whole
// parcel has the parcel's own area, split pieces add up to the polygon, a hole takes exactly its
// own area away; each is validated, journaled and undone as one step.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newTreatedFeature, wholeParcelFeature } from '../../../src/app/new-treated.ts';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import { loadGeos, type Geos } from '../../../src/domain/geos/geos-loader.ts';
import { cutHole } from '../../../src/domain/polygon-hole.ts';
import { splitPolygon } from '../../../src/domain/polygon-split.ts';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { createTreated, reshapeTreated } from '../../../src/store/edits-from-snapshot.ts';
import { splitTreated } from '../../../src/store/split-treated.ts';
import { rect } from '../../helpers/analysis-features.ts';
import { NOW, fieldProgramme, image, testDatabase } from '../../helpers/field-store.ts';

let geos: Geos;
beforeAll(async () => {
  geos = await loadGeos();
});
const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const opened = async (): Promise<FieldStore> => {
  const store = await testDatabase().open();
  open.push(store);
  return store;
};
const liveIds = (store: FieldStore): string[] => store.getSnapshot().programme.treated.features.map((f) => f.properties.id).sort();
const areaOf = (store: FieldStore, id: string): number => ellipsoidalArea(store.getSnapshot().treated.get(id)!.feature!.geometry);

// Test parcel T-M1-P1 is rect(118.49, 40.09, 118.56, 40.12); the treated polygons are 0.01° squares.
const PARCEL = rect(118.49, 40.09, 118.56, 40.12);
const FIELD = rect(118.50, 40.095, 118.52, 40.105);

describe('the whole parcel as a treated polygon', () => {
  it('copies the parcel: its area is the parcel’s own, and it is attributed to the parcel; undo takes it away', async () => {
    const store = await opened();
    const feature = wholeParcelFeature(store.getSnapshot().programme, 'T-M1-P1', '张工', 'vegetation', NOW)!;
    await store.transact(createTreated(store.getSnapshot(), feature), '张工');
    const id = feature.properties.id;
    expect(areaOf(store, id)).toBe(ellipsoidalArea(PARCEL));
    expect(store.getSnapshot().treated.get(id)!.feature!.properties).toMatchObject({ parcel_id: 'T-M1-P1', mine_id: 'T-M1', direction: 'forest', surveyor: '张工' });
    await store.undo('张工');
    expect(liveIds(store)).toEqual(['T-T1', 'T-T2']);
  });

  it('is null for a parcel that is not in the programme', () => {
    expect(wholeParcelFeature(fieldProgramme(), 'NOPE', '张工', 'vegetation', NOW)).toBeNull();
  });
});

describe('splitting a stored polygon', () => {
  it('stores the pieces as one step: the larger keeps the id and photos, the pieces sum to the whole, one undo restores it', async () => {
    const store = await opened();
    const drawn = newTreatedFeature(store.getSnapshot().programme, FIELD, '张工', 'landform', NOW);
    const feature = { ...drawn, properties: { ...drawn.properties, id: 'T-F' } };
    await store.transact(createTreated(store.getSnapshot(), feature), '张工');
    await store.addPhoto('T-F', image(100), { slot: 'before' }, '张工');
    // A line at 118.515 leaves 3/4 of the width on the west.
    const split = splitPolygon(geos, FIELD, { type: 'LineString', coordinates: [[118.515, 40.09], [118.515, 40.11]] });
    if (!split.ok) throw new Error(split.refusal.reason);
    await store.transact(splitTreated(store.getSnapshot(), 'T-F', split.pieces, NOW)!, '张工');

    const ids = liveIds(store);
    expect(ids).toHaveLength(4);
    const newId = ids.find((id) => !['T-F', 'T-T1', 'T-T2'].includes(id))!;
    expect(areaOf(store, 'T-F')).toBeCloseTo(ellipsoidalArea(rect(118.50, 40.095, 118.515, 40.105)), 3);
    expect(areaOf(store, newId)).toBeCloseTo(ellipsoidalArea(rect(118.515, 40.095, 118.52, 40.105)), 3);
    expect(Math.abs(areaOf(store, 'T-F') + areaOf(store, newId) - ellipsoidalArea(FIELD)) / ellipsoidalArea(FIELD)).toBeLessThan(1e-6);
    expect(store.getSnapshot().treated.get(newId)!.feature!.properties).toMatchObject({ measure: 'landform', surveyor: '张工', parcel_id: 'T-M1-P1' });
    expect(store.getSnapshot().photosByFeature.get('T-F')).toHaveLength(1);
    const [entry] = await store.journal(1);
    expect(entry!.edit).toMatchObject({ kind: 'batch', label: 'split T-F' });

    await store.undo('张工');
    expect(liveIds(store)).toEqual(['T-F', 'T-T1', 'T-T2']);
    expect(store.getSnapshot().treated.get('T-F')!.feature!.geometry).toEqual(FIELD);
    await store.redo('张工');
    expect(liveIds(store)).toHaveLength(4);
  });

  it('builds no edit for fewer than two pieces or an unknown polygon', async () => {
    const store = await opened();
    expect(splitTreated(store.getSnapshot(), 'T-T1', [FIELD])).toBeNull();
    expect(splitTreated(store.getSnapshot(), 'NOPE', [FIELD, FIELD])).toBeNull();
  });
});

describe('cutting a hole in a stored polygon', () => {
  it('stores whole minus hole, and undo gives the whole back', async () => {
    const store = await opened();
    const hole = rect(118.503, 40.103, 118.507, 40.107);
    const square = store.getSnapshot().treated.get('T-T1')!.feature!.geometry;
    const cut = cutHole(geos, square, hole);
    if (!cut.ok) throw new Error(cut.refusal.reason);
    await store.transact(reshapeTreated(store.getSnapshot(), 'T-T1', cut.geometry), '张工');
    expect(Math.abs(areaOf(store, 'T-T1') - (ellipsoidalArea(square) - ellipsoidalArea(hole)))).toBeLessThan(1e-6);
    await store.undo('张工');
    expect(areaOf(store, 'T-T1')).toBe(ellipsoidalArea(square));
  });

  it('refuses a hole that crosses the outer ring when written directly (validated on the write path)', async () => {
    const store = await opened();
    const crossing = { type: 'Polygon' as const, coordinates: [rect(118.50, 40.10, 118.51, 40.11).coordinates[0]!, rect(118.505, 40.105, 118.515, 40.115).coordinates[0]!.slice().reverse()] };
    await expect(store.transact(reshapeTreated(store.getSnapshot(), 'T-T1', crossing), '张工')).rejects.toMatchObject({ code: 'invalid_edit' });
  });
});

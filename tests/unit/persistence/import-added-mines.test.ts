// Parcels added to a programme with mines it lacks (the GEM Tangshan boundaries into the test
// programme): the parcels and their new mines enter as one import step, and one undo removes both.
import { afterEach, describe, expect, it } from 'vitest';
import { applyFieldMapping } from '../../../src/io/mapping/apply-field-mapping.ts';
import { minesForAddedParcels } from '../../../src/io/new-programme/mines-for-added-parcels.ts';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { importFeatures } from '../../../src/store/edits-from-snapshot.ts';
import { testDatabase } from '../../helpers/field-store.ts';
import { databaseRecords } from '../../helpers/database-records.ts';
import { fixtureFile, preview } from '../../helpers/interchange-fixtures.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

describe('importing parcels that name mines the programme lacks', () => {
  it('adds the parcels and their mines as one step, and one undo removes both', async () => {
    const database = testDatabase();
    const store = await database.open();
    open.push(store);
    const before = await databaseRecords(database);
    const { programme } = store.getSnapshot();
    const p = await preview([fixtureFile('gem/gem_coal_mine_boundaries_tangshan.geojson')]);
    const applied = applyFieldMapping(p, p.mapping, { existingIds: programme.parcels.features.map((f) => f.properties.id), mines: programme.mines });
    if (applied.mapped.layer !== 'parcels') throw new Error('not parcels');
    const added = minesForAddedParcels(applied.mapped.features, programme, 'abandoned');
    expect(added.mines).toHaveLength(4);

    await store.transact(importFeatures('import tangshan', { townships: added.townships, mines: added.mines, parcels: added.parcels }), '赵军');
    const after = store.getSnapshot();
    expect(after.history).toEqual({ undo: 1, redo: 0 });
    expect(after.programme.mines.map((m) => m.name)).toEqual(expect.arrayContaining(['Donghuantuo Coal Mine', 'Fangezhuang Coal Mine', 'Lvjiatuo Coal Mine', 'Qianjiaying Coal Mine']));
    expect(after.programme.mines).toHaveLength(programme.mines.length + 4);
    const townships = new Set(after.programme.townships.map((t) => t.id));
    for (const m of added.mines) expect(townships.has(m.township_id)).toBe(true);
    const mines = new Set(after.programme.mines.map((m) => m.id));
    for (const parcel of after.programme.parcels.features) expect(mines.has(parcel.properties.mine_id)).toBe(true);

    await store.undo('赵军');
    expect(store.getSnapshot().programme.mines.map((m) => m.id)).toEqual(programme.mines.map((m) => m.id));
    expect(store.getSnapshot().programme.parcels.features).toHaveLength(programme.parcels.features.length);
    const undone = await databaseRecords(database);
    for (const name of ['townships', 'mines', 'parcels']) expect(undone[name], name).toEqual(before[name]);
  });
});

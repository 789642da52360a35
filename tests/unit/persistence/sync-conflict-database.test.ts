import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { syncConflictDatabaseName, syncConflictDatabaseSource } from '../../../src/persistence/sync-conflict-database.ts';
import type { SyncConflict } from '../../../src/store/sync-conflict.ts';
import { SQUARE_2, SQUARE_3, treatedFeature } from '../../helpers/field-store.ts';

const base = treatedFeature('T-T1');
const conflict: SyncConflict = {
  clientEditId: 'c-1',
  edit: { kind: 'update-treated-geometry', id: 'T-T1', baseRevision: 1, geometry: SQUARE_2 },
  base: [{ layer: 'treated', id: 'T-T1', revision: 1, value: base }],
  theirs: [{ layer: 'treated', id: 'T-T1', revision: 2, value: { ...base, geometry: SQUARE_3 }, who: '乙', at: '2025-11-20T03:00:00Z' }],
};

describe('the programme’s conflict database', () => {
  it('lists stored conflicts; resolving moves one to the resolved store with its edits, once, and tells subscribers', async () => {
    const source = syncConflictDatabaseSource('TEST', () => new Date('2025-11-21T00:00:00Z'));
    const raw = await openDB(syncConflictDatabaseName('TEST'), 1);
    await raw.put('sync_conflicts', conflict);
    expect(await source.list()).toEqual([conflict]);
    let told = 0;
    const unsubscribe = source.subscribe(() => told++);
    await source.resolve(conflict, 'keep-both');
    expect(told).toBe(1);
    expect(await source.list()).toEqual([]);
    const resolved = await raw.get('sync_resolved', 'c-1');
    expect(resolved).toMatchObject({ clientEditId: 'c-1', choice: 'keep-both', at: '2025-11-21T00:00:00.000Z', conflict });
    const created = resolved.edits[0].edits[0];
    expect(created).toMatchObject({ kind: 'create-treated', baseRevision: 0, feature: { geometry: SQUARE_2 } });
    expect(created.feature.properties.id).toMatch(/^TEST-U-/);
    // A second decision on the same conflict (another tab's) changes nothing.
    await source.resolve(conflict, 'mine');
    expect((await raw.get('sync_resolved', 'c-1')).choice).toBe('keep-both');
    expect(told).toBe(1);
    unsubscribe();
    raw.close();
    source.close();
  });
});

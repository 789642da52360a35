import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { getAllInSlices } from '../../../src/persistence/store-slices.ts';

describe('reading a whole store in slices', () => {
  it('reads every record once, in key order, whatever the slice size', async () => {
    const db = await openDB('slices-test', 1, { upgrade: (d) => { d.createObjectStore('parcels'); } });
    const keys = ['P10', 'P2', 'P1', 'P7', 'P3', 'P9', 'P4'];
    for (const key of keys) await db.put('parcels', { id: key }, key);
    const sorted = [...keys].sort();
    for (const slice of [1, 3, 7, 8]) {
      const transaction = db.transaction('parcels');
      const records = await getAllInSlices(transaction.objectStore('parcels'), slice) as { id: string }[];
      expect(records.map((r) => r.id)).toEqual(sorted);
    }
    const empty = await openDB('slices-empty', 1, { upgrade: (d) => { d.createObjectStore('zones'); } });
    expect(await getAllInSlices(empty.transaction('zones').objectStore('zones'), 3)).toEqual([]);
    db.close();
    empty.close();
  });
});

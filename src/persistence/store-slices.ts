// A whole object store read a slice at a time. The browser rebuilds a getAll's records on the main
// thread in the task that delivers them: 50,000 parcels in one getAll held the page for over a
// second; in slices each task rebuilds a few thousand. Records come in key order, as getAll's.
export interface SliceableStore<K, V> {
  getAll(query?: IDBKeyRange | null, count?: number): Promise<V[]>;
  getAllKeys(query?: IDBKeyRange | null, count?: number): Promise<K[]>;
}

/** Records per slice: a few tens of milliseconds to rebuild. */
export const STORE_SLICE = 2500;

export async function getAllInSlices<K extends IDBValidKey, V>(store: SliceableStore<K, V>, slice = STORE_SLICE): Promise<V[]> {
  const records: V[] = [];
  let range: IDBKeyRange | null = null;
  for (;;) {
    const [keys, values] = await Promise.all([store.getAllKeys(range, slice), store.getAll(range, slice)]);
    for (const value of values) records.push(value);
    if (keys.length < slice) return records;
    range = IDBKeyRange.lowerBound(keys[keys.length - 1]!, true);
  }
}

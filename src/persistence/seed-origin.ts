// Which reference records came from the seed: the `seed_ids` store (schema 4) holds one key per
// seed record, "<layer>/<id>", and "programme/header" when the header is the seed's. A record
// without a key is user data (imported, created with a new programme, restored as such): a
// reseed deletes and rewrites only keyed records, so user data is never replaced nor resurrected.
import type { ReferenceLayer } from '../store/reference-features.ts';

export const HEADER_SEED_KEY = 'programme/header';

export const seedKey = (layer: ReferenceLayer, id: string): string => `${layer}/${id}`;

/** The key range of one layer's seed keys ('/' sorts before '0', so "<layer>/" … "<layer>/\uffff" holds them all). */
export const seedKeyRange = (layer: ReferenceLayer): IDBKeyRange => IDBKeyRange.bound(`${layer}/`, `${layer}/\uffff`);

export const idOfSeedKey = (layer: ReferenceLayer, key: string): string => key.slice(layer.length + 1);

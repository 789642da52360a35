// Seeds a field database from a programme (the bundled demo) once, and applies a newer version
// of that seed by the policy of store/reseed-policy.ts: the seed's reference records follow the
// seed, user records (imported, see seed-origin.ts) are never touched, treated polygons are
// add-only, so a surveyor's edits and deletions are never overwritten. Runs in one transaction,
// so two tabs starting together seed once.
import type { IDBPDatabase } from 'idb';
import type { Programme } from '../domain/model.ts';
import type { TreatedRecord } from '../store/field-records.ts';
import { REFERENCE_LAYERS, referenceId, type ReferenceLayer } from '../store/reference-features.ts';
import { reseedDecision, treatedToAdd, type ReseedDecision } from '../store/reseed-policy.ts';
import { FieldStoreError } from './field-store-error.ts';
import { writeTransaction } from './field-transaction.ts';
import type { FieldDB, FieldMeta } from './schema.ts';
import { HEADER_SEED_KEY, idOfSeedKey, seedKey, seedKeyRange } from './seed-origin.ts';

export interface SeedOutcome {
  decision: ReseedDecision;
  /** Treated polygons added by this seed. */
  added: number;
}

const SEED_STORES: ('meta' | 'programme' | 'townships' | 'mines' | 'parcels' | 'zones' | 'treated' | 'seed_ids' | 'sync_link')[] = [
  'meta', 'programme', 'townships', 'mines', 'parcels', 'zones', 'treated', 'seed_ids', 'sync_link',
];

export function freshMeta(programmeId: string): FieldMeta {
  return {
    programmeId, seedsApplied: [], seededAt: null, clock: 0, lastSeq: 0, lastStep: 0, lastExportedSeq: 0, lastExportedAt: null, restoredAt: null,
  };
}

/**
 * `formerVersion`: the same seed's version as Fulv computed it before (a hash of the whole
 * programme), asked only when `fingerprint` is new to the database. When the database applied
 * the seed under that version, nothing is reseeded and the new version is recorded beside it, so
 * an update of the app does not replace reference layers (imported parcels among them) with the
 * very seed they came from. A programme linked to a server is never reseeded.
 */
export function seedProgramme(db: IDBPDatabase<FieldDB>, programme: Programme, fingerprint: string, at: Date, formerVersion?: () => string): Promise<SeedOutcome> {
  return writeTransaction(db, SEED_STORES, 'the programme', async (transaction): Promise<SeedOutcome> => {
    const stored = await transaction.objectStore('meta').get('field');
    if (stored && stored.programmeId !== programme.id) {
      throw new FieldStoreError('programme_mismatch', `This database holds programme ${stored.programmeId}, not ${programme.id}; open it with its own programme.`);
    }
    const decision = reseedDecision(stored ? { applied: stored.seedsApplied } : null, fingerprint);
    if (decision === 'none') return { decision, added: 0 };
    // A programme linked to a server (published or downloaded) has the server as its source: a
    // reseed would rewrite records with nothing entering the outbox, and the device would part
    // from the server silently.
    const linked = (await transaction.objectStore('sync_link').getKey('link')) !== undefined;
    if (stored && decision === 'reseed' && (linked || (formerVersion && stored.seedsApplied.includes(formerVersion())))) {
      await transaction.objectStore('meta').put({ ...stored, seedsApplied: [...stored.seedsApplied, fingerprint] }, 'field');
      return { decision: 'none', added: 0 };
    }

    const { treated, townships, mines, parcels, zones, ...header } = programme;
    const seedIds = transaction.objectStore('seed_ids');
    const headerIsUsers = (await transaction.objectStore('programme').getKey('header')) !== undefined && (await seedIds.getKey(HEADER_SEED_KEY)) === undefined;
    if (!headerIsUsers) {
      await transaction.objectStore('programme').put(header, 'header');
      await seedIds.put('programme', HEADER_SEED_KEY);
    }
    const records: Record<ReferenceLayer, ReadonlyArray<object>> = { townships, mines, parcels: parcels.features, zones: zones.features };
    for (const layer of REFERENCE_LAYERS) {
      const store = transaction.objectStore(layer);
      for (const key of await seedIds.getAllKeys(seedKeyRange(layer))) {
        await store.delete(idOfSeedKey(layer, key));
        await seedIds.delete(key);
      }
      // What remains is user data; a seed record with a user record's id gives way to it.
      const userIds = new Set(await store.getAllKeys());
      for (const record of records[layer]) {
        const id = referenceId(layer, record as never);
        if (userIds.has(id)) continue;
        await store.put(record as never);
        await seedIds.put(layer, seedKey(layer, id));
      }
    }

    const known = new Set(await transaction.objectStore('treated').getAllKeys());
    const additions = treatedToAdd(treated.features, known);
    for (const feature of additions) {
      const record: TreatedRecord = { id: feature.properties.id, revision: 1, feature };
      await transaction.objectStore('treated').put(record);
    }

    const meta = stored ?? freshMeta(programme.id);
    meta.seedsApplied = [...meta.seedsApplied, fingerprint];
    meta.seededAt = at.toISOString();
    meta.clock += 1;
    await transaction.objectStore('meta').put(meta, 'field');
    return { decision, added: additions.length };
  });
}

// Version 2: field editing. Treated polygons become revisioned records (with tombstones for
// deleted ones), meta becomes one typed record, and the journal, undo/redo and photo stores
// appear. Everything a version-1 database held is kept: its treated polygons were all seeded,
// so they become revision 1, exactly as a fresh seed would write them.
import type { TreatedFeature } from '../../domain/model.ts';
import type { TreatedRecord } from '../../store/field-records.ts';
import type { FieldMeta } from '../schema.ts';
import type { Migration } from './migration.ts';

export const v2FieldEditing: Migration = {
  version: 2,
  description: 'field editing: revisioned treated records, journal, undo/redo, photos, typed meta',
  async upgrade(db, transaction) {
    const meta = transaction.objectStore('meta');
    const programmeId: unknown = await meta.get('programme_id');
    const seedVersion: unknown = await meta.get('seed_version');
    await meta.clear();
    if (typeof programmeId === 'string') {
      const field: FieldMeta = {
        programmeId,
        seedsApplied: typeof seedVersion === 'string' ? [seedVersion] : [],
        seededAt: null,
        clock: 0,
        lastSeq: 0,
        lastStep: 0,
        lastExportedSeq: 0,
        lastExportedAt: null,
        restoredAt: null,
      };
      await meta.put(field, 'field');
    }

    // A key path cannot change in place: read the features, recreate the store, write records.
    const features = (await transaction.objectStore('treated').getAll()) as TreatedFeature[];
    db.deleteObjectStore('treated');
    const treated = db.createObjectStore('treated', { keyPath: 'id' });
    for (const feature of features) {
      const record: TreatedRecord = { id: feature.properties.id, revision: 1, feature };
      await treated.put(record);
    }

    db.createObjectStore('photos', { keyPath: 'id' }).createIndex('feature_id', 'feature_id');
    db.createObjectStore('photo_blobs', { keyPath: 'id' });
    db.createObjectStore('journal', { keyPath: 'seq' });
    db.createObjectStore('undo', { keyPath: 'step' });
    db.createObjectStore('redo', { keyPath: 'step' });
  },
};

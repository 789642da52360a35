// Version 4: first-class programme data. Reference records learn their origin (the `seed_ids`
// store, see seed-origin.ts) and the programme gains a settings store (buffer distances).
// Nothing is lost: a version-3 database's reference records whose ids the seed it is opened
// with also holds are marked as seed records; every other one (imported parcels and zones) is
// user data from now on, which no reseed replaces and which backups carry. Opened without a
// seed (or with another programme's), every record is user data.
import type { Migration } from './migration.ts';

const LAYERS = ['townships', 'mines', 'parcels', 'zones'] as const;

export const v4ProgrammeData: Migration = {
  version: 4,
  description: 'programme data: origin of reference records (seed or user), settings',
  async upgrade(db, transaction, context) {
    const seedIds = db.createObjectStore('seed_ids');
    db.createObjectStore('settings', { keyPath: 'id' });
    const seed = context.seed;
    const meta = (await transaction.objectStore('meta').get('field')) as { programmeId?: unknown } | undefined;
    if (!seed || meta?.programmeId !== seed.id) return;
    const seedLayers = {
      townships: new Set(seed.townships.map((r) => r.id)),
      mines: new Set(seed.mines.map((r) => r.id)),
      parcels: new Set(seed.parcels.features.map((f) => f.properties.id)),
      zones: new Set(seed.zones.features.map((f) => f.properties.id)),
    };
    if ((await transaction.objectStore('programme').getKey('header')) !== undefined) await seedIds.put('programme', 'programme/header');
    for (const layer of LAYERS) {
      for (const key of await transaction.objectStore(layer).getAllKeys()) {
        if (typeof key === 'string' && seedLayers[layer].has(key)) await seedIds.put(layer, `${layer}/${key}`);
      }
    }
  },
};

// Version 1: the read-only programme cache (before field editing). Treated polygons were stored
// as bare GeoJSON features, keyed by properties.id like parcels and zones, and meta held loose
// key/value pairs ('programme_id', 'seed_version').
import type { Migration } from './migration.ts';

export const v1ProgrammeCache: Migration = {
  version: 1,
  description: 'programme cache: header, townships, mines, parcels, zones, treated features, meta',
  upgrade(db) {
    db.createObjectStore('meta');
    db.createObjectStore('programme');
    db.createObjectStore('townships', { keyPath: 'id' });
    db.createObjectStore('mines', { keyPath: 'id' });
    db.createObjectStore('parcels', { keyPath: 'properties.id' });
    db.createObjectStore('zones', { keyPath: 'properties.id' });
    db.createObjectStore('treated', { keyPath: 'properties.id' });
    return Promise.resolve();
  },
};

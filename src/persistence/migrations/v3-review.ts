// Version 3: review. Acceptance records per parcel and an edited target table get their own
// revisioned stores. Nothing older changes shape: a version-2 database keeps every treated
// polygon, photo, journal entry and undo step, and starts with no acceptance records and the
// programme's own targets.
import type { Migration } from './migration.ts';

export const v3Review: Migration = {
  version: 3,
  description: 'review: acceptance records per parcel, edited targets',
  upgrade(db) {
    db.createObjectStore('reviews', { keyPath: 'id' });
    db.createObjectStore('targets', { keyPath: 'id' });
    return Promise.resolve();
  },
};

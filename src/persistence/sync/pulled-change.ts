// Writes one change pulled from the server into the local records, as the server holds it
// (value and revision). Values are the server's: it checked them by the same rules.
import type { Mine, ParcelFeature, TargetTable, Township, TreatedFeature, ZoneFeature } from '../../domain/model.ts';
import type { ParcelReview } from '../../domain/review.ts';
import type { BufferDistances } from '../../domain/buffer-presets.ts';
import type { PhotoMeta } from '../../store/photo.ts';
import { editTarget, singleEdits } from '../../store/edit.ts';
import type { PulledChange } from '../../store/sync-protocol.ts';
import type { OutboxEntry } from '../../store/sync-records.ts';
import type { EditTransaction } from '../schema.ts';

export const slotKey = (layer: string, id: string): string => `${layer}/${id}`;

/** The slots edits waiting in the outbox write. */
export function outboxSlots(entries: readonly OutboxEntry[]): Set<string> {
  const slots = new Set<string>();
  for (const entry of entries) {
    for (const part of singleEdits(entry.edit)) {
      const target = editTarget(part);
      slots.add(slotKey(target.layer, target.id));
    }
  }
  return slots;
}

/** Returns true when a reference layer changed. */
export async function applyPulledChange(t: EditTransaction, change: PulledChange): Promise<boolean> {
  const { id, revision, value } = change;
  switch (change.layer) {
    case 'treated':
      await t.objectStore('treated').put({ id, revision, feature: value as TreatedFeature | null });
      return false;
    case 'photos': {
      const photo = value as PhotoMeta | null;
      const current = await t.objectStore('photos').get(id);
      await t.objectStore('photos').put({ id, revision, feature_id: photo?.feature_id ?? current?.feature_id ?? '', photo });
      return false;
    }
    case 'reviews':
      await t.objectStore('reviews').put({ id, revision, review: value as ParcelReview | null });
      return false;
    case 'targets':
      await t.objectStore('targets').put({ id, revision, table: value as TargetTable | null });
      return false;
    case 'settings':
      await t.objectStore('settings').put({ id, revision, distances: value as BufferDistances | null });
      return false;
    case 'reference':
      return false;
    case 'parcels':
      if (value === null) await t.objectStore('parcels').delete(id);
      else await t.objectStore('parcels').put(value as ParcelFeature);
      return true;
    case 'zones':
      if (value === null) await t.objectStore('zones').delete(id);
      else await t.objectStore('zones').put(value as ZoneFeature);
      return true;
    case 'mines':
      if (value === null) await t.objectStore('mines').delete(id);
      else await t.objectStore('mines').put(value as Mine);
      return true;
    case 'townships':
      if (value === null) await t.objectStore('townships').delete(id);
      else await t.objectStore('townships').put(value as Township);
      return true;
  }
}

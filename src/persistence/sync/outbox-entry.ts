// Entering an edit into the outbox, inside the transaction that stores it: written together or
// not at all. Only a programme linked to a server has an outbox.
import { editTarget, singleEdits, type Edit, type EditLayer } from '../../store/edit.ts';
import type { SlotValue } from '../../store/sync-records.ts';
import type { AppliedEdit } from '../edit-application.ts';
import type { EditTransaction } from '../schema.ts';

type Target = { layer: EditLayer; id: string };

function targets(edit: Edit): Target[] {
  const seen = new Map<string, Target>();
  for (const part of singleEdits(edit)) {
    const target = editTarget(part);
    if (target.layer !== 'reference') seen.set(`${target.layer}/${target.id}`, target);
  }
  return [...seen.values()];
}

async function slotValue(transaction: EditTransaction, { layer, id }: Target): Promise<SlotValue> {
  switch (layer) {
    case 'treated': {
      const record = await transaction.objectStore('treated').get(id);
      return { layer, id, revision: record?.revision ?? 0, value: record?.feature ?? null };
    }
    case 'photos': {
      const record = await transaction.objectStore('photos').get(id);
      return { layer, id, revision: record?.revision ?? 0, value: record?.photo ?? null };
    }
    case 'reviews': {
      const record = await transaction.objectStore('reviews').get(id);
      return { layer, id, revision: record?.revision ?? 0, value: record?.review ?? null };
    }
    case 'targets': {
      const record = await transaction.objectStore('targets').get(id);
      return { layer, id, revision: record?.revision ?? 0, value: record?.table ?? null };
    }
    default: {
      const record = await transaction.objectStore('settings').get(id);
      return { layer, id, revision: record?.revision ?? 0, value: record?.distances ?? null };
    }
  }
}

/** The values of the slots `edit` writes, read before it is applied; null when the programme is not linked. */
export async function readBase(transaction: EditTransaction, edit: Edit): Promise<SlotValue[] | null> {
  if ((await transaction.objectStore('sync_link').getKey('link')) === undefined) return null;
  const values: SlotValue[] = [];
  for (const target of targets(edit)) values.push(await slotValue(transaction, target));
  return values;
}

function mineOf(applied: AppliedEdit): SlotValue[] {
  return [
    ...applied.treated.map((r): SlotValue => ({ layer: 'treated', id: r.id, revision: r.revision, value: r.feature })),
    ...applied.photos.map((r): SlotValue => ({ layer: 'photos', id: r.id, revision: r.revision, value: r.photo })),
    ...applied.reviews.map((r): SlotValue => ({ layer: 'reviews', id: r.id, revision: r.revision, value: r.review })),
    ...applied.targets.map((r): SlotValue => ({ layer: 'targets', id: r.id, revision: r.revision, value: r.table })),
    ...applied.distances.map((r): SlotValue => ({ layer: 'settings', id: r.id, revision: r.revision, value: r.distances })),
  ];
}

export async function enterOutbox(transaction: EditTransaction, seq: number, edit: Edit, at: Date, base: SlotValue[], applied: AppliedEdit): Promise<void> {
  await transaction.objectStore('outbox').put({ seq, clientEditId: crypto.randomUUID(), edit, madeAt: at.toISOString(), base, mine: mineOf(applied) });
}

// Applies one edit to one treated polygon, returning the new state and the edit that undoes it.
// Pure: persistence feeds it the record read inside the write transaction, so the revision
// check and the write happen atomically.
import type { TreatedFeature, TreatedProperties } from '../domain/model.ts';
import type { TreatedAttributeChange, TreatedEdit } from './edit.ts';
import { revisionRefusal, type Applied, type Slot } from './slot.ts';

function notFound(id: string): Applied<TreatedFeature> {
  return { ok: false, refusal: { code: 'not_found', reason: `treated polygon ${id} does not exist (deleted, perhaps in another tab)` } };
}

/** The previous values of exactly the attributes a change touches. */
function previousValues(properties: TreatedProperties, change: TreatedAttributeChange): TreatedAttributeChange {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(change)) previous[key] = properties[key as keyof TreatedProperties];
  return previous as TreatedAttributeChange;
}

export function applyTreatedEdit(slot: Slot<TreatedFeature>, edit: TreatedEdit): Applied<TreatedFeature> {
  const id = edit.kind === 'create-treated' ? edit.feature.properties.id : edit.id;
  const stale = revisionRefusal(`treated polygon ${id}`, slot, edit.baseRevision);
  if (stale) return { ok: false, refusal: stale };
  const revision = slot.revision + 1;
  if (edit.kind === 'create-treated') {
    if (slot.value) return { ok: false, refusal: { code: 'already_exists', reason: `treated polygon ${id} already exists` } };
    return { ok: true, next: { revision, value: edit.feature }, inverse: { kind: 'delete-treated', id, baseRevision: revision } };
  }
  const current = slot.value;
  if (!current) return notFound(id);
  switch (edit.kind) {
    case 'update-treated-geometry':
      return {
        ok: true,
        next: { revision, value: { ...current, geometry: edit.geometry } },
        inverse: { kind: 'update-treated-geometry', id, baseRevision: revision, geometry: current.geometry },
      };
    case 'update-treated-attributes':
      return {
        ok: true,
        // The id is spread last so that a change can never rename the polygon.
        next: { revision, value: { ...current, properties: { ...current.properties, ...edit.attributes, id } } },
        inverse: { kind: 'update-treated-attributes', id, baseRevision: revision, attributes: previousValues(current.properties, edit.attributes) },
      };
    case 'delete-treated':
      return { ok: true, next: { revision, value: null }, inverse: { kind: 'create-treated', baseRevision: revision, feature: current } };
  }
}

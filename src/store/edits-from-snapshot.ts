// Builds edits based on what the UI is showing: the base revision comes from the snapshot the
// surveyor was looking at, so if another tab changed the polygon meanwhile, the edit is refused
// instead of silently overwriting that change.
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { AreaGeometry, TreatedFeature, ZoneFeature } from '../domain/model.ts';
import type {
  BatchEdit, DeleteTreated, ImportFeatures, RemovePhoto, SetBufferDistances, TreatedAttributeChange, UpdateTreatedAttributes, UpdateTreatedGeometry, CreateTreated,
} from './edit.ts';
import { distancesRevision, photoRevision, treatedRevision, type FieldSnapshot } from './field-snapshot.ts';
import { NO_REFERENCE_FEATURES, type ReferenceFeatures } from './reference-features.ts';

export function createTreated(snapshot: FieldSnapshot, feature: TreatedFeature): CreateTreated {
  return { kind: 'create-treated', baseRevision: treatedRevision(snapshot, feature.properties.id), feature };
}

export function reshapeTreated(snapshot: FieldSnapshot, id: string, geometry: AreaGeometry): UpdateTreatedGeometry {
  return { kind: 'update-treated-geometry', id, baseRevision: treatedRevision(snapshot, id), geometry };
}

export function changeTreatedAttributes(snapshot: FieldSnapshot, id: string, attributes: TreatedAttributeChange): UpdateTreatedAttributes {
  return { kind: 'update-treated-attributes', id, baseRevision: treatedRevision(snapshot, id), attributes };
}

export function deleteTreated(snapshot: FieldSnapshot, id: string): DeleteTreated {
  return { kind: 'delete-treated', id, baseRevision: treatedRevision(snapshot, id) };
}

export function removePhoto(snapshot: FieldSnapshot, photoId: string): RemovePhoto {
  return { kind: 'remove-photo', photoId, baseRevision: photoRevision(snapshot, photoId) };
}

/** Imported townships, mines, parcels and zones as one undo step; layers left out add nothing. */
export function importFeatures(label: string, features: Partial<ReferenceFeatures>): ImportFeatures {
  return { kind: 'import-features', label, features: { ...NO_REFERENCE_FEATURES, ...features } };
}

/** The programme's zones replaced by others, as one undoable step (zones have no dependants, so their removal is never refused). */
export function replaceZones(snapshot: FieldSnapshot, label: string, zones: readonly ZoneFeature[]): BatchEdit {
  return {
    kind: 'batch', label,
    edits: [
      { kind: 'remove-features', label, features: { ...NO_REFERENCE_FEATURES, zones: snapshot.programme.zones.features } },
      importFeatures(label, { zones: [...zones] }),
    ],
  };
}

export function setBufferDistances(snapshot: FieldSnapshot, distances: BufferDistances | null): SetBufferDistances {
  return { kind: 'set-buffer-distances', baseRevision: distancesRevision(snapshot), distances };
}

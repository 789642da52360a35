// The immutable view of a field database that the UI renders. A new object replaces it on every
// change (and only then), which is what React's useSyncExternalStore needs; unchanged parts
// (parcels, zones…) keep their identity so memoised map layers are not rebuilt.
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { Programme, TargetTable, TreatedFeature } from '../domain/model.ts';
import type { PhotoRecord, TreatedRecord } from './field-records.ts';
import type { PhotoMeta } from './photo.ts';
import type { BufferDistancesRecord } from './programme-settings.ts';
import type { ReviewRecord, TargetsRecord } from './review-records.ts';

/** Acceptance records and edited targets (schema version 3), buffer distances (version 4). */
export interface ReviewContents {
  reviews: ReadonlyMap<string, ReviewRecord>;
  targets: TargetsRecord | null;
  distances?: BufferDistancesRecord | null;
}

export const NO_REVIEW_CONTENTS: ReviewContents = Object.freeze({ reviews: new Map<string, ReviewRecord>(), targets: null, distances: null });

export type ReferenceLayers = Omit<Programme, 'treated'>;

export interface HistoryDepth {
  undo: number;
  redo: number;
}

/** What persistence reads or writes besides the reference layers. */
export interface FieldState {
  /** Database change counter: grows with every committed write, in any tab. */
  clock: number;
  history: HistoryDepth;
  /** Journal entries written since the last backup export. */
  unexportedCount: number;
  /** Null when the programme is not linked to a team server. */
  sync: SyncState | null;
}

/** How far this device's edits are from the team server (schema 5). */
export interface SyncState {
  serverUrl: string;
  /** Edits in the outbox. */
  waiting: number;
  /** Edits the server answered with a newer version, kept for the user to resolve. */
  conflicts: number;
  /** Edits the server refused by a rule. */
  refused: number;
  /** ISO 8601; null before the first sync. */
  lastSyncAt: string | null;
}

export type ConnectionState =
  | { state: 'open' }
  | { state: 'closed'; reason: 'closed' | 'upgrade_elsewhere' | 'terminated'; message: string };

export interface FieldSnapshot {
  /**
   * The programme with `treated` holding the live (not deleted) treated polygons, by id, and
   * `targets` the edited target table if there is one.
   */
  readonly programme: Programme;
  /** The targets as the programme's seed states them (what "back to the programme's" restores). */
  readonly programmeTargets: TargetTable;
  /** Acceptance records by parcel id (parcels never reviewed have none). */
  readonly reviews: ReadonlyMap<string, ReviewRecord>;
  readonly targetsRecord: TargetsRecord | null;
  /** The programme's buffer distances; null when none was chosen (the app's default applies). */
  readonly bufferDistances: BufferDistances | null;
  readonly distancesRecord: BufferDistancesRecord | null;
  /** Every treated polygon ever held, live or deleted, by id; its revision is the edits' base. */
  readonly treated: ReadonlyMap<string, TreatedRecord>;
  /** Every photo record, attached or removed, by id. */
  readonly photoRecords: ReadonlyMap<string, PhotoRecord>;
  /** Attached photos of live polygons, grouped by polygon id, oldest first. */
  readonly photosByFeature: ReadonlyMap<string, readonly PhotoMeta[]>;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly history: HistoryDepth;
  readonly unexportedCount: number;
  /** Sync with the team server; null when the programme is not linked to one. */
  readonly sync: SyncState | null;
  readonly clock: number;
  readonly connection: ConnectionState;
}

function liveFeatures(treated: ReadonlyMap<string, TreatedRecord>): TreatedFeature[] {
  const features: TreatedFeature[] = [];
  for (const record of [...treated.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (record.feature) features.push(record.feature);
  }
  return features;
}

function groupPhotos(photos: ReadonlyMap<string, PhotoRecord>, treated: ReadonlyMap<string, TreatedRecord>): Map<string, PhotoMeta[]> {
  const groups = new Map<string, PhotoMeta[]>();
  for (const record of photos.values()) {
    if (!record.photo || !treated.get(record.feature_id)?.feature) continue;
    const group = groups.get(record.feature_id) ?? [];
    group.push(record.photo);
    groups.set(record.feature_id, group);
  }
  for (const group of groups.values()) group.sort((a, b) => (a.taken_at < b.taken_at ? -1 : a.taken_at > b.taken_at ? 1 : 0));
  return groups;
}

export function buildSnapshot(
  reference: ReferenceLayers,
  treated: ReadonlyMap<string, TreatedRecord>,
  photoRecords: ReadonlyMap<string, PhotoRecord>,
  state: FieldState,
  connection: ConnectionState = { state: 'open' },
  review: ReviewContents = NO_REVIEW_CONTENTS,
): FieldSnapshot {
  return {
    programme: { ...reference, targets: review.targets?.table ?? reference.targets, treated: { type: 'FeatureCollection', features: liveFeatures(treated) } },
    programmeTargets: reference.targets,
    reviews: review.reviews,
    targetsRecord: review.targets,
    bufferDistances: review.distances?.distances ?? null,
    distancesRecord: review.distances ?? null,
    treated,
    photoRecords,
    photosByFeature: groupPhotos(photoRecords, treated),
    canUndo: state.history.undo > 0,
    canRedo: state.history.redo > 0,
    history: state.history,
    unexportedCount: state.unexportedCount,
    sync: state.sync,
    clock: state.clock,
    connection,
  };
}

/** The snapshot after records written by one transaction of this tab. */
export function withRecords(
  snapshot: FieldSnapshot,
  treated: readonly TreatedRecord[],
  photos: readonly PhotoRecord[],
  state: FieldState,
  reviewed: { reviews?: readonly ReviewRecord[]; targets?: readonly TargetsRecord[]; distances?: readonly BufferDistancesRecord[] } = {},
): FieldSnapshot {
  const reference = referenceLayers(snapshot);
  const nextTreated = new Map(snapshot.treated);
  for (const record of treated) nextTreated.set(record.id, record);
  const nextPhotos = new Map(snapshot.photoRecords);
  for (const record of photos) nextPhotos.set(record.id, record);
  // Unchanged acceptance records keep the map's identity, so derived views are not recomputed.
  let reviews = snapshot.reviews;
  if (reviewed.reviews && reviewed.reviews.length > 0) {
    const next = new Map(reviews);
    for (const record of reviewed.reviews) next.set(record.id, record);
    reviews = next;
  }
  const targets = reviewed.targets?.[reviewed.targets.length - 1] ?? snapshot.targetsRecord;
  const distances = reviewed.distances?.[reviewed.distances.length - 1] ?? snapshot.distancesRecord;
  return buildSnapshot(reference, nextTreated, nextPhotos, state, snapshot.connection, { reviews, targets, distances });
}

export function referenceLayers(snapshot: FieldSnapshot): ReferenceLayers {
  const { treated: _live, ...reference } = snapshot.programme;
  return { ...reference, targets: snapshot.programmeTargets };
}

/** The stored acceptance records and targets of a snapshot, to carry over a rebuild. */
export function reviewContents(snapshot: FieldSnapshot): ReviewContents {
  return { reviews: snapshot.reviews, targets: snapshot.targetsRecord, distances: snapshot.distancesRecord };
}

export function withConnection(snapshot: FieldSnapshot, connection: ConnectionState): FieldSnapshot {
  return { ...snapshot, connection };
}

/** The revision an edit of this treated polygon must be based on (0 if it never existed). */
export function treatedRevision(snapshot: FieldSnapshot, id: string): number {
  return snapshot.treated.get(id)?.revision ?? 0;
}

export function reviewRevision(snapshot: FieldSnapshot, parcelId: string): number {
  return snapshot.reviews.get(parcelId)?.revision ?? 0;
}

export function targetsRevision(snapshot: FieldSnapshot): number {
  return snapshot.targetsRecord?.revision ?? 0;
}

export function distancesRevision(snapshot: FieldSnapshot): number {
  return snapshot.distancesRecord?.revision ?? 0;
}

export function photoRevision(snapshot: FieldSnapshot, id: string): number {
  return snapshot.photoRecords.get(id)?.revision ?? 0;
}

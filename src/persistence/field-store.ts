// The field store: what the UI uses to read and change a programme's field data. React-free;
// wire it with `useSyncExternalStore(store.subscribe, store.getSnapshot)`.
//
// Every change goes through one write path (write-edit.ts) and each returned promise resolves
// only once the change is on disk, so "saved" can be shown on resolve. Calls are queued and run
// one at a time in call order. Failures reject with FieldStoreError and write nothing.
//
// Concurrency (several tabs on one device): edits carry the revision they were based on.
// Edits to different polygons never conflict. An edit based on an old revision of a polygon is
// refused with 'stale_revision' (first writer wins, the later one is told and nothing is
// overwritten); the other tab's change has already reached this tab's snapshot, so the user
// can redo the edit on the current version. Undo/redo history is shared by the tabs (one
// history per programme and device); an undo step made stale by another tab's later change is
// refused with 'history_conflict' and dropped from the history.
import type { IDBPDatabase } from 'idb';
import type { Programme } from '../domain/model.ts';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import { programmeContentOf } from '../store/programme-content-of.ts';
import { readTransaction } from './field-transaction.ts';
import { localIsoDate } from '../store/calendar-date.ts';
import type { Edit } from '../store/edit.ts';
import { removePhoto as removePhotoEdit } from '../store/edits-from-snapshot.ts';
import { preflightEdit, whoProblems } from '../store/edit-preflight.ts';
import { buildSnapshot, type FieldSnapshot } from '../store/field-snapshot.ts';
import { checkAreaGeometry, type GeometryChecker } from '../store/geometry-check.ts';
import type { JournalEntry } from '../store/journal-entry.ts';
import { newPhotoId } from '../store/new-id.ts';
import { DEFAULT_MAX_PHOTO_BYTES, photoSizeProblem, type PhotoMeta } from '../store/photo.ts';
import { asSentence, describeProblems } from '../store/problem.ts';
import { referenceContext, type ReferenceContext } from '../store/reference-context.ts';
import { programmeFingerprint } from '../store/seed-fingerprint.ts';
import { exportBackup, type BackupFile } from './backup/export-backup.ts';
import { restoreBackup, type RestoreSummary } from './backup/restore-backup.ts';
import { FieldStoreError } from './field-store-error.ts';
import { openFieldDatabase } from './open-database.ts';
import { readEditableContents, readJournal, readPhotoImage, readReferenceLayers } from './read-field-database.ts';
import type { FieldDB, PhotoBlobRecord } from './schema.ts';
import { fieldDatabaseName, storedProgrammeId, storeInitialDistances } from './programme-database.ts';
import { seedProgramme, type SeedOutcome } from './seed-programme.ts';
import { SnapshotKeeper } from './snapshot-keeper.ts';
import { openTabChannel, type TabChannel } from './tab-channel.ts';
import { writeEdit, writeHistoryStep, type WriteOutcome } from './write-edit.ts';
import { linkPublishedProgramme } from './sync/link-published.ts';
import { photosWithoutImage, storePhotoImage } from './sync/pulled-photo-images.ts';
import { applyPulledPage, linkProgramme, readConflicts, readLink, readOutbox, recordPushOutcomes, settleConflict, type SyncWrite } from './sync/sync-storage.ts';
import type { FieldStore, FieldStoreOptions, FieldSync, PhotoDetails, Saved } from './field-store-types.ts';

export type { FieldStore, FieldStoreOptions, FieldSync, PhotoDetails, Saved } from './field-store-types.ts';

const fromWrite = (outcome: WriteOutcome): Saved => ({ seq: outcome.seq, treated: outcome.treated, photos: outcome.photos });

class OpenFieldStore implements FieldStore {
  private queue: Promise<unknown> = Promise.resolve();
  private closing = false;
  private readonly now: () => Date;
  private readonly maxPhotoBytes: number;
  private readonly checkGeometry: GeometryChecker;
  private referenceCache: ReferenceContext;
  private referenceFor: unknown;

  constructor(
    readonly dbName: string,
    private readonly db: IDBPDatabase<FieldDB>,
    readonly programmeId: string,
    private readonly seed: Programme | null,
    private readonly keeper: SnapshotKeeper,
    private readonly channel: TabChannel,
    options: FieldStoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.maxPhotoBytes = options.maxPhotoBytes ?? DEFAULT_MAX_PHOTO_BYTES;
    this.checkGeometry = options.checkGeometry ?? checkAreaGeometry;
    this.referenceCache = referenceContext(keeper.get().programme, this.now());
    this.referenceFor = keeper.get().programme.parcels;
  }

  readonly sync: FieldSync = {
    link: () => readLink(this.db),
    linkTo: (link) => this.enqueue(async () => this.publishedSync({ state: await linkProgramme(this.db, link), referenceChanged: false })),
    linkPublished: (link, revisions, clock) => this.enqueue(async () => this.publishedSync({
      state: await linkPublishedProgramme(this.db, link, revisions, clock, this.now()), referenceChanged: false,
    })),
    outbox: (limit) => readOutbox(this.db, limit),
    conflicts: () => readConflicts(this.db),
    recordPushOutcomes: (outcomes) => this.enqueue(async () => this.publishedSync(await recordPushOutcomes(this.db, outcomes, this.now()))),
    applyPulledPage: (changes, cursor) => this.enqueue(async () => this.publishedSync(await applyPulledPage(this.db, changes, cursor, this.now()))),
    photoImage: (photoId) => readPhotoImage(this.db, photoId),
    photosWithoutImage: (limit) => photosWithoutImage(this.db, limit),
    storePhotoImage: (photo, image) => this.enqueue(() => storePhotoImage(this.db, photo, image)),
    settle: (clientEditId, resolution) => this.enqueue(async () => {
      const at = this.now();
      const edits = resolution?.edits ?? [];
      for (const edit of edits) {
        const problems = await preflightEdit(edit, resolution!.who, { checkGeometry: this.checkGeometry, maxPhotoBytes: this.maxPhotoBytes, now: at });
        if (problems.length > 0) throw new FieldStoreError('invalid_edit', asSentence(`The resolution was refused: ${describeProblems(problems)}`), problems);
      }
      const request = { who: resolution?.who ?? '', at, reference: this.reference(at) };
      await this.publishedSync(await settleConflict(this.db, clientEditId, resolution ? { edits, request } : undefined));
    }),
  };

  private async publishedSync(write: SyncWrite): Promise<void> {
    const kind = write.referenceChanged ? 'reset' : 'changed';
    await this.keeper.requestRead(kind);
    this.channel.post({ kind, clock: write.state.clock });
  }

  getSnapshot = (): FieldSnapshot => this.keeper.get();
  subscribe = (listener: () => void): (() => void) => this.keeper.subscribe(listener);

  /** Today changes at midnight, the parcels and mines only with a reseed; rebuild only what changed. */
  private reference(now: Date): ReferenceContext {
    const programme = this.keeper.get().programme;
    if (this.referenceFor !== programme.parcels) {
      this.referenceCache = referenceContext(programme, now);
      this.referenceFor = programme.parcels;
    }
    return { ...this.referenceCache, today: localIsoDate(now) };
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new FieldStoreError('closed', 'The field store was closed.'));
    const run = async (): Promise<T> => {
      const connection = this.keeper.get().connection;
      if (connection.state !== 'open') throw new FieldStoreError('closed', connection.message);
      return work();
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async published(outcome: WriteOutcome): Promise<Saved> {
    if (outcome.referenceChanged) {
      // Parcels, mines or zones changed: the reference layers are read again, here and in other tabs.
      await this.keeper.requestRead('reset');
      this.channel.post({ kind: 'reset', clock: outcome.state.clock });
      return fromWrite(outcome);
    }
    this.keeper.applyWrite(outcome.treated, outcome.photos, outcome.state, { reviews: outcome.reviews, targets: outcome.targets, distances: outcome.distances });
    this.channel.post({ kind: 'changed', clock: outcome.state.clock });
    return fromWrite(outcome);
  }

  private async write(edit: Edit, who: string, blob?: PhotoBlobRecord): Promise<WriteOutcome> {
    const now = this.now();
    const problems = await preflightEdit(edit, who, { checkGeometry: this.checkGeometry, maxPhotoBytes: this.maxPhotoBytes, now });
    if (problems.length > 0) throw new FieldStoreError('invalid_edit', asSentence(`The edit was refused: ${describeProblems(problems)}`), problems);
    return writeEdit(this.db, edit, { who, at: now, reference: this.reference(now), ...(blob ? { blob } : {}) });
  }

  transact(edit: Edit, who: string): Promise<Saved> {
    return this.enqueue(async () => this.published(await this.write(edit, who)));
  }

  private step(from: 'undo' | 'redo', who: string): Promise<Saved> {
    return this.enqueue(async () => {
      const anonymous = whoProblems(who);
      if (anonymous.length > 0) throw new FieldStoreError('invalid_edit', asSentence(`The ${from} was refused: ${describeProblems(anonymous)}`), anonymous);
      const outcome = await writeHistoryStep(this.db, from, who, this.now());
      if (outcome.ok) return this.published(outcome.outcome);
      this.keeper.applyWrite([], [], outcome.state);
      this.channel.post({ kind: 'changed', clock: outcome.state.clock });
      // The refusal's code travels as a problem, for the UI to say why in its language.
      throw new FieldStoreError('history_conflict', `${asSentence(`Cannot ${from} that step: ${outcome.reason}`)} It was removed from the ${from} history.`, [
        { field: from, code: outcome.code, reason: outcome.reason },
      ]);
    });
  }

  undo(who: string): Promise<Saved> {
    return this.step('undo', who);
  }

  redo(who: string): Promise<Saved> {
    return this.step('redo', who);
  }

  addPhoto(featureId: string, image: Blob, details: PhotoDetails, who: string): Promise<PhotoMeta> {
    return this.enqueue(async () => {
      const name = details.name ?? (typeof File !== 'undefined' && image instanceof File ? image.name : '');
      const tooLarge = photoSizeProblem(image.size, this.maxPhotoBytes, name);
      if (tooLarge) throw new FieldStoreError('photo_too_large', tooLarge, [{ field: 'size', code: 'too_large', reason: tooLarge }]);
      const now = this.now();
      if (details.takenAt && Number.isNaN(details.takenAt.getTime())) {
        throw new FieldStoreError('invalid_edit', 'The photo was refused: its time taken is not a valid date.', [{ field: 'taken_at', code: 'bad_format', reason: 'time taken is not a valid date' }]);
      }
      const photo: PhotoMeta = {
        id: newPhotoId(now),
        feature_id: featureId,
        taken_at: (details.takenAt ?? now).toISOString(),
        location: details.location ?? null,
        size: image.size,
        type: image.type,
        name,
        ...(details.slot ? { slot: details.slot } : {}),
      };
      await this.published(await this.write({ kind: 'add-photo', baseRevision: 0, photo }, who, { id: photo.id, blob: image }));
      return photo;
    });
  }

  removePhoto(photoId: string, who: string): Promise<Saved> {
    if (!this.keeper.get().photoRecords.get(photoId)?.photo) return Promise.reject(new FieldStoreError('not_found', `Photo ${photoId} is not attached to any polygon.`));
    return this.transact(removePhotoEdit(this.keeper.get(), photoId), who);
  }

  photoImage(photoId: string): Promise<Blob | null> {
    return readPhotoImage(this.db, photoId);
  }

  journal(limit = 200): Promise<JournalEntry[]> {
    return readJournal(this.db, limit);
  }

  exportBackup(): Promise<BackupFile> {
    return this.enqueue(async () => {
      const { file, state } = await exportBackup(this.db, { id: this.programmeId, name: this.keeper.get().programme.name }, this.now());
      this.keeper.applyWrite([], [], state);
      this.channel.post({ kind: 'changed', clock: state.clock });
      return file;
    });
  }

  programmeContent(): Promise<ProgrammeContent> {
    return this.enqueue(async () => {
      const areaLevel = await readTransaction(this.db, ['meta'], 'reading the programme', async (transaction) => (await transaction.objectStore('meta').get('field'))?.areaLevel ?? 'county');
      return programmeContentOf(this.keeper.get(), areaLevel);
    });
  }

  restoreBackup(file: Uint8Array | Blob): Promise<RestoreSummary> {
    return this.enqueue(async () => {
      const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
      const now = this.now();
      const rules = { reference: this.reference(now), now, maxPhotoBytes: this.maxPhotoBytes, checkGeometry: this.checkGeometry };
      const target = { id: this.programmeId, name: this.keeper.get().programme.name, seed: this.seed };
      const { summary, state } = await restoreBackup(this.db, bytes, target, rules);
      await this.keeper.requestRead('reset');
      this.channel.post({ kind: 'reset', clock: state.clock });
      return summary;
    });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.queue;
    this.shut({ state: 'closed', reason: 'closed', message: 'The field store was closed.' });
  }

  /** Closes without waiting, when the connection is already gone or must go now. */
  shut(connection: Exclude<FieldSnapshot['connection'], { state: 'open' }>): void {
    this.channel.close();
    this.db.close();
    if (this.keeper.get().connection.state === 'open') this.keeper.setConnection(connection);
  }
}

const UPGRADE_ELSEWHERE = 'Fulv was updated in another tab or window and needs this tab to let go of its database. Reload this tab to continue; everything saved is safe.';
const TERMINATED = 'The browser closed the database (storage was cleared or a disk error occurred). Reload the page; edits reported as saved are on disk unless site data was cleared.';

async function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

export async function openFieldStore(options: FieldStoreOptions): Promise<FieldStore> {
  const { programme } = options;
  const programmeId = programme?.id ?? options.programmeId;
  if (!programmeId) throw new FieldStoreError('no_programme', 'No programme was named to open.');
  const dbName = options.dbName ?? fieldDatabaseName(programmeId);
  const now = options.now ?? (() => new Date());
  const factory = options.indexedDB ?? globalThis.indexedDB;
  let store: OpenFieldStore | undefined;
  const db = await openFieldDatabase(factory, dbName, {
    onBlocked: options.onBlocked,
    onClosedForUpgrade: () => store?.shut({ state: 'closed', reason: 'upgrade_elsewhere', message: UPGRADE_ELSEWHERE }),
    onTerminated: () => store?.shut({ state: 'closed', reason: 'terminated', message: TERMINATED }),
  }, { seed: programme });
  try {
    let decision: SeedOutcome['decision'] = 'none';
    if (programme) {
      const seeded = options.seedVersion === undefined
        ? await seedProgramme(db, programme, programmeFingerprint(programme), now())
        : await seedProgramme(db, programme, options.seedVersion, now(), () => programmeFingerprint(programme));
      decision = seeded.decision;
    } else if (!(await storedProgrammeId(db, programmeId))) {
      db.close();
      // Opening created an empty database; it must not linger as a programme nobody made.
      await deleteDatabase(factory, dbName);
      throw new FieldStoreError('no_programme', `Programme ${programmeId} is not stored on this browser (it was deleted, or is on another device). Restore it from a backup.`);
    }
    if (options.initialBufferDistances) await storeInitialDistances(db, options.initialBufferDistances);
    const reference = await readReferenceLayers(db);
    const contents = await readEditableContents(db);
    const keeper = new SnapshotKeeper(db, buildSnapshot(reference, contents.treated, contents.photos, contents.state, undefined, contents.review), (error) => {
      options.onBackgroundError?.(error instanceof FieldStoreError ? error : new FieldStoreError('transaction_failed', String(error), [], { cause: error }));
    });
    const channel = openTabChannel(`fulv-field:${dbName}`, (message) => keeper.noticeRemote(message.kind, message.clock));
    store = new OpenFieldStore(dbName, db, programmeId, programme ?? null, keeper, channel, options);
    if (decision !== 'none') channel.post({ kind: 'reset', clock: contents.state.clock });
    return store;
  } catch (error) {
    db.close();
    throw error;
  }
}

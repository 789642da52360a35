// Keeps a tab's snapshot in step with the database. This tab's own writes are applied from the
// records the transaction wrote; other tabs' writes arrive as a clock over BroadcastChannel and
// are read back from IndexedDB. The database clock orders both: a read older than the snapshot
// is dropped, and a write that skips a clock value (another tab wrote in between) triggers a
// full read, so the snapshot never goes backwards or misses a change.
import type { IDBPDatabase } from 'idb';
import {
  buildSnapshot, referenceLayers, withConnection, withRecords, type ConnectionState, type FieldSnapshot, type FieldState, type ReferenceLayers,
} from '../store/field-snapshot.ts';
import type { PhotoRecord, TreatedRecord } from '../store/field-records.ts';
import type { ReviewRecord, TargetsRecord } from '../store/review-records.ts';
import type { BufferDistancesRecord } from '../store/programme-settings.ts';
import { readEditableContents, readReferenceLayers } from './read-field-database.ts';
import type { FieldDB } from './schema.ts';

export class SnapshotKeeper {
  private snapshot: FieldSnapshot;
  private readonly listeners = new Set<() => void>();
  /** The last read requested; reads run one after another. */
  private reads: Promise<void> = Promise.resolve();
  private waiting: { kind: 'changed' | 'reset'; done: Promise<void> } | null = null;

  constructor(
    private readonly db: IDBPDatabase<FieldDB>,
    initial: FieldSnapshot,
    /** Called with errors of background reads, which have no caller to reject. */
    private readonly onReadError: (error: unknown) => void,
  ) {
    this.snapshot = initial;
  }

  get = (): FieldSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private publish(next: FieldSnapshot): void {
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }

  /** After a write of this tab; `state.clock` is the clock that write committed. */
  applyWrite(
    treated: readonly TreatedRecord[], photos: readonly PhotoRecord[], state: FieldState,
    reviewed: { reviews?: readonly ReviewRecord[]; targets?: readonly TargetsRecord[]; distances?: readonly BufferDistancesRecord[] } = {},
  ): void {
    const current = this.snapshot;
    if (state.clock <= current.clock) return;
    this.publish(withRecords(current, treated, photos, state, reviewed));
    if (state.clock !== current.clock + 1) this.requestRead('changed');
  }

  setConnection(connection: ConnectionState): void {
    this.publish(withConnection(this.snapshot, connection));
  }

  /** Another tab wrote up to `clock`. */
  noticeRemote(kind: 'changed' | 'reset', clock: number): void {
    if (kind === 'changed' && clock <= this.snapshot.clock) return;
    this.requestRead(kind);
  }

  /**
   * Reads the database again, after any read already running; requests made while one is
   * waiting to start join it. Resolves once that read has been published (or found stale).
   */
  requestRead(kind: 'changed' | 'reset'): Promise<void> {
    if (this.waiting) {
      if (kind === 'reset') this.waiting.kind = 'reset';
      return this.waiting.done;
    }
    const request: { kind: 'changed' | 'reset'; done: Promise<void> } = { kind, done: Promise.resolve() };
    request.done = this.reads.then(() => {
      this.waiting = null;
      return this.read(request.kind);
    });
    this.waiting = request;
    this.reads = request.done;
    return request.done;
  }

  private async read(kind: 'changed' | 'reset'): Promise<void> {
    if (this.snapshot.connection.state !== 'open') return;
    try {
      const reference: ReferenceLayers = kind === 'reset' ? await readReferenceLayers(this.db) : referenceLayers(this.snapshot);
      const contents = await readEditableContents(this.db);
      if (contents.state.clock < this.snapshot.clock) return;
      this.publish(buildSnapshot(reference, contents.treated, contents.photos, contents.state, this.snapshot.connection, contents.review));
    } catch (error) {
      this.onReadError(error);
    }
  }
}

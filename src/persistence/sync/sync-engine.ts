// The sync engine: pushes the outbox in order, then pulls the change log page by page, whenever
// it is told to (an edit saved, back online, a timer) and the device is online. Every bit of its
// progress is in IndexedDB (the outbox, the cursor), so after a reload or a kill it simply runs
// again: a push whose answer was lost is repeated and answered "already applied". A failure
// waits with exponential backoff and jitter before the next try. One tab at a time syncs a
// programme (a Web Lock); the others see the results through the field store's tab channel.
import { SYNC_PROTOCOL_VERSION, type PullResponse, type PushedEdit, type PushRequest, type PushResponse } from '../../store/sync-protocol.ts';
import { DEFAULT_MAX_PHOTO_BYTES } from '../../store/photo.ts';
import type { FieldSync } from '../field-store.ts';
import { downloadPhotoImages, type PhotoDownloadResult } from './photo-download.ts';
import { sha256Hex, uploadPhotoBytes } from './photo-upload.ts';
import { bearer, failureOf, SyncFailure, type SyncTransport } from './sync-transport.ts';

export { SyncFailure, type SyncTransport } from './sync-transport.ts';

/** Runs `work` holding the named lock, or returns null at once when another holder has it. */
export type SyncLock = <T>(name: string, work: () => Promise<T>) => Promise<T | null>;

export type SyncActivity =
  | { state: 'idle' }
  | { state: 'syncing' }
  | { state: 'offline' }
  /** Another tab is syncing this programme. */
  | { state: 'elsewhere' }
  | { state: 'unauthenticated' }
  | { state: 'failed'; message: string; retryInMs: number };

export interface SyncEngineOptions {
  sync: FieldSync;
  transport: SyncTransport;
  /** The session token; null when logged out (nothing is sent). */
  token: () => string | null;
  isOnline: () => boolean;
  lock: SyncLock;
  programmeId: string;
  onActivity?: (activity: SyncActivity) => void;
  pushBatch?: number;
  pullPage?: number;
  /** First retry delay and the cap, in ms. */
  backoff?: { firstMs: number; maxMs: number };
  random?: () => number;
  schedule?: (ms: number, run: () => void) => () => void;
  /** Photo uploads go in pieces of this many bytes (resumable). */
  photoPieceBytes?: number;
  /** The largest photo image downloaded. */
  maxPhotoBytes?: number;
  /** After each sync: the images of pulled photos stored, and those that failed (tried again next time). */
  onPhotoImages?: (result: PhotoDownloadResult) => void;
}

const defaultSchedule = (ms: number, run: () => void): (() => void) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/** Exponential, capped, with "equal jitter": between half and all of the capped delay. */
export function backoffDelay(attempt: number, firstMs: number, maxMs: number, random: number): number {
  const capped = Math.min(maxMs, firstMs * 2 ** attempt);
  return Math.round(capped / 2 + (capped / 2) * random);
}

export class SyncEngine {
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly options: SyncEngineOptions) {}

  /** Syncs now (or right after the run in progress); resolves when that run ended. */
  poke(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.running = this.runWhileAsked().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
  }

  private tell(activity: SyncActivity): void {
    this.options.onActivity?.(activity);
  }

  private async runWhileAsked(): Promise<void> {
    do {
      this.again = false;
      await this.runOnce();
    } while (this.again && !this.stopped);
  }

  private async runOnce(): Promise<void> {
    const { options } = this;
    if (!options.isOnline()) return this.tell({ state: 'offline' });
    const token = options.token();
    if (!token) return this.tell({ state: 'unauthenticated' });
    this.tell({ state: 'syncing' });
    try {
      const ran = await options.lock(`fulv-sync-${options.programmeId}`, () => this.exchange(token));
      this.failures = 0;
      this.tell(ran === null ? { state: 'elsewhere' } : { state: 'idle' });
    } catch (error) {
      if (error instanceof SyncFailure && error.status === 401) return this.tell({ state: 'unauthenticated' });
      const { firstMs, maxMs } = options.backoff ?? { firstMs: 2_000, maxMs: 300_000 };
      const delay = backoffDelay(this.failures, firstMs, maxMs, (options.random ?? Math.random)());
      this.failures += 1;
      this.tell({ state: 'failed', message: error instanceof Error ? error.message : String(error), retryInMs: delay });
      if (!this.stopped) this.cancelRetry = (options.schedule ?? defaultSchedule)(delay, () => void this.poke());
    }
  }

  private async call<T>(url: string, token: string, method: 'GET' | 'POST' | 'PUT', body?: unknown): Promise<T> {
    const headers = bearer(token);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.options.transport(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (!response.ok) throw await failureOf(response);
    return (await response.json()) as T;
  }

  /**
   * Uploads a photo's bytes under their SHA-256 before the edit that attaches it, resuming from
   * what the server holds (photo-upload.ts): named by its content, a repeated upload (a retry)
   * never makes a second copy. Null when the image is gone.
   */
  private async uploadPhoto(programmes: string, token: string, photoId: string): Promise<string | null> {
    const image = await this.options.sync.photoImage(photoId);
    if (!image) return null;
    const sha256 = await sha256Hex(image);
    await uploadPhotoBytes(this.options.transport, `${programmes}/photo-bytes/${sha256}`, token, image, this.options.photoPieceBytes);
    return sha256;
  }

  private async exchange(token: string): Promise<void> {
    const { sync } = this.options;
    const link = await sync.link();
    if (!link) return;
    const programmes = `${link.serverUrl.replace(/\/+$/, '')}/api/programmes/${encodeURIComponent(link.serverProgrammeId)}`;
    const base = `${programmes}/sync`;
    for (;;) {
      const entries = await sync.outbox(this.options.pushBatch ?? 50);
      if (entries.length === 0) break;
      const edits: PushedEdit[] = [];
      for (const e of entries) {
        const sha256 = e.edit.kind === 'add-photo' ? await this.uploadPhoto(programmes, token, e.edit.photo.id) : null;
        edits.push({ clientEditId: e.clientEditId, edit: e.edit, madeAt: e.madeAt, ...(sha256 ? { sha256 } : {}) });
      }
      const request: PushRequest = { protocol: SYNC_PROTOCOL_VERSION, deviceId: link.deviceId, edits };
      const response = await this.call<PushResponse>(`${base}/push`, token, 'POST', request);
      // The server answers in order from the first edit; anything else would loop forever.
      if (!Array.isArray(response.outcomes) || response.outcomes[0]?.clientEditId !== entries[0]!.clientEditId) {
        throw new SyncFailure('the server did not answer the first edit pushed', 0);
      }
      await sync.recordPushOutcomes(response.outcomes);
    }
    let cursor = (await sync.link())?.cursor ?? link.cursor;
    for (;;) {
      const page = await this.call<PullResponse>(`${base}/pull?since=${cursor}&limit=${this.options.pullPage ?? 500}`, token, 'GET');
      await sync.applyPulledPage(page.changes, page.cursor);
      cursor = page.cursor;
      if (!page.more) break;
    }
    // Last, so that missing images never hold up the data; what fails is tried on the next sync.
    const images = await downloadPhotoImages(this.options.transport, programmes, token, sync, this.options.maxPhotoBytes ?? DEFAULT_MAX_PHOTO_BYTES);
    this.options.onPhotoImages?.(images);
  }
}

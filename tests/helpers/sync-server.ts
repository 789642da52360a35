// An in-memory team server honouring the sync protocol (src/store/sync-protocol.ts), for the
// sync engine's unit tests: edits remembered by client id (a repeat is answered
// "already_applied"), applied only on the revision they name (else "conflict" with the current
// version), a change log pulled by cursor in pages. Treated polygons only; faults on request.
// Photo bytes are taken whole or in Content-Range pieces, as src/server/photo-upload.ts does.
import { createHash } from 'node:crypto';
import { applyTreatedEdit } from '../../src/store/apply-treated-edit.ts';
import { editTarget, singleEdits, type TreatedEdit } from '../../src/store/edit.ts';
import type { TreatedFeature } from '../../src/domain/model.ts';
import type { SyncResponse, SyncTransport } from '../../src/persistence/sync/sync-transport.ts';
import type { PulledChange, PushOutcome, PushRequest, PullResponse } from '../../src/store/sync-protocol.ts';

interface Slot { revision: number; value: TreatedFeature | null }

export class FakeSyncServer {
  readonly slots = new Map<string, Slot>();
  readonly log: PulledChange[] = [];
  private readonly applied = new Map<string, number>();
  readonly requests: string[] = [];
  /** Photo bytes by their SHA-256, as uploaded. */
  readonly photoBytes = new Map<string, Uint8Array>();
  readonly photos = new Map<string, { sha256: string; featureId: string }>();
  /** Throws after the next push was applied, as a connection cut before the answer would. */
  loseNextPushAnswer = false;
  /** Throws on the pull with this `since`, once. */
  failPullSince: number | null = null;
  /** Every request throws (the server is down). */
  down = false;
  /** Photo uploads under way: the bytes received so far and the whole size, by SHA-256. */
  readonly uploads = new Map<string, { received: Uint8Array; total: number }>();
  /** The connection is cut after this many more upload pieces reach the server (their answers lost). */
  cutAfterPieces: number | null = null;
  /** Photo images that fail to download (by photo id), and images served with other bytes. */
  readonly failImage = new Set<string>();
  readonly tamperedImage = new Set<string>();
  /** Users (tokens) whose treated edits are refused, as a role that may not edit them is. */
  readonly readOnly = new Set<string>();

  constructor(treated: readonly TreatedFeature[]) {
    for (const f of treated) this.slots.set(f.properties.id, { revision: 1, value: f });
  }

  /** Changes pushed by devices, per client edit id (to check nothing was applied twice). */
  appliedCount(clientEditId: string): number {
    return this.log.filter((c) => c.clientEditId === clientEditId).length;
  }

  private push(request: PushRequest, who: string): PushOutcome[] {
    const outcomes: PushOutcome[] = [];
    for (const pushed of request.edits) {
      const seen = this.applied.get(pushed.clientEditId);
      if (seen !== undefined) {
        outcomes.push({ clientEditId: pushed.clientEditId, status: 'already_applied', seq: seen });
        continue;
      }
      if (pushed.edit.kind === 'add-photo') {
        if (!pushed.sha256 || !this.photoBytes.has(pushed.sha256)) {
          outcomes.push({ clientEditId: pushed.clientEditId, status: 'refused', code: 'photo_missing', message: 'upload the photo bytes first' });
          break;
        }
        const id = pushed.edit.photo.id;
        this.photos.set(id, { sha256: pushed.sha256, featureId: pushed.edit.photo.feature_id });
        this.log.push({ seq: this.log.length + 1, layer: 'photos', id, revision: 1, value: pushed.edit.photo, clientEditId: pushed.clientEditId, who, at: pushed.madeAt });
        this.applied.set(pushed.clientEditId, this.log.length);
        outcomes.push({ clientEditId: pushed.clientEditId, status: 'applied', seq: this.log.length, revisions: [{ layer: 'photos', id, revision: 1 }] });
        continue;
      }
      const parts = singleEdits(pushed.edit) as TreatedEdit[];
      if (this.readOnly.has(who)) {
        const current = [...new Set(parts.map((p) => editTarget(p).id))].map((id) => {
          const slot = this.slots.get(id) ?? { revision: 0, value: null };
          return { layer: 'treated' as const, id, revision: slot.revision, value: slot.value, who: 'other', at: '2025-11-20T02:00:00.000Z' };
        });
        outcomes.push({ clientEditId: pushed.clientEditId, status: 'refused', code: 'forbidden', message: 'this role may not edit treated polygons', current });
        break;
      }
      const next = new Map<string, Slot>();
      let conflict: PushOutcome | null = null;
      for (const part of parts) {
        const id = editTarget(part).id;
        const slot = next.get(id) ?? this.slots.get(id) ?? { revision: 0, value: null };
        const outcome = applyTreatedEdit(slot, part);
        if (!outcome.ok) {
          conflict = { clientEditId: pushed.clientEditId, status: 'conflict', current: [{ layer: 'treated', id, revision: slot.revision, value: slot.value, who: 'other', at: '2025-11-20T02:00:00.000Z' }] };
          break;
        }
        next.set(id, outcome.next);
      }
      if (conflict) {
        outcomes.push(conflict);
        break;
      }
      for (const [id, slot] of next) {
        this.slots.set(id, slot);
        this.log.push({ seq: this.log.length + 1, layer: 'treated', id, revision: slot.revision, value: slot.value, clientEditId: pushed.clientEditId, who, at: pushed.madeAt });
      }
      const seq = this.log.length;
      this.applied.set(pushed.clientEditId, seq);
      outcomes.push({ clientEditId: pushed.clientEditId, status: 'applied', seq, revisions: [...next].map(([id, s]) => ({ layer: 'treated' as const, id, revision: s.revision })) });
    }
    return outcomes;
  }

  private pull(since: number, limit: number): PullResponse {
    const after = this.log.filter((c) => c.seq > since);
    const changes = after.slice(0, limit);
    return { changes, cursor: changes.at(-1)?.seq ?? since, more: after.length > limit };
  }

  private uploadState(sha256: string): { sha256: string; received: number; total: number | null; complete: boolean } {
    const whole = this.photoBytes.get(sha256);
    if (whole) return { sha256, received: whole.length, total: whole.length, complete: true };
    const upload = this.uploads.get(sha256);
    return { sha256, received: upload?.received.length ?? 0, total: upload?.total ?? null, complete: false };
  }

  private uploadPiece(sha256: string, range: string, piece: Uint8Array): ReturnType<typeof reply> {
    const [start, end, total] = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range)!.slice(1).map(Number) as [number, number, number];
    if (piece.length !== end - start + 1) return reply(400, { code: 'invalid_request', message: 'the body is not the range' });
    if (this.photoBytes.has(sha256)) return reply(201, this.uploadState(sha256));
    const upload = this.uploads.get(sha256) ?? { received: new Uint8Array(0), total };
    if (start > upload.received.length) return reply(409, { code: 'upload_offset', message: `send from byte ${upload.received.length}` });
    const fresh = piece.subarray(upload.received.length - start);
    const received = new Uint8Array(upload.received.length + fresh.length);
    received.set(upload.received);
    received.set(fresh, upload.received.length);
    this.uploads.set(sha256, { received, total });
    if (received.length < total) return reply(202, this.uploadState(sha256));
    this.uploads.delete(sha256);
    if (createHash('sha256').update(received).digest('hex') !== sha256) return reply(400, { code: 'invalid_request', message: 'damaged upload' });
    this.photoBytes.set(sha256, received);
    return reply(201, this.uploadState(sha256));
  }

  /** A change made on the server directly (another tool, SQL). */
  changeDirectly(feature: TreatedFeature): void {
    const id = feature.properties.id;
    const revision = (this.slots.get(id)?.revision ?? 0) + 1;
    this.slots.set(id, { revision, value: feature });
    this.log.push({ seq: this.log.length + 1, layer: 'treated', id, revision, value: feature, clientEditId: null, who: 'sql', at: '2025-11-20T02:00:00.000Z' });
  }

  /** A transport for one user (the token names them). */
  transport(): SyncTransport {
    return async (url, init) => {
      this.requests.push(`${init.method} ${url}`);
      if (this.down) return Promise.reject(new TypeError('Failed to fetch'));
      const token = init.headers.authorization?.replace('Bearer ', '') ?? '';
      if (token !== 'good' && !token.startsWith('user-')) return reply(401, { code: 'unauthenticated', message: 'log in again' });
      const parsed = new URL(url);
      const photo = /\/photo-bytes\/([0-9a-f]{64})$/.exec(parsed.pathname);
      if (init.method === 'GET' && photo) return reply(200, this.uploadState(photo[1]!));
      if (init.method === 'PUT' && photo && init.body instanceof Blob) {
        const bytes = new Uint8Array(await init.body.arrayBuffer());
        const range = init.headers['content-range'];
        if (range === undefined) {
          this.photoBytes.set(photo[1]!, bytes);
          return reply(201, { sha256: photo[1] });
        }
        const answer = this.uploadPiece(photo[1]!, range, bytes);
        if (this.cutAfterPieces !== null && this.cutAfterPieces-- <= 0) {
          this.cutAfterPieces = null;
          return Promise.reject(new TypeError('network connection lost'));
        }
        return answer;
      }
      const content = /\/photos\/([^/]+)\/content$/.exec(parsed.pathname);
      if (init.method === 'GET' && content) {
        const id = decodeURIComponent(content[1]!);
        const held = this.photos.get(id);
        if (this.failImage.has(id)) return Promise.reject(new TypeError('network connection lost'));
        if (!held) return reply(404, { code: 'not_found', message: `photo ${id} is not attached` });
        const bytes = new Uint8Array(this.photoBytes.get(held.sha256)!);
        if (this.tamperedImage.has(id)) bytes[0] = bytes[0]! ^ 0xff;
        return reply(200, new Blob([bytes], { type: 'image/png' }), { etag: `"${held.sha256}"`, 'content-length': String(bytes.length) });
      }
      if (init.method === 'POST' && parsed.pathname.endsWith('/sync/push')) {
        const outcomes = this.push(JSON.parse(init.body as string) as PushRequest, token);
        if (this.loseNextPushAnswer) {
          this.loseNextPushAnswer = false;
          return Promise.reject(new TypeError('network connection lost'));
        }
        return reply(200, { outcomes });
      }
      if (init.method === 'GET' && parsed.pathname.endsWith('/sync/pull')) {
        const since = Number(parsed.searchParams.get('since'));
        if (this.failPullSince === since) {
          this.failPullSince = null;
          return Promise.reject(new TypeError('network connection lost'));
        }
        return reply(200, this.pull(since, Number(parsed.searchParams.get('limit'))));
      }
      return reply(404, { code: 'not_found', message: 'no such route' });
    };
  }
}

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Promise<SyncResponse> {
  return Promise.resolve({
    ok: status >= 200 && status < 300, status, headers: new Headers(headers),
    json: () => (body instanceof Blob ? Promise.reject(new SyntaxError('not JSON')) : Promise.resolve(body)),
    blob: () => Promise.resolve(body instanceof Blob ? body : new Blob([JSON.stringify(body)], { type: 'application/json' })),
  });
}

/** The Web Locks API's "ifAvailable" request, in memory, shared by the engines of one test. */
export function memoryLocks(): <T>(name: string, work: () => Promise<T>) => Promise<T | null> {
  const held = new Set<string>();
  return async (name, work) => {
    if (held.has(name)) return null;
    held.add(name);
    try {
      return await work();
    } finally {
      held.delete(name);
    }
  };
}

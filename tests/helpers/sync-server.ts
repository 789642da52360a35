// An in-memory team server honouring the sync protocol (src/store/sync-protocol.ts), for the
// sync engine's unit tests: edits remembered by client id (a repeat is answered
// "already_applied"), applied only on the revision they name (else "conflict" with the current
// version), a change log pulled by cursor in pages. Treated polygons only; faults on request.
import { applyTreatedEdit } from '../../src/store/apply-treated-edit.ts';
import { editTarget, singleEdits, type TreatedEdit } from '../../src/store/edit.ts';
import type { TreatedFeature } from '../../src/domain/model.ts';
import type { SyncTransport } from '../../src/persistence/sync/sync-engine.ts';
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
      if (token !== 'good' && !token.startsWith('user-')) return Promise.resolve(reply(401, { code: 'unauthenticated', message: 'log in again' }));
      const parsed = new URL(url);
      const photo = /\/photo-bytes\/([0-9a-f]{64})$/.exec(parsed.pathname);
      if (init.method === 'PUT' && photo && init.body instanceof Blob) {
        this.photoBytes.set(photo[1]!, new Uint8Array(await init.body.arrayBuffer()));
        return reply(201, { sha256: photo[1] });
      }
      if (init.method === 'POST' && parsed.pathname.endsWith('/sync/push')) {
        const outcomes = this.push(JSON.parse(init.body as string) as PushRequest, token);
        if (this.loseNextPushAnswer) {
          this.loseNextPushAnswer = false;
          return Promise.reject(new TypeError('network connection lost'));
        }
        return Promise.resolve(reply(200, { outcomes }));
      }
      if (init.method === 'GET' && parsed.pathname.endsWith('/sync/pull')) {
        const since = Number(parsed.searchParams.get('since'));
        if (this.failPullSince === since) {
          this.failPullSince = null;
          return Promise.reject(new TypeError('network connection lost'));
        }
        return Promise.resolve(reply(200, this.pull(since, Number(parsed.searchParams.get('limit')))));
      }
      return Promise.resolve(reply(404, { code: 'not_found', message: 'no such route' }));
    };
  }
}

function reply(status: number, body: unknown): { ok: boolean; status: number; json(): Promise<unknown> } {
  return { ok: status >= 200 && status < 300, status, json: () => Promise.resolve(body) };
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

// Talking to the team server: log in, list one's programmes, publish the open programme, and
// download one for offline use as a single gzip'd snapshot, counting its bytes for a progress bar.
// A failure carries the server's stable code, so the UI says it in its own language.
import type { ProgrammeContent } from '../../domain/programme-content.ts';
import { programmeContentProblems } from '../../store/programme-content-validation.ts';
import { serverRevisionsProblem, type ServerRevisions } from '../../store/server-revisions.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../io/import-limits.ts';
import type { ServerSession } from './server-settings.ts';

export type ServerFailureCode =
  | 'unreachable' | 'bad_credentials' | 'login_throttled' | 'too_many_requests' | 'unauthenticated' | 'forbidden'
  | 'programme_exists' | 'invalid_request' | 'not_found' | 'body_too_large' | 'bad_snapshot' | 'other'
  // Managing members (member-client.ts).
  | 'no_account' | 'last_admin';

export class ServerFailure extends Error {
  constructor(readonly code: ServerFailureCode, message: string, readonly status = 0) {
    super(message);
  }
}

export interface ServerProgramme {
  id: string;
  name: string;
  nameEn: string;
  roles: string[];
}

export interface Me {
  login: string;
  displayName: string;
  isServerAdmin: boolean;
}

export interface Downloaded {
  content: ProgrammeContent;
  changeSeq: number;
  /** The server's revision of each record; absent from a version-1 snapshot (an older server). */
  revisions?: ServerRevisions;
  bytes: number;
}

const KNOWN: readonly ServerFailureCode[] = ['bad_credentials', 'login_throttled', 'too_many_requests', 'unauthenticated', 'forbidden', 'programme_exists', 'invalid_request', 'not_found', 'body_too_large', 'no_account', 'last_admin'];

export async function request(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    throw new ServerFailure('unreachable', error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return response;
  let body: { code?: string; message?: string } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // A proxy's page, not the server's JSON.
  }
  const code = KNOWN.find((c) => c === body.code) ?? 'other';
  throw new ServerFailure(code, body.message ?? `HTTP ${response.status}`, response.status);
}

export const auth = (session: ServerSession): Record<string, string> => ({ authorization: `Bearer ${session.token}` });

export async function logIn(base: string, login: string, password: string): Promise<ServerSession> {
  const response = await request(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  const body = (await response.json()) as { token: string; expiresAt: string; account: { login: string; displayName: string } };
  return { token: body.token, expiresAt: body.expiresAt, login: body.account.login, displayName: body.account.displayName };
}

export async function logOut(base: string, session: ServerSession): Promise<void> {
  await request(`${base}/api/logout`, { method: 'POST', headers: auth(session) }).catch(() => undefined);
}

export async function whoAmI(base: string, session: ServerSession): Promise<Me> {
  return (await (await request(`${base}/api/me`, { headers: auth(session) })).json()) as Me;
}

export async function listProgrammes(base: string, session: ServerSession): Promise<ServerProgramme[]> {
  const body = (await (await request(`${base}/api/programmes`, { headers: auth(session) })).json()) as { programmes: ServerProgramme[] };
  return body.programmes;
}

/** Returns the change-log seq the published content is at, where the publisher's copy syncs from. */
export async function publishProgramme(base: string, session: ServerSession, content: ProgrammeContent): Promise<{ changeSeq: number }> {
  const response = await request(`${base}/api/programmes`, { method: 'POST', headers: { ...auth(session), 'content-type': 'application/json' }, body: JSON.stringify(content) });
  const body = (await response.json()) as { changeSeq?: unknown };
  if (!Number.isSafeInteger(body.changeSeq)) throw new ServerFailure('other', 'the server did not say where its change log stands after publishing (an older server?)');
  return { changeSeq: body.changeSeq as number };
}

/** Reads the body while reporting bytes received of the announced length. */
async function readAll(response: Response, onProgress: (received: number, total: number | null) => void): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

async function gunzipText(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

export async function downloadProgramme(base: string, session: ServerSession, id: string, onProgress: (received: number, total: number | null) => void, now = new Date()): Promise<Downloaded> {
  const response = await request(`${base}/api/programmes/${encodeURIComponent(id)}/snapshot`, { headers: auth(session) });
  const bytes = await readAll(response, onProgress);
  let snapshot: { format?: unknown; version?: unknown; changeSeq?: unknown; revisions?: unknown; content?: unknown };
  try {
    snapshot = JSON.parse(await gunzipText(bytes)) as typeof snapshot;
  } catch (error) {
    throw new ServerFailure('bad_snapshot', `the download is not a gzip'd JSON snapshot: ${(error as Error).message}`);
  }
  if (snapshot.format !== 'fulv-programme-snapshot' || (snapshot.version !== 1 && snapshot.version !== 2)) throw new ServerFailure('bad_snapshot', `the download is not a Fulv programme snapshot of version 1 or 2`);
  const revisionsProblem = snapshot.version === 2 ? serverRevisionsProblem(snapshot.revisions) : null;
  if (revisionsProblem) throw new ServerFailure('bad_snapshot', revisionsProblem);
  // The same checks the server made when it was published: nothing unchecked enters the browser's database.
  const problems = programmeContentProblems(snapshot.content, { maxFeatures: DEFAULT_IMPORT_LIMITS.maxFeatures, maxVertices: DEFAULT_IMPORT_LIMITS.maxVertices }, now);
  if (problems.length > 0) throw new ServerFailure('bad_snapshot', problems.map((p) => p.reason).join('; '));
  const revisions = snapshot.version === 2 ? { revisions: snapshot.revisions as ServerRevisions } : {};
  return { content: snapshot.content as ProgrammeContent, changeSeq: Number(snapshot.changeSeq), ...revisions, bytes: bytes.byteLength };
}

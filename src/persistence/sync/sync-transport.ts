// How the sync engine talks to the team server: the part of `fetch` it uses (tests pass an
// in-memory server), and the failure an answer that is not a success becomes.

export interface SyncRequest {
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string | Blob;
}

export interface SyncResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  blob(): Promise<Blob>;
}

export type SyncTransport = (url: string, init: SyncRequest) => Promise<SyncResponse>;

export class SyncFailure extends Error {
  constructor(message: string, readonly status: number, readonly code: string | null = null) {
    super(message);
  }
}

/** The server's own message and code when it sent them (server-error.ts), else the HTTP status. */
export async function failureOf(response: SyncResponse): Promise<SyncFailure> {
  const detail = (await response.json().catch(() => null)) as { message?: unknown; code?: unknown } | null;
  const message = typeof detail?.message === 'string' ? detail.message : `the server answered HTTP ${response.status}`;
  return new SyncFailure(message, response.status, typeof detail?.code === 'string' ? detail.code : null);
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

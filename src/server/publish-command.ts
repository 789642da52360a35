// `npm run server -- publish FILE --server URL --login LOGIN`: publishes a programme archive
// (.gpkg, read and checked with the app's own reader) or a ProgrammeContent JSON file to a running
// Fulv server, as a server admin. The password comes from FULV_PASSWORD or stdin, never from argv
// (which other users of the machine can read).
import { readFile } from 'node:fs/promises';
import initSqlJs from 'sql.js';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import { readProgrammeArchive } from '../io/programme-archive/read-programme-archive.ts';

export const PUBLISH_USAGE = '  npm run server -- publish FILE.gpkg|FILE.json --server URL --login LOGIN   publish a programme; password from FULV_PASSWORD or stdin';

export interface CommandIo {
  env: NodeJS.ProcessEnv;
  readPassword: () => Promise<string>;
  out: (text: string) => void;
  err: (text: string) => void;
}

class PublishError extends Error {}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function readContent(path: string): Promise<ProgrammeContent> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new PublishError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (path.toLowerCase().endsWith('.json')) {
    try {
      // The server checks the content; here it only has to be JSON.
      return JSON.parse(new TextDecoder().decode(bytes)) as ProgrammeContent;
    } catch (error) {
      throw new PublishError(`${path} is not JSON: ${(error as Error).message}`);
    }
  }
  const read = readProgrammeArchive(await initSqlJs(), bytes);
  if (!read.ok) throw new PublishError(`programme archive ${path}: ${read.code}: ${read.reason}`);
  return read.value;
}

async function call(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new PublishError(`cannot reach ${url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
}

async function failure(response: Response, what: string): Promise<PublishError> {
  const text = await response.text();
  let message = text.slice(0, 2000);
  try {
    message = (JSON.parse(text) as { message?: string }).message ?? message;
  } catch {
    // Not JSON (a proxy's error page): shown as it came.
  }
  return new PublishError(`${what} failed (HTTP ${response.status}): ${message}`);
}

/** Exit code: 0 published, 1 refused or failed, 2 wrong usage. */
export async function publishCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const file = argv[0];
  const server = option(argv, '--server') ?? io.env['FULV_SERVER'];
  const login = option(argv, '--login');
  if (!file || file.startsWith('--') || !server || !login) {
    io.err(`server: publish needs a file, --server URL (or FULV_SERVER) and --login\n${PUBLISH_USAGE}\n`);
    return 2;
  }
  try {
    const base = new URL(server);
    const content = await readContent(file);
    const password = io.env['FULV_PASSWORD'] ?? (await io.readPassword());
    const loggedIn = await call(new URL('/api/login', base).href, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
    if (!loggedIn.ok) throw await failure(loggedIn, 'login');
    const { token } = (await loggedIn.json()) as { token: string };
    const published = await call(new URL('/api/programmes', base).href, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(content),
    });
    if (!published.ok) throw await failure(published, `publishing ${content.programme.id}`);
    const { changeSeq } = (await published.json()) as { changeSeq: number };
    io.out(`server: published ${content.programme.id} (${content.programme.parcels.features.length} parcels) to ${base.origin} at change-log seq ${changeSeq}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PublishError || error instanceof TypeError) {
      io.err(`server: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

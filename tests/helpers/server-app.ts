// A Fulv server on a fresh, migrated test database holding the demo programme and a second
// programme, with one account per role, driven in-process through Fastify's inject (no socket).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Pool } from 'pg';
import { GENERAL_PRESET } from '../../src/domain/buffer-presets.ts';
import type { ProgrammeContent } from '../../src/domain/programme-content.ts';
import { createAccount } from '../../src/server/accounts.ts';
import { buildServer, type ServerOptions } from '../../src/server/app.ts';
import { createPool, inTransaction } from '../../src/server/database.ts';
import { insertProgrammeContent } from '../../src/server/programme-content-store.ts';
import { migrate } from '../../src/server/schema-migrations.ts';
import { demoProgramme } from './demo-files.ts';
import { createTestDatabase, type TestDatabase } from './server-database.ts';

export const PASSWORD = 'correct horse battery';
export const DEMO_ID = 'QA-DEMO';
export const OTHER_ID = 'OTHER-P';

/** login → roles in the demo programme; `outsider` belongs only to the other programme. */
export const MEMBERS = {
  admin: ['admin'],
  surveyor: ['surveyor'],
  planner: ['planner'],
  reviewer: ['reviewer'],
} as const;

export interface TestServer {
  app: FastifyInstance;
  pool: Pool;
  database: TestDatabase;
  /** A session token of the account. */
  token(login: string): Promise<string>;
  /** An authenticated JSON request. */
  call(login: string | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export function demoContent(): ProgrammeContent {
  return { programme: demoProgramme(), areaLevel: 'county', bufferDistances: GENERAL_PRESET.distances, reviews: [] };
}

function otherContent(): ProgrammeContent {
  const demo = demoProgramme();
  const mine = demo.mines[0]!;
  const township = demo.townships.find((t) => t.id === mine.township_id)!;
  return {
    programme: {
      id: OTHER_ID, name: '另一个方案', name_en: 'Another programme', county: '某县', townships: [township], mines: [mine],
      parcels: { type: 'FeatureCollection', features: demo.parcels.features.filter((p) => p.properties.mine_id === mine.id) },
      treated: { type: 'FeatureCollection', features: [] }, zones: { type: 'FeatureCollection', features: [] },
      targets: { rows: [], stated_totals: [], source: 'none' },
    },
    areaLevel: 'city', bufferDistances: GENERAL_PRESET.distances, reviews: [],
  };
}

export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const pool = createPool(database.url, 4);
  await migrate(pool);
  await inTransaction(pool, 'test-setup', async (client) => {
    await insertProgrammeContent(client, demoContent());
    await insertProgrammeContent(client, otherContent());
  });
  const accounts = [...Object.keys(MEMBERS), 'outsider'];
  const ids = new Map<string, number>();
  for (const login of accounts) ids.set(login, (await createAccount(pool, { login, displayName: `${login} 用户`, password: PASSWORD })).id);
  for (const [login, roles] of Object.entries(MEMBERS)) {
    for (const role of roles) await pool.query('insert into memberships (programme_id, user_id, role) values ($1, $2, $3)', [DEMO_ID, ids.get(login), role]);
  }
  await pool.query('insert into memberships (programme_id, user_id, role) values ($1, $2, $3)', [OTHER_ID, ids.get('outsider'), 'admin']);
  // High enough that the tests' own logins are never limited, except where a test lowers it.
  const app = await buildServer({ pool, loginAttemptsPerMinute: 1000, ...options });
  const tokens = new Map<string, string>();
  const token = async (login: string): Promise<string> => {
    const known = tokens.get(login);
    if (known) return known;
    const response = await app.inject({ method: 'POST', url: '/api/login', payload: { login, password: PASSWORD } });
    if (response.statusCode !== 201) throw new Error(`login of ${login} failed: ${response.body}`);
    const value = (response.json() as { token: string }).token;
    tokens.set(login, value);
    return value;
  };
  return {
    app, pool, database, token,
    call: async (login, method, url, body) => app.inject({
      method, url,
      headers: login ? { authorization: `Bearer ${await token(login)}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    }),
    close: async () => {
      await app.close();
      await pool.end();
      await database.drop();
    },
  };
}

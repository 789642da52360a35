// Every change is in the programme's change log, in order, with its new revision and who made it:
// through the API, or straight in PostGIS by a planner connected with QGIS under their own role.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ID, OTHER_ID, startTestServer, type TestServer } from '../helpers/server-app.ts';

interface Change { seq: number; layer: string; featureId: string; op: string; revision: number; who: string }

describe('change log', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  const changes = async (query = ''): Promise<{ changes: Change[]; next: number }> => {
    const response = await server.call('reviewer', 'GET', `/api/programmes/${DEMO_ID}/changes${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { changes: Change[]; next: number };
  };

  it('shows a parcel changed with SQL by a planner in QGIS, with its new revision and their role', async () => {
    const { next } = await changes('?limit=10000');
    await server.pool.query(`create role qgis_planner login; grant select, update on parcels to qgis_planner`);
    const url = new URL(server.database.url);
    url.username = 'qgis_planner';
    const planner = new pg.Client({ connectionString: url.toString() });
    await planner.connect();
    try {
      const { rows } = await planner.query<{ revision: number }>(`update parcels set direction = 'grassland' where programme_id = $1 and id = 'QA-M01-P1' returning revision`, [DEMO_ID]);
      expect(rows[0]!.revision).toBe(2);
      // The editor's role cannot write the log itself: only the trigger does.
      await expect(planner.query(`insert into change_log (programme_id, layer, feature_id, op, revision, who) values ($1, 'parcels', 'x', 'insert', 1, 'x')`, [DEMO_ID])).rejects.toThrow(/permission denied/);
    } finally {
      await planner.end();
    }
    const after = await changes(`?after=${next}`);
    expect(after.changes).toEqual([expect.objectContaining({ layer: 'parcels', featureId: 'QA-M01-P1', op: 'update', revision: 2, who: 'qgis_planner' })]);
    expect(after.next).toBe(after.changes[0]!.seq);
    expect((await changes(`?after=${after.next}`)).changes).toEqual([]);
  });

  it('pages through the log in order, from the published programme on', async () => {
    const first = await changes('?limit=100');
    expect(first.changes).toHaveLength(100);
    expect(first.changes[0]).toMatchObject({ layer: 'programmes', featureId: DEMO_ID, op: 'insert', revision: 1, who: 'test-setup' });
    const second = await changes(`?after=${first.next}&limit=100`);
    const seqs = [...first.changes, ...second.changes].map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(200);
    // Another programme's changes are never in this one's log.
    expect([...first.changes, ...second.changes].some((c) => c.featureId === OTHER_ID)).toBe(false);
  });

  it('is closed to non-members and refuses a malformed position', async () => {
    expect((await server.call('outsider', 'GET', `/api/programmes/${DEMO_ID}/changes`)).statusCode).toBe(404);
    expect((await server.call('reviewer', 'GET', `/api/programmes/${DEMO_ID}/changes?after=1%20or%201=1`)).statusCode).toBe(400);
    expect((await server.call('reviewer', 'GET', `/api/programmes/${DEMO_ID}/changes?since=3`)).statusCode).toBe(400);
  });
});

// The schema migrates a database of the previous version without losing its data, and its
// triggers make every change, including one typed straight into SQL, a new revision in the log.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../src/server/database.ts';
import { LATEST_VERSION, migrate, schemaVersion } from '../../src/server/schema-migrations.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/server-database.ts';

const SQUARE = { type: 'Polygon', coordinates: [[[118.5, 40], [118.501, 40], [118.501, 40.001], [118.5, 40.001], [118.5, 40]]] };

describe('schema migrations', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool(database.url, 2);
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('migrates a version-1 database holding a programme to version 2, keeping its data', async () => {
    expect(await migrate(pool, 1)).toEqual([1]);
    expect(await schemaVersion(pool)).toBe(1);
    await pool.query(`insert into programmes (id, name, buffer_distances) values ('P1', '测试方案', '{"river_lake": 1000}')`);
    await pool.query(`insert into townships (programme_id, id, name) values ('P1', 'T1', '马兰庄镇')`);
    await pool.query(`insert into mines (programme_id, id, name, township_id, category, location) values ('P1', 'M1', '孟家峪铁矿', 'T1', 'abandoned', ST_SetSRID(ST_Point(118.5, 40), 4490))`);
    await pool.query(`insert into parcels (programme_id, id, mine_id, damage_type, direction, status, geom)
      values ('P1', 'M1-P1', 'M1', 'open_pit', 'forest', 'untreated', ST_SetSRID(ST_GeomFromGeoJSON($1), 4490))`, [JSON.stringify(SQUARE)]);
    // Version 1 has neither photos nor the GIS views.
    await expect(pool.query('select * from gis_parcels')).rejects.toThrow(/does not exist/);

    expect(await migrate(pool, 2)).toEqual([2]);
    const { rows } = await pool.query('select id, mine_name, township_name, damage_type_zh, status_zh, area_m2::float8 as area_m2 from gis_parcels');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'M1-P1', mine_name: '孟家峪铁矿', township_name: '马兰庄镇', damage_type_zh: '露天采场', status_zh: '未治理' });
    // 0.001° × 0.001° at 40°N on GRS80: 85.395 m (east) × 111.035 m (north) ≈ 9,482 m².
    expect(rows[0].area_m2).toBeGreaterThan(9450);
    expect(rows[0].area_m2).toBeLessThan(9520);
    const applied = await pool.query('select version, name from schema_migrations order by version');
    expect(applied.rows).toEqual([{ version: 1, name: 'programmes-accounts-features' }, { version: 2, name: 'photos-and-gis-views' }]);
    expect(await migrate(pool, 2)).toEqual([]);
  });

  it('migrates the version-2 database to version 3 (sync), keeping its change log and logging device edits from then on', async () => {
    const before = await pool.query('select seq, layer, feature_id, revision, who from change_log order by seq');
    expect(before.rows.length).toBeGreaterThan(0);
    expect(await migrate(pool, 3)).toEqual([3]);
    expect(await schemaVersion(pool)).toBe(3);
    const after = await pool.query('select seq, layer, feature_id, revision, who, client_edit_id, device_id from change_log order by seq');
    expect(after.rows).toEqual(before.rows.map((r: object) => ({ ...r, client_edit_id: null, device_id: null })));
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('fulv.user', 'u1', true), set_config('fulv.client_edit_id', 'E-1', true), set_config('fulv.device_id', 'D-1', true)");
      await client.query("update parcels set note = 'x' where programme_id = 'P1' and id = 'M1-P1'");
      await client.query('commit');
    } finally {
      client.release();
    }
    const logged = await pool.query('select who, client_edit_id, device_id, op from change_log order by seq desc limit 1');
    expect(logged.rows[0]).toEqual({ who: 'u1', client_edit_id: 'E-1', device_id: 'D-1', op: 'update' });
    expect(await migrate(pool, 3)).toEqual([]);
  });

  it('migrates the version-3 database to version 4: a committed change notifies its programme once per transaction, a rolled-back one never', async () => {
    const rows = async (): Promise<unknown[]> => (await pool.query('select seq, layer, feature_id, revision, who, client_edit_id, device_id from change_log order by seq')).rows;
    const before = await rows();
    const listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    const heard: { channel: string; payload?: string }[] = [];
    listener.on('notification', ({ channel, payload }) => heard.push({ channel, payload }));
    await listener.query('listen fulv_changes');
    try {
      // Version 3 does not notify.
      await pool.query("update parcels set note = 'v3' where programme_id = 'P1' and id = 'M1-P1'");
      expect(await migrate(pool)).toEqual([4]);
      expect(await schemaVersion(pool)).toBe(LATEST_VERSION);
      expect((await rows()).slice(0, before.length)).toEqual(before);
      await listener.query('select 1');
      expect(heard).toEqual([]);

      const client = await pool.connect();
      try {
        await client.query('begin');
        // Two changes (parcel and township) in one transaction.
        await client.query("update parcels set note = 'a' where programme_id = 'P1' and id = 'M1-P1'");
        await client.query("update townships set name = '马兰庄镇 ' where programme_id = 'P1' and id = 'T1'");
        await listener.query('select 1');
        expect(heard).toEqual([]);
        await client.query('commit');
        await client.query('begin');
        await client.query("update parcels set note = 'b' where programme_id = 'P1' and id = 'M1-P1'");
        await client.query('rollback');
      } finally {
        client.release();
      }
      await expect.poll(() => heard.length).toBe(1);
      await listener.query('select 1');
      expect(heard).toEqual([{ channel: 'fulv_changes', payload: 'P1' }]);
    } finally {
      await listener.end();
    }
  });

  it('bumps the revision and logs a change made straight in SQL, as a planner in QGIS would', async () => {
    const before = await pool.query<{ revision: number }>(`select revision from parcels where id = 'M1-P1'`);
    const { rows: [last] } = await pool.query<{ seq: string | null }>('select max(seq) as seq from change_log');
    await pool.query(`update parcels set note = '边坡已削坡', revision = 1 where programme_id = 'P1' and id = 'M1-P1'`);
    const after = await pool.query<{ revision: number }>(`select revision from parcels where id = 'M1-P1'`);
    expect(after.rows[0]!.revision).toBe(before.rows[0]!.revision + 1);
    const log = await pool.query('select layer, feature_id, op, revision, who from change_log where seq > $1 order by seq', [last!.seq ?? 0]);
    expect(log.rows).toEqual([{ layer: 'parcels', feature_id: 'M1-P1', op: 'update', revision: after.rows[0]!.revision, who: 'postgres' }]);
  });

  it('gives the change log a strictly growing sequence across layers and logs deletions', async () => {
    await pool.query(`insert into zones (programme_id, id, zone_type, geom) values ('P1', 'Z1', 'river_lake', ST_GeomFromText('LINESTRING(118.4 40, 118.6 40.1)', 4490))`);
    await pool.query(`delete from zones where id = 'Z1'`);
    const { rows } = await pool.query<{ seq: string; op: string; layer: string }>(`select seq, op, layer from change_log where programme_id = 'P1' order by seq`);
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(rows.slice(-2).map((r) => `${r.layer}:${r.op}`)).toEqual(['zones:insert', 'zones:delete']);
  });

  it('deletes a whole programme with everything in it, each deletion logged', async () => {
    await pool.query(`insert into reviews (programme_id, parcel_id, status, events) values ('P1', 'M1-P1', 'treated', '[]')`);
    const last = (await pool.query<{ seq: string }>('select max(seq) as seq from change_log')).rows[0]!.seq;
    await pool.query(`delete from programmes where id = 'P1'`);
    for (const table of ['townships', 'mines', 'parcels', 'zones', 'reviews', 'targets', 'treated', 'photos']) {
      expect((await pool.query(`select 1 from ${table} where programme_id = 'P1'`)).rowCount, table).toBe(0);
    }
    const { rows } = await pool.query(`select layer from change_log where seq > $1 and programme_id = 'P1' and op = 'delete' order by seq`, [last]);
    expect(rows.map((r) => r.layer).sort()).toEqual(['mines', 'parcels', 'programmes', 'reviews', 'townships']);
  });

  it('refuses geometry of the wrong kind or coordinate system', async () => {
    await pool.query(`insert into programmes (id, name, buffer_distances) values ('P1', '测试方案', '{}')`);
    await pool.query(`insert into townships (programme_id, id, name) values ('P1', 'T1', '马兰庄镇')`);
    await pool.query(`insert into mines (programme_id, id, name, township_id, category, location) values ('P1', 'M1', '孟家峪铁矿', 'T1', 'abandoned', ST_SetSRID(ST_Point(118.5, 40), 4490))`);
    await expect(pool.query(`insert into parcels (programme_id, id, mine_id, damage_type, direction, status, geom)
      values ('P1', 'M1-P2', 'M1', 'open_pit', 'forest', 'untreated', ST_GeomFromText('LINESTRING(118.5 40, 118.6 40)', 4490))`)).rejects.toThrow(/check constraint/);
    await expect(pool.query(`insert into parcels (programme_id, id, mine_id, damage_type, direction, status, geom)
      values ('P1', 'M1-P2', 'M1', 'open_pit', 'forest', 'untreated', ST_GeomFromGeoJSON($1))`, [JSON.stringify(SQUARE)])).rejects.toThrow(/SRID/);
  });
});

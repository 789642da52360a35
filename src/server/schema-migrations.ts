// Versioned schema migrations: the SQL files of migrations/ (NNN-name.sql), applied in order, each
// in its own transaction together with its row in schema_migrations, so a failed migration leaves
// the database at the version before it. Several servers starting at once take turns (advisory lock).
import { readdirSync, readFileSync } from 'node:fs';
import type { Pool } from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;
/** Any fixed number, the same in every Fulv server: the key of the migration lock. */
const MIGRATION_LOCK = 461_016;

export function bundledMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: match[2]!, sql: readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

export const LATEST_VERSION = Math.max(...bundledMigrations().map((m) => m.version));

/** Applies the migrations above the database's version, up to `upTo`; returns the versions applied. */
export async function migrate(pool: Pool, upTo: number = LATEST_VERSION, migrations: readonly Migration[] = bundledMigrations()): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    const { rows } = await client.query<{ version: number }>('select coalesce(max(version), 0) as version from schema_migrations');
    const current = rows[0]!.version;
    if (current > LATEST_VERSION) {
      throw new Error(`the database is at schema version ${current}, newer than this server's ${LATEST_VERSION}: update the server`);
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= current || migration.version > upTo) continue;
      await client.query('begin');
      try {
        await client.query(migration.sql);
        await client.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${migration.version} (${migration.name}) failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

export async function schemaVersion(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ version: number | null }>('select max(version) as version from schema_migrations');
  return rows[0]?.version ?? 0;
}

// A fresh database per test file, copied from the cluster's PostGIS template, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${inject('postgresBaseUrl')}postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `fulv_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(`create database ${name} template fulv_template`);
  return {
    url: `${inject('postgresBaseUrl')}${name}`,
    drop: () => asAdmin(`drop database if exists ${name} with (force)`),
  };
}

import type {} from 'vitest';
// Starts one throwaway PostgreSQL + PostGIS for the server tests; each test file makes its own
// database in it (tests/helpers/server-database.ts).
import type { TestProject } from 'vitest/node';
import { startCluster } from '../helpers/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  project.provide('postgresBaseUrl', cluster.baseUrl);
  return () => cluster.stop();
}

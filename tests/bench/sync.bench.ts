// `npm run bench:sync`: N simulated devices push and pull through a real Fulv server (its own
// process, over the loopback interface) on a throwaway PostgreSQL + PostGIS cluster. Each device
// creates its own treated polygons and edits them, and now and then edits one of a few polygons
// every device shares — conflicts, which it resolves as a device would (re-bases its attribute
// change on the server's version and pushes it as a new edit). Prints throughput and p50/p95 push
// and pull latency, then checks the result: every device's own polygons hold its last values, each
// shared polygon's revision counts every shared edit once, and every device, after pulling,
// holds exactly the server's state.
//
//   npm run bench:sync -- --devices 50 --edits 200 --batch 20 --shared 5 --max-seconds 1200
import { parseArgs } from 'node:util';
import type { Polygon } from 'geojson';
import pg from 'pg';
import type { TreatedFeature } from '../../src/domain/model.ts';
import type { Edit } from '../../src/store/edit.ts';
import type { PullResponse, PushOutcome, PushedEdit } from '../../src/store/sync-protocol.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { startCluster } from '../helpers/postgres-cluster.ts';
import { DEMO_ID } from '../helpers/server-app.ts';
import { loginOver, seedDemoDatabase, startServerProcess } from '../helpers/server-process.ts';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '50' }, edits: { type: 'string', default: '200' },
    batch: { type: 'string', default: '20' }, shared: { type: 'string', default: '5' },
    'shared-every': { type: 'string', default: '10' },
    'max-seconds': { type: 'string', default: '1200' },
  },
});
const DEVICES = Number(values.devices);
const EDITS = Number(values.edits);
const BATCH = Number(values.batch);
const SHARED = Number(values.shared);
const SHARED_EVERY = Number(values['shared-every']);
/** The run is bounded in time as well as in count: past this the bench stops and fails. */
const MAX_SECONDS = Number(values['max-seconds']);

const square = (lon: number, lat: number): Polygon => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.0002, lat], [lon + 0.0002, lat + 0.0002], [lon, lat + 0.0002], [lon, lat]]] });
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Known { revision: number; value: unknown }

class Device {
  readonly known = new Map<string, Known>();
  cursor = 0;
  readonly pushTimes: number[] = [];
  readonly pullTimes: number[] = [];
  conflicts = 0;
  sharedApplied = 0;
  private counter = 0;
  constructor(readonly name: string, readonly url: string, readonly token: string) {}

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method, headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (response.status !== 200) throw new Error(`${this.name} ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  pushed(edit: Edit): PushedEdit {
    return { clientEditId: `${this.name}-${++this.counter}`, edit, madeAt: new Date().toISOString() };
  }

  async pullAll(): Promise<void> {
    for (;;) {
      const started = performance.now();
      const page = (await this.call('GET', `/api/programmes/${DEMO_ID}/sync/pull?since=${this.cursor}&limit=1000`)) as PullResponse;
      this.pullTimes.push(performance.now() - started);
      for (const change of page.changes) if (change.layer === 'treated') this.known.set(change.id, { revision: change.revision, value: change.value });
      this.cursor = page.cursor;
      if (!page.more) return;
    }
  }

  /** Pushes the queue to the end; a conflict is re-based on the server's version and pushed again. */
  async push(queue: { make: (base: number) => Edit; id: string; shared: boolean }[]): Promise<void> {
    while (queue.length > 0) {
      const slice = queue.slice(0, BATCH);
      // Each edit is based on the revision the one before it in this push will leave.
      const tentative = new Map<string, number>();
      const edits = slice.map((q) => {
        const base = tentative.get(q.id) ?? this.known.get(q.id)?.revision ?? 0;
        tentative.set(q.id, base + 1);
        return this.pushed(q.make(base));
      });
      const started = performance.now();
      const { outcomes } = (await this.call('POST', `/api/programmes/${DEMO_ID}/sync/push`, { protocol: 1, deviceId: this.name, edits })) as { outcomes: PushOutcome[] };
      this.pushTimes.push(performance.now() - started);
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.status === 'applied') {
          for (const r of outcome.revisions) if (r.layer === 'treated') this.known.set(r.id, { revision: r.revision, value: this.known.get(r.id)?.value });
          if (slice[i]!.shared) this.sharedApplied++;
          queue.shift();
        } else if (outcome.status === 'conflict') {
          this.conflicts++;
          for (const v of outcome.current) this.known.set(v.id, { revision: v.revision, value: v.value });
        } else if (outcome.status === 'refused') {
          throw new Error(`${this.name}: refused ${outcome.code}: ${outcome.message}`);
        } else {
          queue.shift();
        }
      }
    }
  }
}

async function main(): Promise<void> {
  const overall = performance.now();
  const cluster = await startCluster({ durableCommits: true });
  const admin = new pg.Client({ connectionString: `${cluster.baseUrl}postgres` });
  await admin.connect();
  await admin.query('create database fulv_bench template fulv_template');
  await admin.end();
  const databaseUrl = `${cluster.baseUrl}fulv_bench`;
  const names = Array.from({ length: DEVICES }, (_, i) => `device${i}`);
  await seedDemoDatabase(databaseUrl, names);
  const server = await startServerProcess(databaseUrl);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const template = demoProgramme().treated.features[0]!;
    const shared = demoProgramme().treated.features.slice(0, SHARED).map((f) => f.properties.id);
    const devices = await Promise.all(names.map(async (name) => new Device(name, server.url, await loginOver(server.url, name))));
    await Promise.all(devices.map((d) => d.pullAll()));
    const lastNote = new Map<string, string>();
    const started = performance.now();
    let overtime: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      overtime = setTimeout(() => reject(new Error(`the devices were not done after ${MAX_SECONDS} s (--max-seconds): stopped`)), MAX_SECONDS * 1000);
    });
    const work = Promise.all(devices.map(async (device, d) => {
      const own = `${device.name}-poly`;
      const plan: { make: (base: number) => Edit; id: string; shared: boolean }[] = [];
      for (let e = 0; e < EDITS; e++) {
        if (e === 0) {
          const feature: TreatedFeature = { ...template, geometry: square(118.6 + (d % 50) * 0.0005, 40.3 + Math.floor(d / 50) * 0.0005), properties: { ...template.properties, id: own, note: `${device.name} 0` } };
          plan.push({ id: own, shared: false, make: () => ({ kind: 'create-treated', baseRevision: 0, feature }) });
        } else if (SHARED > 0 && e % SHARED_EVERY === 0) {
          const id = shared[(d + e) % SHARED]!;
          plan.push({ id, shared: true, make: (base) => ({ kind: 'update-treated-attributes', id, baseRevision: base, attributes: { note: `${device.name} shared ${e}` } }) });
        } else {
          plan.push({ id: own, shared: false, make: (base) => ({ kind: 'update-treated-attributes', id: own, baseRevision: base, attributes: { note: `${device.name} ${e}` } }) });
          lastNote.set(own, `${device.name} ${e}`);
        }
      }
      // Work in rounds, as a device syncing every so often: push some, pull the others' changes.
      for (let from = 0; from < plan.length; from += BATCH * 2) {
        await device.push(plan.slice(from, from + BATCH * 2));
        await device.pullAll();
      }
    }));
    // Past the deadline the devices' requests fail as the server stops; the deadline's error is the one told.
    work.catch(() => undefined);
    await Promise.race([work, deadline]).finally(() => clearTimeout(overtime));
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(devices.map((d) => d.pullAll()));

    // The server's state, read from the database itself.
    const { rows } = await db.query<{ id: string; note: string; revision: number }>('select id, note, revision from treated where programme_id = $1 and not deleted', [DEMO_ID]);
    const server_ = new Map(rows.map((r) => [r.id, r]));
    const problems: string[] = [];
    for (const [id, note] of lastNote) if (server_.get(id)?.note !== note) problems.push(`${id}: server holds "${server_.get(id)?.note}", expected "${note}"`);
    const sharedEdits = devices.reduce((n, d) => n + d.sharedApplied, 0);
    const sharedRevisions = shared.reduce((n, id) => n + server_.get(id)!.revision - 1, 0);
    if (sharedRevisions !== sharedEdits) problems.push(`shared polygons moved ${sharedRevisions} revisions for ${sharedEdits} shared edits applied`);
    for (const device of devices) {
      for (const row of rows) {
        const known = device.known.get(row.id);
        const note = (known?.value as TreatedFeature | undefined)?.properties.note;
        if (!known || known.revision !== row.revision || note !== row.note) { problems.push(`${device.name} holds ${row.id} at revision ${known?.revision} ("${note}"), the server at ${row.revision} ("${row.note}")`); break; }
      }
    }
    const pushes = devices.flatMap((d) => d.pushTimes).sort((a, b) => a - b);
    const pulls = devices.flatMap((d) => d.pullTimes).sort((a, b) => a - b);
    const applied = DEVICES * EDITS;
    const conflicts = devices.reduce((n, d) => n + d.conflicts, 0);
    console.log(`sync bench: ${DEVICES} devices × ${EDITS} edits (pushes of ≤ ${BATCH}, every ${SHARED_EVERY}th edit on one of ${SHARED} shared polygons)`);
    console.log(`  ${applied} edits applied in ${seconds.toFixed(1)} s: ${(applied / seconds).toFixed(0)} edits/s; ${conflicts} conflicts met and re-based`);
    console.log(`  push: ${pushes.length} requests, p50 ${percentile(pushes, 50).toFixed(0)} ms, p95 ${percentile(pushes, 95).toFixed(0)} ms`);
    console.log(`  pull: ${pulls.length} requests, p50 ${percentile(pulls, 50).toFixed(0)} ms, p95 ${percentile(pulls, 95).toFixed(0)} ms`);
    console.log(`  check: ${problems.length === 0 ? `every device holds the server's ${rows.length} treated polygons; ${sharedEdits} shared edits each counted once` : `FAILED\n    ${problems.slice(0, 10).join('\n    ')}`}`);
    console.log(`  (whole run with cluster start: ${((performance.now() - overall) / 1000).toFixed(0)} s)`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await db.end();
    await server.stop();
    cluster.stop();
  }
}

await main();

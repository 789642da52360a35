// A programme stored in PostGIS comes back as the same ProgrammeContent, judged against the demo
// programme's own files: every township, mine, parcel, zone, treated polygon and target, each
// geometry of the type it was given, optional attributes still absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProgrammeContent } from '../../src/server/programme-content-read.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { DEMO_ID, demoContent, startTestServer, type TestServer } from '../helpers/server-app.ts';

describe('programme content in the database', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('gives back the published demo programme exactly', async () => {
    const read = await readProgrammeContent(server.pool, DEMO_ID);
    expect(read).toEqual(demoContent());
    const demo = demoProgramme();
    const types = (features: { geometry: { type: string } }[]) => features.map((f) => f.geometry.type);
    expect(types(read!.programme.parcels.features)).toEqual(types(demo.parcels.features));
    expect(types(read!.programme.parcels.features)).toContain('MultiPolygon');
    expect(types(read!.programme.zones.features)).toEqual(types(demo.zones.features));
    expect(read!.programme.parcels.features.every((f) => !('tbxl' in f.properties) && !('source_attributes' in f.properties))).toBe(true);
  });

  it('gives back what the server changed: an acceptance record and a deleted polygon', async () => {
    const accepted = await server.call('reviewer', 'POST', `/api/programmes/${DEMO_ID}/parcels/QA-M04-P1/review`, { action: 'accept', baseRevision: 0 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const victim = demoProgramme().treated.features.find((f) => f.properties.parcel_id === 'QA-M03-P2')!;
    const deleted = await server.call('surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, { kind: 'delete-treated', id: victim.properties.id, baseRevision: 1 });
    expect(deleted.statusCode, deleted.body).toBe(200);
    const read = await readProgrammeContent(server.pool, DEMO_ID);
    expect(read!.reviews).toEqual([(accepted.json() as { review: unknown }).review]);
    expect(read!.programme.treated.features.map((f) => f.properties.id)).toEqual(
      demoProgramme().treated.features.map((f) => f.properties.id).filter((id) => id !== victim.properties.id));
    expect(await readProgrammeContent(server.pool, 'NO-SUCH')).toBeNull();
  });
});

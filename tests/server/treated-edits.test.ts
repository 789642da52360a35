// Treated-polygon edits as the app makes them: batches (a split) applied all or nothing, an
// accepted parcel reopened once per batch, and concurrent edits of one polygon serialised so that
// only one of several based on the same revision wins.
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParcelReview } from '../../src/domain/review.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { DEMO_ID, startTestServer, type TestServer } from '../helpers/server-app.ts';

const EDITS = `/api/programmes/${DEMO_ID}/treated-edits`;
const square = (lon: number, lat: number): Polygon => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.001], [lon, lat + 0.001], [lon, lat]]] });

describe('treated-polygon edits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  const logCount = async (): Promise<number> => Number((await server.pool.query('select count(*) as n from change_log')).rows[0].n);

  it('applies a split as one batch and reopens the accepted parcel once', async () => {
    const [first, second] = demoProgramme().treated.features.filter((f) => f.properties.parcel_id === 'QA-M09-P2');
    const piece = { ...first!, geometry: square(118.7, 40.1), properties: { ...first!.properties, id: 'QA-DEMO-U-piece' } };
    const response = await server.call('surveyor', 'POST', EDITS, {
      kind: 'batch', label: `split ${first!.properties.id}`, edits: [
        { kind: 'update-treated-geometry', id: first!.properties.id, baseRevision: 1, geometry: square(118.71, 40.1) },
        { kind: 'create-treated', baseRevision: 0, feature: piece },
        { kind: 'update-treated-attributes', id: second!.properties.id, baseRevision: 1, attributes: { measure: 'landform' } },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      label: `split ${first!.properties.id}`, reopened: ['QA-M09-P2'],
      results: [{ id: first!.properties.id, revision: 2 }, { id: 'QA-DEMO-U-piece', revision: 1 }, { id: second!.properties.id, revision: 2 }],
    });
    const review = (await server.call('reviewer', 'GET', `/api/programmes/${DEMO_ID}/parcels/QA-M09-P2/review`)).json() as { review: ParcelReview };
    expect(review.review.events.map((e) => [e.action, e.status])).toEqual([['reopen', 'treated']]);
  });

  it('applies nothing of a batch when one of its edits is refused', async () => {
    const [feature] = demoProgramme().treated.features.filter((f) => f.properties.parcel_id === 'QA-M22-P3');
    const before = await logCount();
    const response = await server.call('surveyor', 'POST', EDITS, {
      kind: 'batch', label: 'half good', edits: [
        { kind: 'update-treated-geometry', id: feature!.properties.id, baseRevision: 1, geometry: square(118.72, 40.1) },
        { kind: 'create-treated', baseRevision: 0, feature: { ...feature!, geometry: square(118.73, 40.1), properties: { ...feature!.properties, id: 'QA-DEMO-U-late', date: '2999-12-31' } } },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ message: expect.stringContaining('QA-DEMO-U-late') });
    expect(await logCount()).toBe(before);
    const stored = (await server.call('surveyor', 'GET', `/api/programmes/${DEMO_ID}/treated/${feature!.properties.id}`)).json() as { revision: number; feature: unknown };
    expect(stored).toEqual({ revision: 1, feature });

    const mixed = await server.call('surveyor', 'POST', EDITS, {
      kind: 'batch', label: 'sneaky', edits: [{ kind: 'review-parcel', parcelId: 'QA-M22-P3', baseRevision: 0, review: null }],
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json()).toMatchObject({ message: expect.stringContaining('cannot hold a review-parcel edit') });
  });

  it('lets only one of several simultaneous edits based on the same revision through', async () => {
    const feature = demoProgramme().treated.features.find((f) => f.properties.parcel_id === 'QA-M03-P2')!;
    const responses = await Promise.all(['甲', '乙', '丙', '丁', '戊'].map((note) =>
      server.call('surveyor', 'POST', EDITS, { kind: 'update-treated-attributes', id: feature.properties.id, baseRevision: 1, attributes: { note } })));
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const { rows } = await server.pool.query('select revision from treated where programme_id = $1 and id = $2', [DEMO_ID, feature.properties.id]);
    expect(rows).toEqual([{ revision: 2 }]);

    const created = await Promise.all([1, 2, 3].map(() => server.call('surveyor', 'POST', EDITS, {
      kind: 'create-treated', baseRevision: 0, feature: { ...feature, geometry: square(118.74, 40.1), properties: { ...feature.properties, id: 'QA-DEMO-U-race' } },
    })));
    expect(created.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });
});

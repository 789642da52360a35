// Every edit kind a device makes is pushed: a planner's import of parcels, zones and mines and its
// undo (remove-features), and the undo of an acceptance step (of one decision on several parcels
// too). Each is applied under the role rules (reference layers: planner or admin; acceptance: the
// role that may take the step), answered "already applied" when repeated, and pulled by other
// devices from the change log.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mine, ParcelFeature, ZoneFeature } from '../../src/domain/model.ts';
import type { ParcelReview, ReviewEvent } from '../../src/domain/review.ts';
import type { Edit } from '../../src/store/edit.ts';
import type { ReferenceFeatures } from '../../src/store/reference-features.ts';
import type { PullResponse, PushOutcome, PushResponse } from '../../src/store/sync-protocol.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { DEMO_ID, startTestServer, type TestServer } from '../helpers/server-app.ts';

let counter = 0;

describe('pushing imports, removals and undone acceptance steps', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ logger: { level: 'error' } });
  });
  afterAll(async () => server?.close());

  const push = async (login: string, edit: Edit, clientEditId = `ref-${++counter}`): Promise<PushOutcome> => {
    const response = await server.call(login, 'POST', `/api/programmes/${DEMO_ID}/sync/push`, { protocol: 1, deviceId: `device-${login}`, edits: [{ clientEditId, edit, madeAt: '2026-12-07T10:00:00Z' }] });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as PushResponse).outcomes[0]!;
  };
  const pullAll = async (login: string, since: number): Promise<PullResponse['changes']> => {
    const response = await server.call(login, 'GET', `/api/programmes/${DEMO_ID}/sync/pull?since=${since}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as PullResponse).changes;
  };
  const lastSeq = async (): Promise<number> => Number((await server.pool.query('select coalesce(max(seq), 0) as s from change_log where programme_id = $1', [DEMO_ID])).rows[0].s);
  const count = async (table: string, id: string): Promise<number> => Number((await server.pool.query(`select count(*) as n from ${table} where programme_id = $1 and id = $2`, [DEMO_ID, id])).rows[0].n);

  const demo = demoProgramme();
  const township = demo.townships[0]!;
  const mine: Mine = { id: 'NEW-M1', name: '新矿', name_en: 'New mine', mineral: '铁矿', township_id: township.id, category: 'abandoned', responsible_party: null, location: [118.6, 40.0] };
  const parcel: ParcelFeature = {
    type: 'Feature', properties: { id: 'NEW-P1', mine_id: 'NEW-M1', name: '新图斑', damage_type: 'open_pit', direction: 'forest', status: 'untreated', tbdl: '10', note: '' },
    geometry: { type: 'Polygon', coordinates: [[[118.6, 40.0], [118.601, 40.0], [118.601, 40.001], [118.6, 40.001], [118.6, 40.0]]] },
  };
  const zone: ZoneFeature = {
    type: 'Feature', properties: { id: 'NEW-Z1', name: '新水源地', name_en: 'New source', zone_type: 'water_source', note: '' },
    geometry: { type: 'Polygon', coordinates: [[[118.7, 40.0], [118.71, 40.0], [118.71, 40.01], [118.7, 40.01], [118.7, 40.0]]] },
  };
  const features: ReferenceFeatures = { townships: [], mines: [mine], parcels: [parcel], zones: [zone] };

  it('applies a planner’s import once, refuses a surveyor’s, and other devices pull the new records', async () => {
    const since = await lastSeq();
    const refused = await push('surveyor', { kind: 'import-features', label: '导入', features });
    expect(refused).toMatchObject({ status: 'refused', code: 'forbidden', message: expect.stringContaining('only a planner or programme admin may add or remove parcels') });
    expect(await count('parcels', 'NEW-P1')).toBe(0);

    const edit: Edit = { kind: 'import-features', label: '导入新图斑', features };
    const applied = await push('planner', edit, 'import-1');
    expect(applied).toMatchObject({ status: 'applied', seq: expect.any(Number), revisions: [] });
    expect([await count('mines', 'NEW-M1'), await count('parcels', 'NEW-P1'), await count('zones', 'NEW-Z1')]).toEqual([1, 1, 1]);
    const seqAfter = await lastSeq();
    expect(await push('planner', edit, 'import-1')).toEqual({ clientEditId: 'import-1', status: 'already_applied', seq: (applied as { seq: number }).seq });
    expect(await lastSeq()).toBe(seqAfter);

    const changes = await pullAll('surveyor', since);
    const byId = new Map(changes.map((c) => [`${c.layer}/${c.id}`, c]));
    expect(byId.get('mines/NEW-M1')).toMatchObject({ revision: 1, clientEditId: 'import-1', value: { id: 'NEW-M1', name: '新矿', location: [118.6, 40.0] } });
    expect(byId.get('parcels/NEW-P1')).toMatchObject({ revision: 1, value: { type: 'Feature', properties: { id: 'NEW-P1', mine_id: 'NEW-M1', damage_type: 'open_pit' }, geometry: parcel.geometry } });
    expect(byId.get('zones/NEW-Z1')).toMatchObject({ revision: 1, value: { properties: { zone_type: 'water_source' } } });
  });

  it('refuses an import of an id the programme holds, or with a value the app refuses, and stores none of it', async () => {
    const taken = await push('planner', { kind: 'import-features', label: '再导入', features: { ...features, mines: [], parcels: [], zones: [{ ...zone, properties: { ...zone.properties, id: 'NEW-Z2' } }, zone] } });
    expect(taken).toMatchObject({ status: 'refused', code: 'already_exists', message: expect.stringContaining('NEW-Z1') });
    expect(await count('zones', 'NEW-Z2')).toBe(0);
    const bad = await push('admin', { kind: 'import-features', label: '坏的', features: { townships: [], mines: [], zones: [], parcels: [{ ...parcel, properties: { ...parcel.properties, id: 'BAD-P1', mine_id: 'NO-SUCH-MINE', damage_type: 'volcano' as never } }] } });
    expect(bad).toMatchObject({ status: 'refused', code: 'invalid_request', message: expect.stringMatching(/mine "NO-SUCH-MINE" is not in this programme[\s\S]*damage_type "volcano"/) });
    expect(await count('parcels', 'BAD-P1')).toBe(0);
  });

  it('removes imported records (the import undone) once, refuses it to a surveyor or while work needs them, and others pull the removal', async () => {
    const since = await lastSeq();
    const edit: Edit = { kind: 'remove-features', label: '导入新图斑', features };
    expect(await push('surveyor', edit)).toMatchObject({ status: 'refused', code: 'forbidden' });
    const treatedParcel = demo.treated.features[0]!.properties.parcel_id!;
    const needed = demo.parcels.features.find((p) => p.properties.id === treatedParcel)!;
    expect(await push('planner', { kind: 'remove-features', label: '删图斑', features: { townships: [], mines: [], zones: [], parcels: [needed] } }))
      .toMatchObject({ status: 'refused', code: 'still_needed', message: expect.stringContaining(`lies on imported parcel ${treatedParcel}`) });
    expect(await count('parcels', treatedParcel)).toBe(1);

    const applied = await push('admin', edit, 'remove-1');
    expect(applied).toMatchObject({ status: 'applied' });
    expect([await count('mines', 'NEW-M1'), await count('parcels', 'NEW-P1'), await count('zones', 'NEW-Z1')]).toEqual([0, 0, 0]);
    expect(await push('admin', edit, 'remove-1')).toMatchObject({ status: 'already_applied' });
    // Removing again under a new id: they are gone, which is said, not a conflict.
    expect(await push('admin', edit)).toMatchObject({ status: 'refused', code: 'not_found', message: expect.stringContaining('NEW-M1') });

    const changes = await pullAll('reviewer', since);
    expect(changes.filter((c) => c.clientEditId === 'remove-1').map((c) => [c.layer, c.id, c.value]).sort())
      .toEqual([['mines', 'NEW-M1', null], ['parcels', 'NEW-P1', null], ['zones', 'NEW-Z1', null]]);
  });

  describe('undoing an acceptance step', () => {
    const parcelId = demo.parcels.features.find((p) => p.properties.status === 'in_progress' && p.properties.id !== 'QA-M17-P1')!.properties.id;
    const event = (action: ReviewEvent['action'], status: ReviewEvent['status'], role: 'surveyor' | 'reviewer'): ReviewEvent => ({ action, status, at: '2026-12-07T10:00:00Z', who: '设备上的名字', role, note: '' });
    const record = (...events: ReviewEvent[]): ParcelReview => ({ parcel_id: parcelId, status: events.at(-1)!.status, events });
    const stored = async (): Promise<{ revision: number; review: ParcelReview | null }> => (await server.call('reviewer', 'GET', `/api/programmes/${DEMO_ID}/parcels/${parcelId}/review`)).json();

    it('is refused to a surveyor for an acceptance, applied for a reviewer once, and pulled by others', async () => {
      const submit = event('submit', 'treated', 'surveyor');
      const accept = event('accept', 'accepted', 'reviewer');
      expect(await push('surveyor', { kind: 'review-parcel', parcelId, baseRevision: 0, review: record(submit) })).toMatchObject({ status: 'applied' });
      expect(await push('reviewer', { kind: 'review-parcel', parcelId, baseRevision: 1, review: record(submit, accept) })).toMatchObject({ status: 'applied' });
      expect((await stored()).review!.status).toBe('accepted');
      const since = await lastSeq();

      // The undo of the acceptance: the record as it was before it.
      const undo: Edit = { kind: 'review-parcel', parcelId, baseRevision: 2, review: record(submit) };
      expect(await push('surveyor', undo)).toMatchObject({ status: 'refused', code: 'forbidden', message: expect.stringContaining('only a reviewer may accept') });
      // A shorter record that is not this one without its last step is refused.
      expect(await push('reviewer', { ...undo, review: record(event('send_back', 'rejected', 'reviewer')) })).toMatchObject({ status: 'refused', code: 'invalid_step' });
      expect((await stored()).revision).toBe(2);
      const applied = await push('reviewer', undo, 'undo-accept');
      expect(applied).toMatchObject({ status: 'applied', revisions: [{ layer: 'reviews', id: parcelId, revision: 3 }] });
      expect(await push('reviewer', undo, 'undo-accept')).toMatchObject({ status: 'already_applied' });
      const after = await stored();
      expect(after.revision).toBe(3);
      // No longer accepted, so no longer frozen; the server's own submit step is kept.
      expect(after.review).toMatchObject({ status: 'treated', events: [{ action: 'submit', who: 'surveyor 用户' }] });
      expect(after.review!.events).toHaveLength(1);
      const pulled = (await pullAll('surveyor', since)).find((c) => c.layer === 'reviews' && c.id === parcelId);
      expect(pulled).toMatchObject({ revision: 3, clientEditId: 'undo-accept', value: { status: 'treated' } });
    });

    it('of the first step leaves no record at a new revision, which a snapshot keeps, and the next step builds on it', async () => {
      const since = await lastSeq();
      expect(await push('surveyor', { kind: 'review-parcel', parcelId, baseRevision: 3, review: null })).toMatchObject({ status: 'applied', revisions: [{ layer: 'reviews', id: parcelId, revision: 4 }] });
      expect(await stored()).toEqual({ revision: 4, review: null });
      expect((await pullAll('reviewer', since)).find((c) => c.id === parcelId)).toMatchObject({ layer: 'reviews', revision: 4, value: null });
      const snapshot = JSON.parse(gunzipSync((await server.call('surveyor', 'GET', `/api/programmes/${DEMO_ID}/snapshot`)).rawPayload).toString('utf8')) as {
        revisions: { reviews: Record<string, number> }; content: { reviews: ParcelReview[] };
      };
      expect(snapshot.revisions.reviews[parcelId]).toBe(4);
      expect(snapshot.content.reviews.map((r) => r.parcel_id)).not.toContain(parcelId);
      // A stale undo (based on revision 3) is a conflict with the server's version.
      expect(await push('reviewer', { kind: 'review-parcel', parcelId, baseRevision: 3, review: null })).toMatchObject({ status: 'conflict', current: [{ layer: 'reviews', id: parcelId, revision: 4, value: null }] });
      expect(await push('surveyor', { kind: 'review-parcel', parcelId, baseRevision: 4, review: record(event('submit', 'treated', 'surveyor')) }))
        .toMatchObject({ status: 'applied', revisions: [{ layer: 'reviews', id: parcelId, revision: 5 }] });
    });
    it('of a polygon edit that reopened accepted work removes the reopening with it, and its redo reopens again', async () => {
      const used = new Set(['QA-M17-P1', parcelId]);
      const target = demo.treated.features.find((f) => {
        const p = demo.parcels.features.find((x) => x.properties.id === f.properties.parcel_id);
        return p?.properties.status === 'in_progress' && !used.has(p.properties.id);
      })!;
      const accepted = target.properties.parcel_id!;
      const step = (action: ReviewEvent['action'], status: ReviewEvent['status'], role: 'surveyor' | 'reviewer'): ReviewEvent => ({ action, status, at: '2026-12-07T10:00:00Z', who: '设备', role, note: '' });
      const submit = step('submit', 'treated', 'surveyor');
      const accept = step('accept', 'accepted', 'reviewer');
      const recordOf = (...events: ReviewEvent[]): ParcelReview => ({ parcel_id: accepted, status: events.at(-1)!.status, events });
      const reviewNow = async () => (await server.call('reviewer', 'GET', `/api/programmes/${DEMO_ID}/parcels/${accepted}/review`)).json() as { revision: number; review: ParcelReview };
      const base = (await reviewNow()).revision;
      expect(await push('surveyor', { kind: 'review-parcel', parcelId: accepted, baseRevision: base, review: recordOf(submit) })).toMatchObject({ status: 'applied' });
      expect(await push('reviewer', { kind: 'review-parcel', parcelId: accepted, baseRevision: base + 1, review: recordOf(submit, accept) })).toMatchObject({ status: 'applied' });
      const id = target.properties.id;
      const original = target.geometry;
      const moved = JSON.parse(JSON.stringify(original).replace(/\d+\.\d+/g, (n) => String(Number(n) + 0.00001))) as typeof original;
      const reshaped = await push('surveyor', { kind: 'update-treated-geometry', id, baseRevision: 1, geometry: moved });
      expect(reshaped).toMatchObject({ status: 'applied', revisions: expect.arrayContaining([{ layer: 'reviews', id: accepted, revision: base + 3 }]) });
      const reopened = await reviewNow();
      expect(reopened.review.events.map((e) => e.action)).toEqual(['submit', 'accept', 'reopen']);

      // The undo as the app makes it: the reopening removed, the polygon back.
      const reopen = step('reopen', 'treated', 'surveyor');
      const undo: Edit = { kind: 'batch', label: '撤销', edits: [
        { kind: 'review-parcel', parcelId: accepted, baseRevision: base + 3, review: recordOf(submit, accept) },
        { kind: 'update-treated-geometry', id, baseRevision: 2, geometry: original },
      ] };
      expect(await push('surveyor', undo, 'undo-reshape')).toMatchObject({ status: 'applied' });
      expect(await push('surveyor', undo, 'undo-reshape')).toMatchObject({ status: 'already_applied' });
      const back = await reviewNow();
      expect(back).toMatchObject({ revision: base + 4, review: { status: 'accepted' } });
      expect(back.review.events.map((e) => e.action)).toEqual(['submit', 'accept']);
      const polygon = (await server.call('surveyor', 'GET', `/api/programmes/${DEMO_ID}/treated/${id}`)).json() as { revision: number; feature: { geometry: unknown } };
      expect(polygon).toMatchObject({ revision: 3, feature: { geometry: original } });

      // Its redo: the polygon changes frozen work again, which the server reopens by its own rule.
      const redo: Edit = { kind: 'batch', label: '重做', edits: [
        { kind: 'update-treated-geometry', id, baseRevision: 3, geometry: moved },
        { kind: 'review-parcel', parcelId: accepted, baseRevision: base + 4, review: recordOf(submit, accept, reopen) },
      ] };
      expect(await push('surveyor', redo)).toMatchObject({ status: 'applied' });
      expect((await reviewNow()).review.events.map((e) => e.action)).toEqual(['submit', 'accept', 'reopen']);
      // A batch may not take an acceptance step of its own.
      expect(await push('surveyor', { kind: 'batch', label: '夹带', edits: [
        { kind: 'update-treated-attributes', id, baseRevision: 4, attributes: { note: '夹带' } },
        { kind: 'review-parcel', parcelId: accepted, baseRevision: base + 5, review: recordOf(submit, accept, reopen, accept) },
      ] })).toMatchObject({ status: 'refused', code: 'not_synced' });
    });

    it('of one decision on several parcels (a mine accepted as a whole) is applied all together, by the role that took it, or not at all', async () => {
      const parcels = ['QA-M40-P1', 'QA-M40-P3'];
      const step = (action: ReviewEvent['action'], status: ReviewEvent['status'], role: 'surveyor' | 'reviewer'): ReviewEvent => ({ action, status, at: '2026-12-07T10:00:00Z', who: '设备', role, note: '' });
      const submit = step('submit', 'treated', 'surveyor');
      const accept = step('accept', 'accepted', 'reviewer');
      const recordOf = (id: string, ...events: ReviewEvent[]): ParcelReview => ({ parcel_id: id, status: events.at(-1)!.status, events });
      const reviewOf = async (id: string) => (await server.call('reviewer', 'GET', `/api/programmes/${DEMO_ID}/parcels/${id}/review`)).json() as { revision: number; review: ParcelReview | null };
      for (const id of parcels) expect(await push('surveyor', { kind: 'review-parcel', parcelId: id, baseRevision: 0, review: recordOf(id, submit) })).toMatchObject({ status: 'applied' });
      expect(await push('reviewer', { kind: 'batch', label: '整矿验收', edits: parcels.map((id) => ({ kind: 'review-parcel' as const, parcelId: id, baseRevision: 1, review: recordOf(id, submit, accept) })) }))
        .toMatchObject({ status: 'applied' });
      const undo: Edit = { kind: 'batch', label: '撤销整矿验收', edits: parcels.map((id) => ({ kind: 'review-parcel' as const, parcelId: id, baseRevision: 2, review: recordOf(id, submit) })) };

      expect(await push('surveyor', undo)).toMatchObject({ status: 'refused', code: 'forbidden' });
      // One part that is not its parcel's record without the acceptance: nothing is undone.
      const wrong: Edit = { ...undo, edits: [undo.edits[0]!, { kind: 'review-parcel', parcelId: parcels[1]!, baseRevision: 2, review: recordOf(parcels[1]!, step('send_back', 'rejected', 'reviewer')) }] };
      expect(await push('reviewer', wrong)).toMatchObject({ status: 'refused', code: 'invalid_step' });
      for (const id of parcels) expect(await reviewOf(id)).toMatchObject({ revision: 2, review: { status: 'accepted' } });

      const since = await lastSeq();
      expect(await push('reviewer', undo, 'undo-mine-accept')).toMatchObject({ status: 'applied', revisions: parcels.map((id) => ({ layer: 'reviews', id, revision: 3 })) });
      expect(await push('reviewer', undo, 'undo-mine-accept')).toMatchObject({ status: 'already_applied' });
      for (const id of parcels) {
        const after = await reviewOf(id);
        expect(after).toMatchObject({ revision: 3, review: { status: 'treated' } });
        expect(after.review!.events.map((e) => e.action)).toEqual(['submit']);
      }
      const pulled = (await pullAll('surveyor', since)).filter((c) => c.layer === 'reviews');
      expect(pulled.map((c) => [c.id, c.revision, c.clientEditId])).toEqual(parcels.map((id) => [id, 3, 'undo-mine-accept']));
      // The submits undone together: each part an allowed undo of a surveyor's step.
      expect(await push('surveyor', { kind: 'batch', label: '撤销提交', edits: parcels.map((id) => ({ kind: 'review-parcel' as const, parcelId: id, baseRevision: 3, review: null })) }))
        .toMatchObject({ status: 'applied' });
      for (const id of parcels) expect(await reviewOf(id)).toEqual({ revision: 4, review: null });
    });
  });
});

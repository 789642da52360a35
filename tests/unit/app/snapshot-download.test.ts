// A downloaded snapshot as the app reads it: version 2 gives the server's revisions, checked before
// anything is stored; version 1 (an older server) is still read, without them; another is refused.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import { downloadProgramme } from '../../../src/app/team-server/server-client.ts';
import { fieldProgramme } from '../../helpers/field-store.ts';

const SESSION = { token: 't', expiresAt: '2026-12-08T00:00:00Z', login: 'field', displayName: '张工' };
const content = { programme: fieldProgramme(undefined, 'TEAM'), areaLevel: 'county', bufferDistances: GENERAL_PRESET.distances, reviews: [] };

function serve(snapshot: object): void {
  const body = gzipSync(Buffer.from(JSON.stringify(snapshot)));
  vi.stubGlobal('fetch', async () => new Response(body, { status: 200, headers: { 'content-type': 'application/gzip', 'content-length': String(body.byteLength) } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const download = () => downloadProgramme('https://fulv.test', SESSION, 'TEAM', () => undefined, new Date('2026-12-07T00:00:00Z'));

describe('snapshot download', () => {
  it('reads the revisions of a version-2 snapshot', async () => {
    const revisions = { treated: { 'T-T1': 3, 'T-T2': 1 }, photos: {}, reviews: {}, targets: 2, settings: 1 };
    serve({ format: 'fulv-programme-snapshot', version: 2, programmeId: 'TEAM', changeSeq: 57, revisions, content });
    expect(await download()).toMatchObject({ changeSeq: 57, revisions, content: { programme: { id: 'TEAM' } } });
  });

  it('still reads a version-1 snapshot, which has no revisions', async () => {
    serve({ format: 'fulv-programme-snapshot', version: 1, programmeId: 'TEAM', changeSeq: 9, content });
    const got = await download();
    expect(got.changeSeq).toBe(9);
    expect(got.revisions).toBeUndefined();
  });

  it('refuses revisions that are not whole numbers from 1, and an unknown version', async () => {
    serve({ format: 'fulv-programme-snapshot', version: 2, programmeId: 'TEAM', changeSeq: 57, revisions: { treated: { 'T-T1': -1 }, photos: {}, reviews: {}, targets: 1, settings: 1 }, content });
    await expect(download()).rejects.toMatchObject({ code: 'bad_snapshot', message: 'revisions.treated["T-T1"] is not a revision (a whole number from 1)' });
    serve({ format: 'fulv-programme-snapshot', version: 3, programmeId: 'TEAM', changeSeq: 57, content });
    await expect(download()).rejects.toMatchObject({ code: 'bad_snapshot' });
  });
});

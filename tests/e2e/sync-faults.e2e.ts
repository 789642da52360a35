// Sync without loss (issue 17), with faults, in real browsers against the real team server: a
// surveyor draws a treated polygon offline and the browser is killed the moment it says 已保存,
// then started again online: it reopens that programme, still logged in, and the edit reaches the
// server once, with nobody touching it. A photo attached offline goes up
// in Content-Range pieces (one piece cut off and resumed) and reaches the other device with its
// bytes, stored in IndexedDB where the photo panel reads them (so offline too), a failed download
// of them retried by the next sync. A pull cut off midway by the connection dropping resumes, and
// then the device holds what the server holds, feature by feature.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadApp, openApp, type OpenedApp } from './browser.ts';
import { killChromium, startChromium, type RunningChromium } from './killable-chromium.ts';
import { clickPolygon, goToEmptyGround, mapOffsets, openPolygonAt, openSurvey } from './survey-helpers.ts';
import { download, loaded, logIn, press, publish, startTeamServer, type TeamServer } from './team-server.ts';

const DEMO = 'QA-DEMO';

/** A PNG of noise (it does not compress): several upload pieces of 256 KiB. */
function noisePng(): Buffer {
  const image = new PNG({ width: 400, height: 400 });
  let x = 12345;
  for (let i = 0; i < image.data.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    image.data[i] = i % 4 === 3 ? 255 : x >> 16;
  }
  return PNG.sync.write(image);
}

interface DeviceState {
  cursor: number;
  outbox: number;
  treated: { id: string; revision: number; feature: { properties: Record<string, unknown>; geometry: { coordinates: unknown } } | null }[];
  photos: { id: string; revision: number; photo: unknown }[];
  /** SHA-256 (hex) of each stored photo image, by photo id. */
  images: Record<string, string>;
}

/**
 * What the browser's IndexedDB holds for the open programme, downloaded from the server (the
 * office also holds the demo it published, linked too, but not open and so not syncing).
 */
async function deviceState(page: Page): Promise<DeviceState> {
  const open = await page.getByRole('combobox', { name: '项目', exact: true }).inputValue();
  return page.evaluate(async ([serverId, database]) => {
    const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    for (const { name } of await indexedDB.databases()) {
      if (name !== database) continue;
      const db = await request(indexedDB.open(name));
      try {
        if (!db.objectStoreNames.contains('sync_link')) continue;
        const t = db.transaction(['sync_link', 'outbox', 'treated', 'photos', 'photo_blobs']);
        const link = await request(t.objectStore('sync_link').get('link')) as { serverProgrammeId: string; cursor: number } | undefined;
        if (link?.serverProgrammeId !== serverId) continue;
        const [outbox, treated, photos, blobs] = await Promise.all([
          request(t.objectStore('outbox').count()), request(t.objectStore('treated').getAll()), request(t.objectStore('photos').getAll()),
          request(t.objectStore('photo_blobs').getAll()) as Promise<{ id: string; blob: Blob }[]>,
        ]);
        const images: Record<string, string> = {};
        for (const { id, blob } of blobs) {
          const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
          images[id] = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
        }
        return { cursor: link.cursor, outbox, treated, photos, images } as DeviceState;
      } finally {
        db.close();
      }
    }
    throw new Error(`the open programme is not one downloaded from ${serverId}`);
  }, [DEMO, `fulv-field-${open}`] as const);
}

type Comparable = Record<string, { revision: number; properties: Record<string, unknown>; coordinates: number[] }>;

/** The live treated polygons, by id: revision, attributes and coordinates (rounded to 1e-9°). */
async function serverTreated(team: TeamServer): Promise<Comparable> {
  const { rows } = await team.database.query<{ id: string; revision: number; parcel_id: string | null; mine_id: string | null; date: string; measure: string; direction: string; surveyor: string; note: string; geom: { coordinates: unknown } }>(
    `select id, revision, parcel_id, mine_id, to_char(date, 'YYYY-MM-DD') as date, measure, direction, surveyor, note, ST_AsGeoJSON(geom, 12)::json as geom
     from treated where programme_id = $1 and not deleted`, [DEMO]);
  return Object.fromEntries(rows.map(({ id, revision, geom, ...properties }) => [id, { revision, properties: { id, ...properties }, coordinates: rounded(geom.coordinates) }]));
}

function deviceTreated(state: DeviceState): Comparable {
  const keys = ['id', 'parcel_id', 'mine_id', 'date', 'measure', 'direction', 'surveyor', 'note'];
  return Object.fromEntries(state.treated.flatMap((r) => (r.feature
    ? [[r.id, { revision: r.revision, properties: Object.fromEntries(keys.map((k) => [k, r.feature!.properties[k] ?? null])), coordinates: rounded(r.feature.geometry.coordinates) }]]
    : [])));
}

function rounded(coordinates: unknown): number[] {
  return (coordinates as number[]).flat(4).map((c) => Math.round(c * 1e9) / 1e9);
}

async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('region', { name: '编辑历史' }).getByRole('status').textContent(), { timeout: 15_000 }).toBe('已保存');
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: '立即同步' }).click();
}

describe('sync without loss, with faults', () => {
  let team: TeamServer;
  let demoName: string;
  /** The admin's browser, whose published programme is the second device. */
  let office: OpenedApp;
  let field: RunningChromium | null = null;
  let fieldPage: Page;
  let profile: string;
  /** The polygon drawn offline in the field, and its centre. */
  let drawnId: string;
  let centre: [number, number];
  const png = noisePng();
  const pngSha256 = createHash('sha256').update(png).digest('hex');

  const fieldSession = async (): Promise<void> => {
    field = await startChromium(profile);
    fieldPage = await field.browser.contexts()[0]!.newPage();
    await fieldPage.setViewportSize({ width: 1280, height: 800 });
    await loadApp(fieldPage, inject('baseUrl'));
  };

  beforeAll(async () => {
    team = await startTeamServer({ boss: '王局长', surveyor: '张工' });
    profile = mkdtempSync(join(tmpdir(), 'fulv-sync-kill-'));
  }, 60_000);
  afterAll(async () => {
    if (field) await killChromium(field);
    await office?.close();
    await team?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('a polygon saved offline, the browser killed at once, reaches the server once when started again online', async () => {
    office = await openApp();
    await loaded(office.page);
    await logIn(office.page, team.serverUrl, 'boss', false);
    // Publishing links the admin's own programme: it is the second device.
    demoName = await publish(office.page);
    await team.addMember(DEMO, 'surveyor', 'surveyor');
    await press(office.page, '关闭设置', false);
    await loaded(office.page);

    await fieldSession();
    await logIn(fieldPage, team.serverUrl, 'surveyor', false);
    await download(fieldPage, demoName, false);
    await press(fieldPage, '关闭设置', false);
    await loaded(fieldPage);
    const before = (await team.database.query<{ id: string }>('select id from treated where programme_id = $1 and not deleted', [DEMO])).rows.map((r) => r.id);

    await field!.browser.contexts()[0]!.setOffline(true);
    await openSurvey(fieldPage);
    centre = await goToEmptyGround(fieldPage, [118.64, 39.95]);
    await fieldPage.getByRole('button', { name: '绘制治理图斑' }).click();
    await clickPolygon(fieldPage, await mapOffsets(fieldPage, [[-60, -50], [60, -50], [60, 50], [-60, 50]]));
    await saved(fieldPage);
    await killChromium(field!);
    field = null;
    expect((await team.database.query('select id from treated where programme_id = $1 and not deleted', [DEMO])).rowCount).toBe(before.length);

    // Started again, online, and left alone: it opens on the downloaded programme (not the demo)
    // and, its login kept on the device, sends the waiting edit by itself.
    await fieldSession();
    const programmeBox = fieldPage.getByRole('combobox', { name: '项目', exact: true });
    await expect.poll(() => programmeBox.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? ''), { timeout: 15_000 }).toBe(demoName);
    await expect.poll(async () => (await team.database.query('select id from treated where programme_id = $1 and not deleted', [DEMO])).rowCount, { timeout: 30_000 })
      .toBe(before.length + 1);
    await expect.poll(async () => (await deviceState(fieldPage)).outbox, { timeout: 15_000 }).toBe(0);
    const after = (await team.database.query<{ id: string }>('select id from treated where programme_id = $1 and not deleted', [DEMO])).rows.map((r) => r.id);
    const added = after.filter((id) => !before.includes(id));
    expect(added).toHaveLength(1);
    drawnId = added[0]!;
    // Once in the change log, once among the applied edits, whatever was retried.
    const logged = await team.database.query('select seq from change_log where programme_id = $1 and feature_id = $2', [DEMO, drawnId]);
    expect(logged.rowCount).toBe(1);
    await syncNow(fieldPage);
    await expect.poll(async () => (await team.database.query('select seq from change_log where programme_id = $1 and feature_id = $2', [DEMO, drawnId])).rowCount).toBe(1);
    const server = await serverTreated(team);
    expect(deviceTreated(await deviceState(fieldPage))[drawnId]).toEqual(server[drawnId]);
  }, 240_000);

  it('a photo attached offline goes up in pieces, one cut off and resumed, and reaches the other device with its bytes', async () => {
    const context = field!.browser.contexts()[0]!;
    const pieces: string[] = [];
    let cut = false;
    await fieldPage.route(/\/photo-bytes\//, async (route) => {
      const range = route.request().headers()['content-range'];
      if (route.request().method() !== 'PUT' || !range) return route.continue();
      pieces.push(range);
      // The second piece is lost with the connection, once.
      if (pieces.length === 2 && !cut) {
        cut = true;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await context.setOffline(true);
    await openSurvey(fieldPage);
    await openPolygonAt(fieldPage, centre);
    const inspector = fieldPage.getByRole('complementary', { name: '属性' });
    await inspector.getByLabel('添加照片（拍照或选择文件）').setInputFiles({ name: '东坡.png', mimeType: 'image/png', buffer: png });
    await inspector.locator('img[alt*="东坡.png"]').waitFor();
    await saved(fieldPage);
    await context.setOffline(false);
    await syncNow(fieldPage);
    await expect.poll(async () => (await team.database.query('select id from photos where programme_id = $1 and feature_id = $2 and not removed', [DEMO, drawnId])).rowCount, { timeout: 30_000 }).toBe(1);
    const size = png.length;
    const range = (start: number) => `bytes ${start}-${Math.min(size, start + 262_144) - 1}/${size}`;
    // Resumed where the server's bytes ended: no piece before the lost one was sent again.
    expect(pieces).toEqual([range(0), range(262_144), range(262_144), ...(size > 524_288 ? [range(524_288)] : [])]);
    const blob = await team.database.query<{ bytes: Buffer }>(`select b.bytes from photos p join photo_blobs b using (sha256) where p.programme_id = $1 and p.feature_id = $2`, [DEMO, drawnId]);
    expect(createHash('sha256').update(blob.rows[0]!.bytes).digest('hex')).toBe(pngSha256);
    expect((await team.database.query('select sha256 from photo_uploads')).rowCount).toBe(0);

    // The office pulls it; the first download of the image fails, which holds up nothing: the
    // photo is listed, its image marked as not here yet, and the next sync brings it.
    const content = /\/photos\/[^/]+\/content$/;
    await office.page.route(content, (route) => route.abort('connectionreset'));
    await syncNow(office.page);
    await expect.poll(async () => (await deviceState(office.page)).photos.filter((p) => p.photo !== null).length, { timeout: 30_000 }).toBe(1);
    const officeSyncLine = office.page.getByRole('region', { name: '同步状态' }).getByRole('status');
    await expect.poll(() => officeSyncLine.textContent(), { timeout: 15_000 }).toContain('1 张照片的图像尚未下载');
    await openSurvey(office.page, '王局长');
    await openPolygonAt(office.page, centre);
    const panel = office.page.getByRole('complementary', { name: '属性' });
    await panel.getByRole('img', { name: /东坡\.png.*（图像尚未下载到本机，联网同步后显示）$/ }).waitFor();
    expect(Object.values((await deviceState(office.page)).images)).not.toContain(pngSha256);
    await office.page.unroute(content);
    await syncNow(office.page);
    await expect.poll(async () => Object.values((await deviceState(office.page)).images), { timeout: 30_000 }).toContain(pngSha256);
    await expect.poll(() => officeSyncLine.textContent(), { timeout: 15_000 }).not.toContain('图像尚未下载');
    // The open panel shows it, read from IndexedDB, without being opened again.
    await panel.locator('img[alt*="东坡.png"]').waitFor({ timeout: 15_000 });
  }, 120_000);

  it('a pull cut off by the connection dropping resumes; then the device holds what the server holds, feature by feature', async () => {
    const { page, context } = office;
    // Offline while the server changes, so that no sync of the app's own picks them up early;
    // a sync under way when the connection went ends first.
    await context.setOffline(true);
    await expect.poll(() => page.getByRole('region', { name: '同步状态' }).getByRole('status').textContent()).not.toContain('正在同步');
    const live = (await team.database.query<{ id: string }>('select id from treated where programme_id = $1 and not deleted order by id limit 5', [DEMO])).rows.map((r) => r.id);
    // Thirteen changes on the server by SQL: three rounds of notes on four polygons, one deleted.
    for (const round of [1, 2, 3]) {
      await team.database.query('update treated set note = $3 where programme_id = $1 and id = any($2)', [DEMO, live.slice(0, 4), `办公室第 ${round} 次`]);
    }
    await team.database.query('update treated set deleted = true where programme_id = $1 and id = $2', [DEMO, live[4]]);
    const start = (await deviceState(page)).cursor;
    const last = Number((await team.database.query<{ last: string }>('select max(seq) as last from change_log where programme_id = $1', [DEMO])).rows[0]!.last);
    expect(last - start).toBe(13);

    // Pages of five; the second is cut off with the connection.
    let pulls = 0;
    await page.route(/\/sync\/pull\?/, async (route) => {
      pulls += 1;
      if (pulls === 2) {
        await context.setOffline(true);
        return route.abort('internetdisconnected');
      }
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '5');
      return route.continue({ url: url.toString() });
    });
    // Back online, the app syncs by itself.
    await context.setOffline(false);
    await expect.poll(() => pulls, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await deviceState(page)).cursor).toBe(start + 5);
    expect(deviceTreated(await deviceState(page))).not.toEqual(await serverTreated(team));

    await context.setOffline(false);
    await expect.poll(async () => (await deviceState(page)).cursor, { timeout: 30_000 }).toBe(last);
    const state = await deviceState(page);
    const server = await serverTreated(team);
    expect(deviceTreated(state)).toEqual(server);
    expect(Object.keys(server)).not.toContain(live[4]);
    expect(server[live[0]!]!.properties.note).toBe('办公室第 3 次');
    const photos = await team.database.query<{ id: string; revision: number; removed: boolean; sha256: string }>(
      `select id, revision, removed, encode(sha256, 'hex') as sha256 from photos where programme_id = $1`, [DEMO]);
    expect(state.photos.map((p) => ({ id: p.id, revision: p.revision, removed: p.photo === null })).sort((a, b) => a.id.localeCompare(b.id)))
      .toEqual(photos.rows.map(({ id, revision, removed }) => ({ id, revision, removed })).sort((a, b) => a.id.localeCompare(b.id)));
    for (const p of photos.rows.filter((r) => !r.removed)) expect(state.images[p.id]).toBe(p.sha256);
    expect(state.outbox).toBe(0);
  }, 120_000);
});

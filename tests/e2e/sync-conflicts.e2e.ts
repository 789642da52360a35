// Sync conflicts made the real way: an admin publishes the demo to a real team server; two
// surveyors download it, one at a desk, one on a phone (by touch); both go offline and both
// reshape the same treated polygon, both change the note of a second, and each changes a
// different attribute of a third (at the desk with the map editor and the form; the phone's
// edits through the field store's write path, which the editor and form use). The desk reconnects first; when the phone reconnects the third
// merges unasked, and the other two are shown on the phone (both shapes on the map) and resolved
// by their buttons: keep both, then mine. Meanwhile a reviewer offline sends a parcel back while
// another reviewer accepts it on the server: theirs is chosen. Afterwards every device and the
// server hold the same treated polygons and acceptance records, feature by feature, and the
// versions not chosen stay in the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pointOnFeature, transformTranslate } from '@turf/turf';
import { launchBrowser, openApp, screenPoint, waitForMapIdle, type OpenedApp } from './browser.ts';
import { frame, openReview } from './review-helpers.ts';
import { openSurvey } from './survey-helpers.ts';
import { sidewaysOverflow } from './touch.ts';
import { download, loaded, logIn, press, publish, startTeamServer, type TeamServer } from './team-server.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { TREATED_SELECT, treatedFeature, type TreatedRow } from '../../src/server/treated-rows.ts';
import type { TreatedFeature } from '../../src/domain/model.ts';
import type { Edit } from '../../src/store/edit.ts';

const DEMO = 'QA-DEMO';
const programme = demoProgramme();
// A parcel awaiting acceptance, and treated polygons of parcels still in progress (no acceptance to reopen).
const PARCEL = 'QA-M04-P1';
const parcel = programme.parcels.features.find((p) => p.properties.id === PARCEL)!;
const inProgress = new Set(programme.parcels.features.filter((p) => p.properties.status === 'in_progress').map((p) => p.properties.id));
const [shaped, noted, merged] = programme.treated.features.filter((f) => inProgress.has(f.properties.parcel_id ?? '')) as [TreatedFeature, TreatedFeature, TreatedFeature];
const moved = (f: TreatedFeature, metres: number) => transformTranslate(f, metres / 1000, 90, { units: 'kilometers' }).geometry;
const phoneShape = moved(shaped, 30);
const otherMeasure = merged.properties.measure === 'landform' ? 'engineering' : 'landform';

type StoreHandle = {
  dbName: string;
  transact(edit: Edit, who: string): Promise<unknown>;
  getSnapshot(): { treated: Map<string, { revision: number }>; sync: { waiting: number; conflicts: number; refused: number } | null };
  journal(): Promise<{ who: string; edit: Edit & { label?: string } }[]>;
};

/** At the desk: the survey tab, the polygon framed on the map and clicked; returns the point clicked. */
async function select(page: Page, feature: TreatedFeature): Promise<{ x: number; y: number }> {
  await openSurvey(page);
  await frame(page, feature.geometry, 160);
  await waitForMapIdle(page);
  const inside = await screenPoint(page, pointOnFeature(feature).geometry.coordinates as [number, number]);
  await page.mouse.click(inside.x, inside.y);
  await page.getByRole('complementary', { name: '属性' }).getByRole('form', { name: '治理图斑属性' }).waitFor();
  return inside;
}

async function saveNote(page: Page, feature: TreatedFeature, note: string, waiting: number): Promise<void> {
  await select(page, feature);
  const form = page.getByRole('complementary', { name: '属性' }).getByRole('form', { name: '治理图斑属性' });
  await form.getByRole('textbox', { name: '备注' }).fill(note);
  await form.getByRole('button', { name: '保存属性' }).click();
  await expect.poll(() => syncState(page)).toMatchObject({ waiting });
}

/** An edit through the field store's one write path (the same the map editor and the form use). */
async function edit(page: Page, make: (revision: number) => Edit): Promise<void> {
  const id = (make(0) as { id: string }).id;
  const revision = await page.evaluate((i) => (window as unknown as { __fulvStore: StoreHandle }).__fulvStore.getSnapshot().treated.get(i)!.revision, id);
  await page.evaluate((e) => (window as unknown as { __fulvStore: StoreHandle }).__fulvStore.transact(e, '外业').then(() => undefined), make(revision));
}

const syncState = (page: Page) => page.evaluate(() => (window as unknown as { __fulvStore: StoreHandle }).__fulvStore.getSnapshot().sync);

/** The live treated polygons in the browser's IndexedDB, by id. */
const storedTreated = (page: Page) => page.evaluate(async (): Promise<{ id: string; revision: number; feature: TreatedFeature | null }[]> => {
  const name = (window as unknown as { __fulvStore: StoreHandle }).__fulvStore.dbName;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const records = await new Promise<{ id: string; revision: number; feature: TreatedFeature | null }[]>((resolve) => {
    const r = db.transaction('treated').objectStore('treated').getAll();
    r.onsuccess = () => resolve(r.result);
  });
  db.close();
  return records.filter((r) => r.feature).map((r) => ({ id: r.id, revision: r.revision, feature: r.feature })).sort((a, b) => (a.id < b.id ? -1 : 1));
});

async function onServer(team: TeamServer): Promise<{ id: string; revision: number; feature: unknown }[]> {
  const { rows } = await team.database.query<TreatedRow>(`${TREATED_SELECT} where programme_id = $1 and not deleted order by id`, [DEMO]);
  return rows.map((row) => ({ id: row.id, revision: row.revision, feature: treatedFeature(row) })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The acceptance record of PARCEL in the browser's IndexedDB. */
const storedReview = (page: Page) => page.evaluate(async (id) => {
  const name = (window as unknown as { __fulvStore: StoreHandle }).__fulvStore.dbName;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const record = await new Promise<{ revision: number; review: unknown } | undefined>((resolve) => {
    const r = db.transaction('reviews').objectStore('reviews').get(id);
    r.onsuccess = () => resolve(r.result as { revision: number; review: unknown } | undefined);
  });
  db.close();
  return record ? { revision: record.revision, review: record.review } : null;
}, PARCEL);

async function serverReview(team: TeamServer, login: string): Promise<{ revision: number; review: { status: string; events: unknown[] } | null }> {
  const answer = await team.app.inject({ method: 'GET', url: `/api/programmes/${DEMO}/parcels/${PARCEL}/review`, headers: { authorization: `Bearer ${await team.tokenOf(login)}` } });
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json();
}

const mapShapes = (page: Page) => page.evaluate(() => {
  const map = (window as unknown as { __fulvMap: { getStyle(): { sources: Record<string, { data?: { features: { properties: { side: string }; geometry: unknown }[] } }> } } }).__fulvMap;
  return map.getStyle().sources['sync-conflict']?.data?.features.map((f) => ({ side: f.properties.side, geometry: f.geometry })) ?? [];
});

describe('sync conflicts between two surveyors offline', () => {
  let team: TeamServer;
  let browser: Browser;
  let desk: OpenedApp;
  let phone: OpenedApp;
  let reviewer: OpenedApp;
  let deskShape: TreatedFeature['geometry'];
  const opened: OpenedApp[] = [];

  beforeAll(async () => {
    team = await startTeamServer({ boss: '王局长', desk: '张工', phone: '李工', checker: '赵审', checker2: '钱审' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const a of opened) await a.close();
    await browser?.close();
    await team?.close();
  });

  it('an admin publishes the demo; a surveyor at a desk, one on a phone and a reviewer download it', async () => {
    const admin = await openApp({ browser });
    opened.push(admin);
    await loaded(admin.page);
    await logIn(admin.page, team.serverUrl, 'boss', false);
    const name = await publish(admin.page);
    await team.addMember(DEMO, 'desk', 'surveyor');
    await team.addMember(DEMO, 'phone', 'surveyor');
    await team.addMember(DEMO, 'checker', 'reviewer');
    await team.addMember(DEMO, 'checker2', 'reviewer');
    await admin.close();
    opened.splice(0);
    desk = await openApp({ browser });
    phone = await openApp({ browser, viewport: 'phone' });
    reviewer = await openApp({ browser });
    opened.push(desk, phone, reviewer);
    // Side by side, as three people would.
    await Promise.all(([[desk, 'desk', false], [phone, 'phone', true], [reviewer, 'checker', false]] as const).map(async ([app, login, touch]) => {
      await loaded(app.page);
      await logIn(app.page, team.serverUrl, login, touch);
      await download(app.page, name, touch);
      await press(app.page, '关闭设置', touch);
      await loaded(app.page);
      await expect.poll(() => syncState(app.page)).toMatchObject({ waiting: 0, conflicts: 0 });
    }));
  }, 180_000);

  it('both offline: each reshapes the same polygon, changes the same note of a second and another attribute of a third', async () => {
    await desk.context.setOffline(true);
    await phone.context.setOffline(true);
    const id = (f: TreatedFeature) => f.properties.id;
    // At the desk: the polygon moved with the shape editor (dragged from inside), two notes by the form.
    const { page } = desk;
    const inside = await select(page, shaped);
    const inspector = page.getByRole('complementary', { name: '属性' });
    await inspector.getByRole('button', { name: '编辑形状' }).click();
    await page.waitForTimeout(300);
    await page.mouse.move(inside.x, inside.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(inside.x - i * 5, inside.y + i * 3);
    await page.waitForTimeout(200);
    await page.mouse.up();
    await inspector.getByRole('button', { name: '完成编辑形状' }).click();
    await expect.poll(() => syncState(page)).toMatchObject({ waiting: 1 });
    deskShape = (await storedTreated(page)).find((f) => f.id === id(shaped))!.feature!.geometry;
    expect(deskShape).not.toEqual(shaped.geometry);
    await saveNote(page, noted, '桌面：东坡已覆土', 2);
    await saveNote(page, merged, '桌面：补植', 3);
    await edit(phone.page, (r) => ({ kind: 'update-treated-geometry', id: id(shaped), baseRevision: r, geometry: phoneShape }));
    await edit(phone.page, (r) => ({ kind: 'update-treated-attributes', id: id(noted), baseRevision: r, attributes: { note: '手机：西坡未覆土' } }));
    await edit(phone.page, (r) => ({ kind: 'update-treated-attributes', id: id(merged), baseRevision: r, attributes: { measure: otherMeasure } }));
    expect(await syncState(desk.page)).toMatchObject({ waiting: 3 });
    expect(await syncState(phone.page)).toMatchObject({ waiting: 3 });
  });

  it('a reviewer offline sends a parcel back while another reviewer accepts it on the server', async () => {
    const { page, context } = reviewer;
    await context.setOffline(true);
    await openReview(page, '赵审');
    await page.getByRole('region', { name: '待验收图斑' }).getByRole('button', { name: `在地图上查看图斑 ${parcel.properties.name}（${PARCEL}）` }).click();
    const acceptance = page.getByRole('region', { name: '图斑验收' });
    await acceptance.getByRole('textbox', { name: '审查意见' }).fill('覆土厚度不足');
    await acceptance.getByRole('button', { name: '退回整改' }).click();
    await expect.poll(() => syncState(page)).toMatchObject({ waiting: 1 });
    const before = await serverReview(team, 'checker2');
    const accepted = await team.app.inject({
      method: 'POST', url: `/api/programmes/${DEMO}/parcels/${PARCEL}/review`, headers: { authorization: `Bearer ${await team.tokenOf('checker2')}` },
      payload: { action: 'accept', note: '现场核实达标', baseRevision: before.revision },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it('back online: the desk\'s edits apply; on the phone the third merges unasked and the other two are shown', async () => {
    await desk.context.setOffline(false);
    await desk.page.getByRole('button', { name: '立即同步' }).click();
    await expect.poll(() => syncState(desk.page), { timeout: 20_000 }).toMatchObject({ waiting: 0, conflicts: 0, refused: 0 });
    await phone.context.setOffline(false);
    const panel = phone.page.getByRole('region', { name: /同步冲突/ });
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).first().textContent().catch(() => ''), { timeout: 20_000 }).toBe('同步冲突（2）');
    // The merge went out by itself: both attributes of the third are on the server.
    await expect.poll(async () => (await onServer(team)).find((f) => f.id === merged.properties.id)?.feature, { timeout: 20_000 })
      .toMatchObject({ properties: { note: '桌面：补植', measure: otherMeasure } });
    const box = (await panel.boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(844);
    expect((await sidewaysOverflow(phone.page)).wide).toEqual([]);
    // The sync line takes a row of its own under the programme, so the header keeps the map in view.
    const header = (await phone.page.locator('.app-header').boundingBox())!;
    const syncLine = (await phone.page.getByRole('region', { name: '同步状态' }).boundingBox())!;
    const programmeMenu = (await phone.page.getByRole('combobox', { name: '项目', exact: true }).boundingBox())!;
    expect(header.height).toBeLessThan(200);
    expect(syncLine.y).toBeGreaterThanOrEqual(programmeMenu.y + programmeMenu.height);
    // Until the user chooses, the phone holds the server's version.
    const held = (await storedTreated(phone.page)).find((f) => f.id === shaped.properties.id)!;
    expect((held.feature as TreatedFeature).geometry).toEqual(deskShape);
  });

  it('keep both on the phone, by touch: both shapes on the map, then my shape becomes a new polygon', async () => {
    const page = phone.page;
    const panel = page.getByRole('region', { name: /同步冲突/ });
    await panel.getByRole('button', { name: new RegExp(`查看冲突：治理图斑 ${shaped.properties.id}`) }).tap();
    await expect.poll(() => mapShapes(page), { timeout: 15_000 }).toEqual([{ side: 'theirs', geometry: deskShape }, { side: 'mine', geometry: phoneShape }]);
    expect(await panel.getByRole('table', { name: '属性差异' }).getByRole('row', { name: /形状 \(冲突\)/ }).count()).toBe(1);
    await panel.getByRole('button', { name: '两者都保留' }).tap();
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).first().textContent(), { timeout: 15_000 }).toBe('同步冲突（1）');
    await expect.poll(() => mapShapes(page), { timeout: 15_000 }).toEqual([]);
  });

  it('mine for the note, by touch: my note replaces theirs', async () => {
    const page = phone.page;
    const panel = page.getByRole('region', { name: /同步冲突/ });
    await panel.getByRole('button', { name: new RegExp(`查看冲突：治理图斑 ${noted.properties.id}`) }).tap();
    const note = panel.getByRole('table', { name: '属性差异' }).getByRole('row', { name: /备注 \(冲突\)/ });
    expect((await note.getByRole('cell').allTextContents()).slice(1)).toEqual(['手机：西坡未覆土', '桌面：东坡已覆土']);
    await panel.getByRole('button', { name: '保留我的' }).tap();
    await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(0);
  });

  it('the reviewer reconnects: accept against send back is a conflict, shown with mine and theirs; theirs is chosen', async () => {
    const { page, context } = reviewer;
    await context.setOffline(false);
    const panel = page.getByRole('region', { name: /同步冲突/ });
    await panel.getByRole('button', { name: /查看冲突：图斑 QA-M04-P1 的验收/ }).click({ timeout: 20_000 });
    // At a desk the panel opens below the header, whatever its height, not over its controls.
    const header = (await page.locator('.app-header').boundingBox())!;
    expect((await panel.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height);
    const choices = panel.getByRole('group', { name: '选择保留哪个版本' }).getByRole('button');
    expect(await choices.allTextContents()).toEqual(['保留我的', '采用对方的']);
    await panel.getByRole('button', { name: '采用对方的' }).click();
    await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(0);
  });

  it('after syncing, both devices and the server hold the same polygons, and the versions not chosen are in the history', async () => {
    await expect.poll(() => syncState(phone.page), { timeout: 20_000 }).toMatchObject({ waiting: 0, conflicts: 0, refused: 0 });
    await desk.page.getByRole('button', { name: '立即同步' }).click();
    await reviewer.page.getByRole('button', { name: '立即同步' }).click();
    const server = await onServer(team);
    await expect.poll(() => storedTreated(reviewer.page), { timeout: 20_000 }).toEqual(server);
    await expect.poll(() => storedTreated(desk.page), { timeout: 20_000 }).toEqual(server);
    expect(await storedTreated(phone.page)).toEqual(server);
    expect(server).toHaveLength(programme.treated.features.length + 1);
    const byId = new Map(server.map((f) => [f.id, f.feature as TreatedFeature]));
    expect(byId.get(shaped.properties.id)!.geometry).toEqual(deskShape);
    expect(server.filter((f) => JSON.stringify((f.feature as TreatedFeature).geometry) === JSON.stringify(phoneShape))).toHaveLength(1);
    expect(byId.get(noted.properties.id)!.properties.note).toBe('手机：西坡未覆土');
    expect(byId.get(merged.properties.id)!.properties).toMatchObject({ note: '桌面：补植', measure: otherMeasure });
    // The acceptance: theirs everywhere; the send-back not chosen stays in the reviewer's journal.
    const review = await serverReview(team, 'checker');
    expect(review.review).toMatchObject({ status: 'accepted' });
    await expect.poll(() => storedReview(reviewer.page)).toEqual(review);
    await expect.poll(() => storedReview(desk.page)).toEqual(review);
    await expect.poll(() => storedReview(phone.page)).toEqual(review);
    const reviewerEdits = await reviewer.page.evaluate(async () => (await (window as unknown as { __fulvStore: StoreHandle }).__fulvStore.journal()).map((j) => j.edit));
    expect(reviewerEdits).toContainEqual(expect.objectContaining({ kind: 'review-parcel', parcelId: PARCEL, review: expect.objectContaining({ status: 'rejected' }) }));
    // The phone's journal: its own edits, the merge, and each decision naming the version it replaced.
    const labels = await phone.page.evaluate(async () => (await (window as unknown as { __fulvStore: StoreHandle }).__fulvStore.journal()).map((j) => j.edit.label ?? j.edit.kind));
    expect(labels.filter((l) => l.startsWith('sync merged: my edit'))).toHaveLength(1);
    expect(labels.find((l) => l.startsWith('sync conflict: kept both'))).toContain(`treated ${shaped.properties.id}`);
    expect(labels.find((l) => l.startsWith('sync conflict: kept mine'))).toContain(`replaced treated ${noted.properties.id}`);
    // The desk's journal keeps its note that was replaced; the phone's its shape that was not taken for the polygon.
    const deskEdits = await desk.page.evaluate(async () => (await (window as unknown as { __fulvStore: StoreHandle }).__fulvStore.journal()).map((j) => j.edit));
    expect(deskEdits).toContainEqual(expect.objectContaining({ id: noted.properties.id, attributes: { note: '桌面：东坡已覆土' } }));
    const phoneEdits = await phone.page.evaluate(async () => (await (window as unknown as { __fulvStore: StoreHandle }).__fulvStore.journal()).map((j) => j.edit));
    expect(phoneEdits).toContainEqual(expect.objectContaining({ id: shaped.properties.id, geometry: phoneShape }));
  });
});

// A team syncing through its server (issue 17), as its members meet it: an admin publishes the
// demo; surveyors A at a desk and B on a phone (touch), and a reviewer in a third browser, download
// it; A and B go offline — A draws a new treated polygon, B changes the attributes of one and
// deletes another — and come back: every device and the server then hold the same data, compared
// feature by feature (the server's tables, each browser's IndexedDB). The reviewer accepts a
// parcel and surveyor A sees it accepted; an UPDATE typed in SQL shows in A's open form within seconds (the
// server's change notification, not the minute's poll); a device downloading late then holds what the server
// holds. Conflicting edits are sync-conflicts'.
import type { Page } from 'playwright-core';
import { pointOnFeature } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreatedFeature } from '../../src/domain/model.ts';
import { TREATED_SELECT, treatedFeature, type TreatedRow } from '../../src/server/treated-rows.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { openApp, screenPoint, waitForMapIdle, type OpenedApp } from './browser.ts';
import { openReview } from './review-helpers.ts';
import { clickPolygon, goToEmptyGround, mapOffsets, openSurvey } from './survey-helpers.ts';
import { counts, download, loaded, logIn, press, publish, startTeamServer, type TeamServer } from './team-server.ts';

const DEMO = 'QA-DEMO';
const programme = demoProgramme();
const treatedOf = (id: string): TreatedFeature => programme.treated.features.find((f) => f.properties.id === id)!;
// B's edits, on parcels still in progress; the reviewer's parcel is a finished one of neither.
const CHANGED = 'QA-T014';
const DELETED = 'QA-T016';
const ACCEPTED_PARCEL = 'QA-M04-P1';
const SQL_EDITED = 'QA-T024';

/** What a device or the server holds, per treated polygon and per reviewed parcel: revision and value. */
interface Holding {
  treated: Record<string, { revision: number; feature: unknown }>;
  reviews: Record<string, { revision: number; review: unknown }>;
}

/** Coordinates to 1e-9° (0.1 mm): a double's last digits may differ through PostGIS's text. */
function normal(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e9) / 1e9;
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, normal(v)]));
  }
  return value;
}

async function serverHolding(team: TeamServer): Promise<Holding> {
  const treated = await team.database.query<TreatedRow>(`${TREATED_SELECT} where programme_id = $1`, [DEMO]);
  const reviews = await team.database.query<{ parcel_id: string; status: string; events: unknown; revision: number }>(
    'select parcel_id, status, events, revision from reviews where programme_id = $1', [DEMO]);
  return {
    treated: Object.fromEntries(treated.rows.map((r) => [r.id, { revision: r.revision, feature: normal(treatedFeature(r)) }])),
    reviews: Object.fromEntries(reviews.rows.map((r) => [r.parcel_id, { revision: r.revision, review: normal({ parcel_id: r.parcel_id, status: r.status, events: r.events }) }])),
  };
}

/** The downloaded programme's IndexedDB in the browser: the field database linked to a server. */
async function deviceHolding(page: Page): Promise<Holding | null> {
  const raw = await page.evaluate(async () => {
    const open = (name: string) => new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (db: IDBDatabase, store: string) => new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('fulv-field-')) continue;
      const db = await open(name);
      try {
        if (!db.objectStoreNames.contains('sync_link') || (await all(db, 'sync_link')).length === 0) continue;
        return { treated: await all(db, 'treated'), reviews: await all(db, 'reviews') };
      } finally {
        db.close();
      }
    }
    return null;
  });
  if (!raw) return null;
  const treated = raw.treated as { id: string; revision: number; feature: unknown }[];
  const reviews = (raw.reviews as { id: string; revision: number; review: unknown }[]).filter((r) => r.review !== null);
  return {
    treated: Object.fromEntries(treated.map((r) => [r.id, { revision: r.revision, feature: normal(r.feature) }])),
    reviews: Object.fromEntries(reviews.map((r) => [r.id, { revision: r.revision, review: normal(r.review) }])),
  };
}

/** The first place where two normalised values differ, with both sides there; null when equal. */
function firstDifference(mine: unknown, theirs: unknown, path: string): string | null {
  if (mine && theirs && typeof mine === 'object' && typeof theirs === 'object') {
    const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
    for (const key of keys) {
      const found = firstDifference((mine as Record<string, unknown>)[key], (theirs as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return JSON.stringify(mine) === JSON.stringify(theirs) ? null : `${path}: device ${JSON.stringify(mine)?.slice(0, 120)}, server ${JSON.stringify(theirs)?.slice(0, 120)}`;
}

/** Where a device differs from the server, feature by feature (empty when it holds the same). */
function differences(device: Holding | null, server: Holding): string[] {
  if (!device) return ['no linked programme in IndexedDB'];
  const found: string[] = [];
  for (const layer of ['treated', 'reviews'] as const) {
    const ids = new Set([...Object.keys(device[layer]), ...Object.keys(server[layer])]);
    for (const id of ids) {
      const where = firstDifference(device[layer][id] ?? null, server[layer][id] ?? null, `${layer}/${id}`);
      if (where) found.push(where);
    }
  }
  return found;
}

type Camera = { jumpTo(o: { center: [number, number]; zoom: number }): void };

/** Brings a treated polygon to the map's middle and clicks (or taps) it; its form opens. */
async function pickTreated(page: Page, id: string, touch: boolean): Promise<void> {
  const [lon, lat] = pointOnFeature(treatedOf(id)).geometry.coordinates as [number, number];
  await page.evaluate((c) => (window as unknown as { __fulvMap: Camera }).__fulvMap.jumpTo({ center: c, zoom: 17 }), [lon, lat] as [number, number]);
  await waitForMapIdle(page);
  const { x, y } = await screenPoint(page, [lon, lat]);
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  // Its form opens, showing its note (each demo polygon's differs from its neighbours').
  const note = page.getByRole('complementary', { name: '属性' }).getByRole('form', { name: '治理图斑属性' }).getByRole('textbox', { name: '备注' });
  await expect.poll(() => note.inputValue().catch(() => null), { timeout: 10_000 }).toBe(treatedOf(id).properties.note);
}

const syncLine = (page: Page) => page.getByRole('region', { name: '同步状态' }).getByRole('status').textContent();

describe('a team syncing through its server', () => {
  let team: TeamServer;
  let demoName: string;
  let a: OpenedApp;
  let b: OpenedApp;
  let reviewer: OpenedApp;
  const opened: OpenedApp[] = [];
  let drawnId = '';

  beforeAll(async () => {
    team = await startTeamServer({ boss: '王局长', alice: '张工', bob: '李工', checker: '赵审' });
  });
  afterAll(async () => {
    for (const app of opened) await app.close();
    await team?.close();
  });

  it('the admin publishes the demo; surveyors A (desktop) and B (phone, touch) and a reviewer download it', async () => {
    const admin = await openApp();
    opened.push(admin);
    await loaded(admin.page);
    await logIn(admin.page, team.serverUrl, 'boss', false);
    demoName = await publish(admin.page);
    await team.addMember(DEMO, 'alice', 'surveyor');
    await team.addMember(DEMO, 'bob', 'surveyor');
    await team.addMember(DEMO, 'checker', 'reviewer');
    await admin.close();
    opened.splice(opened.indexOf(admin), 1);

    a = await openApp({ watch: (p) => p.on('dialog', (d) => void d.accept()) });
    b = await openApp({ viewport: 'phone', touch: true, watch: (p) => p.on('dialog', (d) => void d.accept()) });
    reviewer = await openApp();
    opened.push(a, b, reviewer);
    for (const [device, login, touch] of [[a, 'alice', false], [b, 'bob', true], [reviewer, 'checker', false]] as const) {
      await loaded(device.page);
      await logIn(device.page, team.serverUrl, login, touch);
      await download(device.page, demoName, touch);
      await press(device.page, '关闭设置', touch);
      await loaded(device.page);
      await expect.poll(() => syncLine(device.page), { timeout: 20_000 }).toMatch(/^已全部同步 · 上次同步/);
      expect(differences(await deviceHolding(device.page), await serverHolding(team))).toEqual([]);
    }
  }, 240_000);

  it('both edit offline, different features; back online, each device and the server hold the same data', async () => {
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    const before = (await counts(a.page)).treated;

    // A, at a desk: a new treated polygon.
    await openSurvey(a.page);
    await goToEmptyGround(a.page, [118.64, 39.95]);
    await a.page.getByRole('button', { name: '绘制治理图斑' }).click();
    await clickPolygon(a.page, await mapOffsets(a.page, [[-60, -50], [60, -50], [60, 50], [-60, 50]]));
    await expect.poll(() => a.page.getByRole('region', { name: '编辑历史' }).getByRole('status').textContent(), { timeout: 15_000 }).toBe('已保存');
    expect((await counts(a.page)).treated).toBe(before + 1);
    const held = await deviceHolding(a.page);
    drawnId = Object.keys(held!.treated).find((id) => !programme.treated.features.some((f) => f.properties.id === id))!;
    expect(drawnId).toBeTruthy();

    // B, on a phone: attributes of one polygon, and another deleted.
    const sheet = b.page.getByRole('region', { name: '面板', exact: true });
    const tab = sheet.getByRole('tab', { name: '外业调查' });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.tap();
    await sheet.getByRole('textbox', { name: '调查人姓名' }).fill('李工');
    await pickTreated(b.page, CHANGED, true);
    const inspector = b.page.getByRole('complementary', { name: '属性' });
    const form = inspector.getByRole('form', { name: '治理图斑属性' });
    await form.getByRole('combobox', { name: '治理措施' }).selectOption({ label: '地貌修复' });
    await form.getByRole('textbox', { name: '备注' }).fill('离线时手机上改的');
    await form.getByRole('button', { name: '保存属性' }).tap();
    await expect.poll(async () => (await deviceHolding(b.page))?.treated[CHANGED]?.revision, { timeout: 15_000 }).toBe(2);
    await sheet.getByRole('button', { name: '返回面板' }).tap();
    await pickTreated(b.page, DELETED, true);
    await inspector.getByRole('button', { name: '删除此治理图斑' }).tap();
    await expect.poll(async () => (await deviceHolding(b.page))?.treated[DELETED]?.feature, { timeout: 15_000 }).toBeNull();

    // Offline, the edits wait on each device and the server has none of them.
    await expect.poll(() => syncLine(a.page)).toMatch(/^待同步 1 项 .*离线/);
    await expect.poll(() => syncLine(b.page)).toMatch(/^待同步 2 项 .*离线/);
    const untouched = await serverHolding(team);
    expect(untouched.treated[drawnId]).toBeUndefined();
    expect(untouched.treated[CHANGED]!.revision).toBe(1);
    expect(untouched.treated[DELETED]!.feature).not.toBeNull();

    await a.context.setOffline(false);
    await b.context.setOffline(false);
    // The reviewer, online all along, gets both devices' edits too.
    for (const device of [a, b, reviewer]) {
      await expect.poll(async () => differences(await deviceHolding(device.page), await serverHolding(team)), { timeout: 30_000 }).toEqual([]);
      await expect.poll(() => syncLine(device.page), { timeout: 10_000 }).toMatch(/^已全部同步/);
    }
    // The merged state itself: A's polygon, B's attributes and B's deletion, each once.
    const merged = await serverHolding(team);
    expect(merged.treated[drawnId]).toMatchObject({ revision: 1 });
    expect(merged.treated[CHANGED]).toMatchObject({ revision: 2, feature: { properties: { measure: 'landform', note: '离线时手机上改的' } } });
    expect(merged.treated[DELETED]).toEqual({ revision: 2, feature: null });
    // Both maps show it: one polygon more, one fewer.
    await expect.poll(async () => (await counts(a.page)).treated).toBe(before);
    await expect.poll(async () => (await counts(b.page)).treated).toBe(before);
  }, 180_000);

  it('a reviewer accepts a parcel; surveyor A sees it accepted, and every device still holds what the server holds', async () => {
    const { page } = reviewer;
    await openReview(page, '赵审');
    const parcel = programme.parcels.features.find((p) => p.properties.id === ACCEPTED_PARCEL)!;
    await page.getByRole('region', { name: '待验收图斑' }).getByRole('button', { name: `在地图上查看图斑 ${parcel.properties.name}（${ACCEPTED_PARCEL}）` }).click();
    const acceptance = page.getByRole('region', { name: '图斑验收' });
    await acceptance.getByRole('textbox', { name: '审查意见' }).fill('现场核实，覆土达标');
    await acceptance.getByRole('button', { name: '通过验收' }).click();
    await expect.poll(() => acceptance.getByRole('status').textContent()).toBe('当前状态：已验收');
    await expect.poll(async () => (await serverHolding(team)).reviews[ACCEPTED_PARCEL], { timeout: 20_000 }).toMatchObject({ review: { status: 'accepted' } });

    // Surveyor A, connected, sees it without doing anything: the parcel's status in the survey tab.
    await openSurvey(a.page);
    const search = a.page.getByRole('combobox', { name: '搜索矿山或图斑' });
    await search.fill(ACCEPTED_PARCEL);
    await a.page.getByRole('listbox', { name: '搜索结果' }).getByRole('option').filter({ hasText: ACCEPTED_PARCEL }).first().click();
    await expect.poll(() => a.page.getByRole('region', { name: '所选图斑' }).textContent(), { timeout: 15_000 }).toContain(`（${ACCEPTED_PARCEL}）· 已验收`);
    for (const device of [a, b, reviewer]) {
      await expect.poll(async () => differences(await deviceHolding(device.page), await serverHolding(team)), { timeout: 30_000 }).toEqual([]);
    }
  }, 180_000);

  it('an UPDATE typed in SQL shows in a connected browser within seconds', async () => {
    await openSurvey(a.page);
    await pickTreated(a.page, SQL_EDITED, false);
    const note = a.page.getByRole('complementary', { name: '属性' }).getByRole('form', { name: '治理图斑属性' }).getByRole('textbox', { name: '备注' });
    // The minute's poll has just run or will not for a while: what brings the change is the notification.
    await team.database.query(`update treated set note = '监理在数据库里改的' where programme_id = $1 and id = $2`, [DEMO, SQL_EDITED]);
    const started = Date.now();
    await expect.poll(() => note.inputValue(), { timeout: 10_000, interval: 200 }).toBe('监理在数据库里改的');
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect.poll(async () => differences(await deviceHolding(a.page), await serverHolding(team)), { timeout: 10_000 }).toEqual([]);
  });

  it('a device downloading late holds what the server holds, revisions included; deleted features are absent', async () => {
    const late = await openApp();
    opened.push(late);
    await loaded(late.page);
    await logIn(late.page, team.serverUrl, 'checker', false);
    await download(late.page, demoName, false);
    await press(late.page, '关闭设置', false);
    await loaded(late.page);
    const server = await serverHolding(team);
    const live: Holding = { ...server, treated: Object.fromEntries(Object.entries(server.treated).filter(([, r]) => r.feature !== null)) };
    const held = await deviceHolding(late.page);
    expect(differences(held, live)).toEqual([]);
    expect(held!.treated[DELETED]).toBeUndefined();
    expect(held!.treated[CHANGED]!.revision).toBe(2);
    expect(held!.treated[SQL_EDITED]!.revision).toBe(2);
    expect(held!.reviews[ACCEPTED_PARCEL]).toMatchObject({ review: { status: 'accepted' } });
  }, 120_000);
});

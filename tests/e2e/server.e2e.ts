// The team server as its users meet it (issue 16): an admin sets the server's address and logs in
// from Settings and publishes the demo programme; a surveyor in another browser logs in, downloads
// it for offline use, goes offline, and the app works as before (parcels on the map, a treated
// polygon drawn and saved); a reviewer on a phone, by touch, downloads and sees it too. A real
// PostgreSQL + PostGIS and the real server on a free port; the app from the e2e preview server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { createAccount } from '../../src/server/accounts.ts';
import { buildServer } from '../../src/server/app.ts';
import { createPool } from '../../src/server/database.ts';
import { migrate } from '../../src/server/schema-migrations.ts';
import { startCluster, type Cluster } from '../helpers/postgres-cluster.ts';
import { openApp, waitForMapIdle, type OpenedApp } from './browser.ts';
import { clickPolygon, goToEmptyGround, mapOffsets, openSurvey } from './survey-helpers.ts';

const PASSWORD = 'correct horse battery';
const DEMO = 'QA-DEMO';

async function counts(page: Page): Promise<{ parcels: number; treated: number }> {
  const text = (await page.getByRole('status').filter({ hasText: '座矿山' }).textContent()) ?? '';
  return { parcels: Number(/(\d+) 个图斑/.exec(text)![1]), treated: Number(/(\d+) 个治理图斑/.exec(text)![1]) };
}

async function loaded(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor({ timeout: 30_000 });
  await waitForMapIdle(page);
}

async function press(page: Page, name: string | RegExp, touch: boolean, scope = page.getByRole('dialog', { name: '设置' })): Promise<void> {
  const button = scope.getByRole('button', { name });
  if (touch) await button.tap();
  else await button.click();
}

/** Settings → team server: the address (the page reloads to allow the new origin), then the login. */
async function logIn(page: Page, server: string, login: string, touch: boolean): Promise<void> {
  const settings = page.getByRole('dialog', { name: '设置' });
  await press(page, '设置', touch, page.locator('body'));
  await settings.getByRole('textbox', { name: '服务器地址' }).fill(server);
  await Promise.all([page.waitForEvent('load'), press(page, '使用此服务器', touch)]);
  await loaded(page);
  await press(page, '设置', touch, page.locator('body'));
  await settings.getByRole('textbox', { name: '登录名' }).fill(login);
  await settings.getByLabel('密码').fill(PASSWORD);
  await press(page, '登录', touch);
  await expect.poll(() => settings.getByText(/^已登录：/).textContent().catch(() => ''), { timeout: 15_000 }).toContain(`（${login}）`);
}

async function download(page: Page, name: string, touch: boolean): Promise<string> {
  const settings = page.getByRole('dialog', { name: '设置' });
  await press(page, `下载“${name}”供离线使用`, touch);
  const done = settings.getByRole('status').filter({ hasText: '已下载' });
  await done.waitFor({ timeout: 60_000 });
  return (await done.textContent()) ?? '';
}

describe('the team server', () => {
  let cluster: Cluster;
  let database: Pool;
  let app: FastifyInstance;
  let serverUrl: string;
  let demoName: string;
  const opened: OpenedApp[] = [];

  beforeAll(async () => {
    cluster = await startCluster();
    const pool = createPool(`${cluster.baseUrl}fulv_template`, 4);
    database = pool;
    await migrate(pool);
    await createAccount(pool, { login: 'boss', displayName: '王局长', password: PASSWORD, isServerAdmin: true });
    await createAccount(pool, { login: 'field', displayName: '张工', password: PASSWORD });
    await createAccount(pool, { login: 'checker', displayName: '李审查', password: PASSWORD });
    app = await buildServer({ pool, appOrigins: [new URL(inject('baseUrl')).origin] });
    serverUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    for (const a of opened) await a.close();
    await app?.close();
    await database?.end();
    cluster?.stop();
  });

  /** What the admin does next on the server: adds the members (the API; the app has no member screen yet). */
  async function addMember(login: string, role: string): Promise<void> {
    const session = await app.inject({ method: 'POST', url: '/api/login', payload: { login: 'boss', password: PASSWORD } });
    const token = (session.json() as { token: string }).token;
    const added = await app.inject({ method: 'POST', url: `/api/programmes/${DEMO}/members`, headers: { authorization: `Bearer ${token}` }, payload: { login, role } });
    expect(added.statusCode, added.body).toBe(201);
  }

  it('an admin publishes the demo programme from the browser', async () => {
    const requests: string[] = [];
    const admin = await openApp({ watch: (p) => p.on('request', (r) => requests.push(r.url())) });
    opened.push(admin);
    const { page } = admin;
    await loaded(page);
    expect(requests.length).toBeGreaterThan(0);
    // No server configured: not one request leaves the app's own origin.
    expect(requests.filter((u) => !u.startsWith(inject('baseUrl')) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    await logIn(page, serverUrl, 'boss', false);
    const settings = page.getByRole('dialog', { name: '设置' });
    await press(page, '将当前项目发布到服务器', false);
    const published = settings.getByRole('status').filter({ hasText: '已发布项目' });
    await published.waitFor({ timeout: 30_000 });
    demoName = /已发布项目“(.+)”/.exec((await published.textContent())!)![1]!;
    expect(await settings.getByRole('listitem').filter({ hasText: DEMO }).textContent()).toContain('角色：管理员');
    const { rows } = await database.query<{ n: string }>('select count(*) as n from parcels where programme_id = $1', [DEMO]);
    expect(Number(rows[0]!.n)).toBe((await counts(page)).parcels);
    // Publishing again is refused in the UI's language, and overwrites nothing.
    await press(page, '将当前项目发布到服务器', false);
    await expect.poll(() => settings.getByRole('alert').textContent().catch(() => ''), { timeout: 15_000 }).toBe(`服务器上已有编号为 ${DEMO} 的项目，未覆盖。`);
    await addMember('field', 'surveyor');
    await addMember('checker', 'reviewer');
  });

  it('a surveyor downloads it, goes offline, and works as before', async () => {
    const surveyor = await openApp();
    opened.push(surveyor);
    const { page, context } = surveyor;
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await loaded(page);
    const demo = await counts(page);
    await logIn(page, serverUrl, 'field', false);
    const message = await download(page, demoName, false);
    expect(message).toMatch(new RegExp(`^已下载“${demoName}.*”（[\\d.]+ [KM]?B），并已作为本机项目打开。$`));
    await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '关闭设置' }).click();
    await loaded(page);
    // The download is a programme of this browser beside the bundled demo, and the one open.
    const programmeBox = page.getByRole('combobox', { name: '项目', exact: true });
    expect(await programmeBox.locator('option').count()).toBe(2);
    expect(await programmeBox.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toBe(demoName);
    expect(await counts(page)).toEqual(demo);

    await context.setOffline(true);
    await page.reload();
    await loaded(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect((await counts(page)).parcels).toBe(demo.parcels);
    await openSurvey(page);
    await goToEmptyGround(page, [118.64, 39.95]);
    await page.getByRole('button', { name: '绘制治理图斑' }).click();
    await clickPolygon(page, await mapOffsets(page, [[-60, -50], [60, -50], [60, 50], [-60, 50]]));
    await expect.poll(() => page.getByRole('region', { name: '编辑历史' }).getByRole('status').textContent(), { timeout: 15_000 }).toBe('已保存');
    expect((await counts(page)).treated).toBe(demo.treated + 1);
  });

  it('a reviewer on a phone, by touch, downloads it and sees it too', async () => {
    const reviewer = await openApp({ viewport: 'phone' });
    opened.push(reviewer);
    const { page } = reviewer;
    await loaded(page);
    await logIn(page, serverUrl, 'checker', true);
    const settings = page.getByRole('dialog', { name: '设置' });
    expect(await settings.getByRole('listitem').filter({ hasText: DEMO }).textContent()).toContain('角色：验收人员');
    // Not a server admin: nothing to publish.
    expect(await settings.getByRole('button', { name: '将当前项目发布到服务器' }).count()).toBe(0);
    await download(page, demoName, true);
    await press(page, '关闭设置', true);
    await loaded(page);
    const { rows } = await database.query<{ n: string }>('select count(*) as n from parcels where programme_id = $1', [DEMO]);
    expect((await counts(page)).parcels).toBe(Number(rows[0]!.n));
  });
});

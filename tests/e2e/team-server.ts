// A team server for browser tests: a throwaway PostgreSQL + PostGIS, the real server on a free
// port allowing the e2e app's origin, accounts made, and what a user does with it from Settings
// (set the address, log in, publish, download).
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { createAccount } from '../../src/server/accounts.ts';
import { buildServer } from '../../src/server/app.ts';
import { createPool } from '../../src/server/database.ts';
import { migrate } from '../../src/server/schema-migrations.ts';
import { startCluster, type Cluster } from '../helpers/postgres-cluster.ts';
import { waitForMapIdle } from './browser.ts';

export const PASSWORD = 'correct horse battery';

export interface TeamServer {
  cluster: Cluster;
  database: Pool;
  app: FastifyInstance;
  serverUrl: string;
  /** A session token for an account (through the API). */
  tokenOf(login: string): Promise<string>;
  /** What the admin does on the server: makes `login` a member of the programme with a role. */
  addMember(programmeId: string, login: string, role: 'surveyor' | 'reviewer' | 'planner' | 'admin', admin?: string): Promise<void>;
  close(): Promise<void>;
}

/** `accounts`: login → display name; the first one is a server admin. */
export async function startTeamServer(accounts: Record<string, string>): Promise<TeamServer> {
  const cluster = await startCluster();
  const database = createPool(`${cluster.baseUrl}fulv_template`, 4);
  await migrate(database);
  let first = true;
  for (const [login, displayName] of Object.entries(accounts)) {
    await createAccount(database, { login, displayName, password: PASSWORD, isServerAdmin: first });
    first = false;
  }
  const app = await buildServer({ pool: database, appOrigins: [new URL(inject('baseUrl')).origin] });
  const serverUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  // One session per account: logins from one address are throttled per minute, as they would be for a user.
  const tokens = new Map<string, string>();
  const tokenOf = async (login: string): Promise<string> => {
    const known = tokens.get(login);
    if (known) return known;
    const session = await app.inject({ method: 'POST', url: '/api/login', payload: { login, password: PASSWORD } });
    expect(session.statusCode, session.body).toBe(201);
    const { token } = session.json() as { token: string };
    tokens.set(login, token);
    return token;
  };
  const adminLogin = Object.keys(accounts)[0]!;
  return {
    cluster, database, app, serverUrl, tokenOf,
    async addMember(programmeId, login, role, admin = adminLogin) {
      const added = await app.inject({ method: 'POST', url: `/api/programmes/${programmeId}/members`, headers: { authorization: `Bearer ${await tokenOf(admin)}` }, payload: { login, role } });
      expect(added.statusCode, added.body).toBe(201);
    },
    async close() {
      await app.close();
      await database.end();
      cluster.stop();
    },
  };
}

/** The status line's counts of the open programme. */
export async function counts(page: Page): Promise<{ parcels: number; treated: number }> {
  const text = (await page.getByRole('status').filter({ hasText: '座矿山' }).textContent()) ?? '';
  return { parcels: Number(/(\d+) 个图斑/.exec(text)![1]), treated: Number(/(\d+) 个治理图斑/.exec(text)![1]) };
}

export async function loaded(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor({ timeout: 30_000 });
  await waitForMapIdle(page);
}

/** Clicks (or taps) a button, by default in the Settings dialog. */
export async function press(page: Page, name: string | RegExp, touch: boolean, scope = page.getByRole('dialog', { name: '设置' })): Promise<void> {
  const button = scope.getByRole('button', { name });
  if (touch) await button.tap();
  else await button.click();
}

/** Settings → team server: the address (the page reloads to allow the new origin), then the login. Leaves Settings open. */
export async function logIn(page: Page, server: string, login: string, touch: boolean): Promise<void> {
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

/** In Settings (open, logged in): publishes the open programme; returns the name it was published under. */
export async function publish(page: Page): Promise<string> {
  const settings = page.getByRole('dialog', { name: '设置' });
  await press(page, '将当前项目发布到服务器', false);
  const published = settings.getByRole('status').filter({ hasText: '已发布项目' });
  await published.waitFor({ timeout: 30_000 });
  return /已发布项目“(.+)”/.exec((await published.textContent())!)![1]!;
}

/** In Settings (open, logged in): downloads a programme for offline use; returns the message shown. */
export async function download(page: Page, name: string, touch: boolean): Promise<string> {
  const settings = page.getByRole('dialog', { name: '设置' });
  await press(page, `下载“${name}”供离线使用`, touch);
  const done = settings.getByRole('status').filter({ hasText: '已下载' });
  await done.waitFor({ timeout: 60_000 });
  return (await done.textContent()) ?? '';
}

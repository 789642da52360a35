// Settings → team server → a programme's members, as its admin uses them (ProgrammeMembers), and
// what the server then holds.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { press, type TeamServer } from './team-server.ts';

/** Adds `login` with the role named in Chinese; for a new account, with its name and first password. */
export async function addMember(page: Page, members: Locator, login: string, role: string, touch: boolean, account?: { name: string; password: string }): Promise<void> {
  await members.getByRole('textbox', { name: '账号（登录名）' }).fill(login);
  await members.getByRole('combobox', { name: '角色', exact: true }).selectOption({ label: role });
  if (account) {
    await members.getByRole('textbox', { name: '新账号的姓名' }).fill(account.name);
    await members.getByLabel('新账号的初始密码').fill(account.password);
  }
  await press(page, '添加成员', touch, members);
}

export async function expectMessage(members: Locator, role: 'status' | 'alert', text: string): Promise<void> {
  await expect.poll(() => members.getByRole(role).textContent().catch(() => ''), { timeout: 15_000 }).toBe(text);
}

/** The server's memberships of the demo programme, as `login:role`. */
export async function memberships(team: TeamServer, programmeId = 'QA-DEMO'): Promise<string[]> {
  const { rows } = await team.database.query<{ login: string; role: string }>(
    'select u.login, m.role from memberships m join users u on u.id = m.user_id where m.programme_id = $1 order by u.login, m.role', [programmeId]);
  return rows.map((r) => `${r.login}:${r.role}`);
}

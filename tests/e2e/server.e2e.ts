// The team server as its users meet it (issue 16): an admin sets the server's address and logs in
// from Settings and publishes the demo programme; a surveyor in another browser logs in, downloads
// it for offline use, goes offline, and the app works as before (parcels on the map, a treated
// polygon drawn and saved); a reviewer on a phone, by touch, downloads and sees it too. The admin
// makes them members in Settings, on a desktop and on a phone by touch; the admin's own published
// programme is linked for sync, so a polygon drawn after publishing reaches the server's table. A real
// PostgreSQL + PostGIS and the real server on a free port; the app from the e2e preview server.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, type OpenedApp } from './browser.ts';
import { clickPolygon, goToEmptyGround, mapOffsets, openSurvey } from './survey-helpers.ts';
import { counts, download, loaded, logIn, press, publish, startTeamServer, type TeamServer } from './team-server.ts';
import { labelInName, seriousAxeViolations } from './accessibility-checks.ts';
import { addMember, expectMessage, memberships } from './team-members.ts';
import { smallTargets } from './touch.ts';

const DEMO = 'QA-DEMO';

describe('the team server', () => {
  let team: TeamServer;
  let demoName: string;
  const opened: OpenedApp[] = [];

  beforeAll(async () => {
    team = await startTeamServer({ boss: '王局长', field: '张工', checker: '李审查' });
  });
  afterAll(async () => {
    for (const a of opened) await a.close();
    await team?.close();
  });

  it('an admin publishes the demo programme from the browser', async () => {
    const requests: string[] = [];
    const admin = await openApp({ watch: (p) => p.on('request', (r) => requests.push(r.url())) });
    opened.push(admin);
    const { page } = admin;
    await loaded(page);
    expect(requests.length).toBeGreaterThan(0);
    // No server configured: not one request leaves the app's own origin.
    expect(requests.filter((u) => !u.startsWith(inject('baseUrl')) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    await logIn(page, team.serverUrl, 'boss', false);
    const settings = page.getByRole('dialog', { name: '设置' });
    demoName = await publish(page);
    expect(await settings.getByRole('listitem').filter({ hasText: DEMO }).textContent()).toContain('角色：管理员');
    const { rows } = await team.database.query<{ n: string }>('select count(*) as n from parcels where programme_id = $1', [DEMO]);
    expect(Number(rows[0]!.n)).toBe((await counts(page)).parcels);
    // Publishing again is refused in the UI's language, and overwrites nothing.
    await press(page, '将当前项目发布到服务器', false);
    await expect.poll(() => settings.getByRole('alert').textContent().catch(() => ''), { timeout: 15_000 }).toBe(`服务器上已有编号为 ${DEMO} 的项目，未覆盖。`);
  });

  it('the admin adds the surveyor and the reviewer in Settings, changes a role, and cannot remove the last admin', async () => {
    const { page } = opened[0]!;
    const settings = page.getByRole('dialog', { name: '设置' });
    await press(page, `管理成员：${demoName}`, false);
    const members = settings.getByRole('region', { name: `“${demoName}”的成员` });
    await expect.poll(() => members.getByRole('listitem').allTextContents(), { timeout: 15_000 }).toEqual([expect.stringContaining('王局长（boss）')]);
    expect(await members.getByRole('combobox', { name: '王局长（boss）的角色' }).inputValue()).toBe('admin');

    await addMember(page, members, 'field', '外业调查员', false);
    await expectMessage(members, 'status', '已将 field 添加为外业调查员。');
    // The reviewer first as a planner, then given the right role.
    await addMember(page, members, 'checker', '规划人员', false);
    await expectMessage(members, 'status', '已将 checker 添加为规划人员。');
    await members.getByRole('combobox', { name: '李审查（checker）的角色' }).selectOption({ label: '验收人员' });
    await expectMessage(members, 'status', 'checker 的角色已改为验收人员。');
    // Every control of the members has a name holding its visible label; axe finds nothing serious.
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect((await labelInName(page)).offenders).toEqual([]);
    // An account the server does not have is named, and nothing is added.
    await addMember(page, members, 'nobody', '外业调查员', false);
    await expectMessage(members, 'alert', '服务器上没有账号“nobody”。如要新建，请同时填写姓名和初始密码。');

    // Removing asks first; the programme's only admin stays.
    await press(page, '移除 王局长（boss）：管理员', false, members);
    const confirm = page.getByRole('dialog', { name: '移除成员？' });
    await press(page, '取消', false, confirm);
    expect(await confirm.isVisible()).toBe(false);
    await press(page, '移除 王局长（boss）：管理员', false, members);
    await press(page, '确认移除', false, confirm);
    await expectMessage(members, 'alert', '这是项目唯一的管理员，不能移除或改为其他角色：请先添加另一位管理员。');
    expect(await memberships(team)).toEqual(['boss:admin', 'checker:reviewer', 'field:surveyor']);
  });

  it('a surveyor downloads it, goes offline, and works as before', async () => {
    const surveyor = await openApp();
    opened.push(surveyor);
    const { page, context } = surveyor;
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await loaded(page);
    const demo = await counts(page);
    await logIn(page, team.serverUrl, 'field', false);
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
    await logIn(page, team.serverUrl, 'checker', true);
    const settings = page.getByRole('dialog', { name: '设置' });
    expect(await settings.getByRole('listitem').filter({ hasText: DEMO }).textContent()).toContain('角色：验收人员');
    // Not a server admin: nothing to publish.
    expect(await settings.getByRole('button', { name: '将当前项目发布到服务器' }).count()).toBe(0);
    await download(page, demoName, true);
    await press(page, '关闭设置', true);
    await loaded(page);
    const { rows } = await team.database.query<{ n: string }>('select count(*) as n from parcels where programme_id = $1', [DEMO]);
    expect((await counts(page)).parcels).toBe(Number(rows[0]!.n));
  });

  it('the admin, after publishing, draws a treated polygon and it reaches the server, with nothing left waiting', async () => {
    const { page } = opened[0]!;
    const treatedOnServer = async (): Promise<number> => Number((await team.database.query<{ n: string }>(
      'select count(*) as n from treated where programme_id = $1 and not deleted', [DEMO])).rows[0]!.n);
    const before = await treatedOnServer();
    await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '关闭设置' }).click();
    const status = page.getByRole('region', { name: '同步状态' }).getByRole('status');
    // Linked by publishing: the status is shown, and the edits made before publishing are not waiting.
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('已全部同步');
    await openSurvey(page);
    await goToEmptyGround(page, [118.66, 39.96]);
    await page.getByRole('button', { name: '绘制治理图斑' }).click();
    await clickPolygon(page, await mapOffsets(page, [[-60, -50], [60, -50], [60, 50], [-60, 50]]));
    await expect.poll(() => page.getByRole('region', { name: '编辑历史' }).getByRole('status').textContent(), { timeout: 15_000 }).toBe('已保存');
    await expect.poll(treatedOnServer, { timeout: 30_000 }).toBe(before + 1);
    const { rows } = await team.database.query<{ who: string; device_id: string | null }>(
      "select who, device_id from change_log where programme_id = $1 and layer = 'treated' order by seq desc limit 1", [DEMO]);
    expect(rows[0]).toMatchObject({ who: 'boss', device_id: expect.any(String) });
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^已全部同步 · 上次同步/);
  });

  it('an admin on a phone, by touch, creates an account as a member, changes its role and removes it', async () => {
    const admin = await openApp({ viewport: 'phone' });
    opened.push(admin);
    const { page } = admin;
    await loaded(page);
    await logIn(page, team.serverUrl, 'boss', true);
    const settings = page.getByRole('dialog', { name: '设置' });
    await press(page, `管理成员：${demoName}`, true);
    const members = settings.getByRole('region', { name: `“${demoName}”的成员` });
    await expect.poll(() => members.getByRole('listitem').count(), { timeout: 15_000 }).toBe(3);

    await addMember(page, members, 'zhao', '规划人员', true, { name: '赵助理', password: 'short' });
    await expectMessage(members, 'alert', '初始密码至少需要 10 个字符。');
    await addMember(page, members, 'zhao', '规划人员', true, { name: '赵助理', password: 'a long first password' });
    await expectMessage(members, 'status', '已将 zhao 添加为规划人员。');
    expect(await memberships(team)).toEqual(['boss:admin', 'checker:reviewer', 'field:surveyor', 'zhao:planner']);
    await members.getByRole('combobox', { name: '赵助理（zhao）的角色' }).selectOption({ label: '外业调查员' });
    await expectMessage(members, 'status', 'zhao 的角色已改为外业调查员。');

    // Every control of the members fits the screen and takes a fingertip.
    const overflow = await members.evaluate((section) => [...section.querySelectorAll('button, select, input')]
      .map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && (r.left < 0 || r.right > innerWidth)).length);
    expect(overflow).toBe(0);
    for (let i = 0; i < 6; i += 1) {
      await members.evaluate((section, at) => section.querySelectorAll('li, form')[at]?.scrollIntoView({ block: 'center' }), i);
      expect(await smallTargets(page, '.programme-members')).toEqual([]);
    }

    await press(page, '移除 赵助理（zhao）：外业调查员', true, members);
    await press(page, '确认移除', true, page.getByRole('dialog', { name: '移除成员？' }));
    await expectMessage(members, 'status', '已将 zhao 的外业调查员角色移除。');
    expect(await memberships(team)).toEqual(['boss:admin', 'checker:reviewer', 'field:surveyor']);
  });
});

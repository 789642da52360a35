// 已保存 means committed, in real Chromium: every read-write transaction of the field database
// is recorded with the durability Chromium gave it, and its `complete` event reaches the app only
// 1.5 s after the commit (commit-recorder.ts). For a drawn polygon, a saved form, an undo and a
// redo, 已保存 must appear only after the app was told of the commit of every write it began —
// a UI that said "saved" when its requests succeeded, or on a timer, would show it in that window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './browser.ts';
import { recordCommits, type CommitLog } from './commit-recorder.ts';
import { clickPolygon, goToEmptyGround, mapOffsets, openSurvey } from './survey-helpers.ts';

const DELAY_MS = 1500;
const FIELD_DB = /^fulv-field-/;

describe('已保存 only after the commit', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ prepare: (context) => context.addInitScript(recordCommits, { delay: DELAY_MS, savedText: '已保存' }) });
    page = app.page;
    await openSurvey(page);
  });
  afterAll(async () => {
    await app?.close();
  });

  const logLength = () => page.evaluate(() => (window as unknown as { __commitLog: unknown[] }).__commitLog.length);

  /** Does `step`, waits for 已保存, and checks it against the field database's writes since. */
  async function expectSavedAfterCommit(step: () => Promise<void>): Promise<void> {
    const from = await logLength();
    await step();
    const status = page.getByRole('region', { name: '编辑历史' }).getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('已保存');
    const since = () => page.evaluate((n) => (window as unknown as { __commitLog: CommitLog[] }).__commitLog.slice(n), from);
    // Wait until the app has been told of every commit (had it said saved before, that shows now).
    await expect.poll(async () => {
      const log = await since();
      return log.filter((e) => e.kind === 'begin' && FIELD_DB.test(e.db!)).every((w) => log.some((e) => e.kind === 'complete-told' && e.id === w.id));
    }, { timeout: 15_000 }).toBe(true);
    const log = await since();

    const saved = log.filter((e) => e.kind === 'saved');
    expect(saved).toHaveLength(1);
    const writes = log.filter((e) => e.kind === 'begin' && FIELD_DB.test(e.db!) && e.t < saved[0]!.t);
    // One change, one transaction (README: "written to IndexedDB in one transaction"), strict.
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ durability: 'strict', stores: expect.arrayContaining(['journal', 'treated']) });
    const commit = log.find((e) => e.kind === 'commit' && e.id === writes[0]!.id)!;
    const told = log.filter((e) => e.kind === 'complete-told' && e.id === writes[0]!.id).map((e) => e.t);
    expect(saved[0]!.t, '已保存 before the app was told of the commit').toBeGreaterThanOrEqual(Math.max(...told));
    expect(saved[0]!.t - commit.t).toBeGreaterThanOrEqual(DELAY_MS);
  }

  it('for a drawn polygon, a saved form, an undo and a redo', async () => {
    await goToEmptyGround(page, [118.66, 39.95]);
    await expectSavedAfterCommit(async () => {
      await page.getByRole('button', { name: '绘制治理图斑' }).click();
      await clickPolygon(page, await mapOffsets(page, [[-60, -60], [60, -60], [60, 60], [-60, 60]]));
    });
    const form = page.getByRole('form', { name: '治理图斑属性' });
    await expectSavedAfterCommit(async () => {
      await form.getByRole('textbox', { name: '备注' }).fill('已覆土');
      await form.getByRole('button', { name: '保存属性' }).click();
    });
    const history = page.getByRole('region', { name: '编辑历史' });
    await expectSavedAfterCommit(() => history.getByRole('button', { name: '撤销' }).click());
    await expectSavedAfterCommit(() => history.getByRole('button', { name: '重做' }).click());
  });
});

// A new version published while the app is open: it installs in the background and the app says
// "新版本可用"; the reload waits while a shape is being drawn, then takes the user to the new
// version. Served from a copy of the build, so the test can publish a "new" service worker.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp } from './browser.ts';
import { serveFolder, type Running } from './static-server.ts';
import { openSurvey } from './survey-helpers.ts';

describe('updating the installed app', () => {
  let browser: Browser;
  let site: Running;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fulv-site-'));
    cpSync('dist', root, { recursive: true });
    site = await serveFolder(root);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('offers the new version and reloads into it only once no drawing is in progress', async () => {
    const { context, page } = await openApp({ browser, url: site.url });
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    const prompt = page.getByRole('region', { name: '应用更新' });
    await expect(prompt.count()).resolves.toBe(0);

    writeFileSync(join(root, 'sw.js'), `${readFileSync(join(root, 'sw.js'), 'utf8')}\n// the next version\n`);
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update(); });
    await prompt.getByRole('status').filter({ hasText: '新版本可用' }).waitFor({ timeout: 30_000 });

    await openSurvey(page);
    await page.getByRole('button', { name: '绘制治理图斑' }).click();
    const reload = prompt.getByRole('button', { name: '刷新' });
    await expect(reload.isDisabled()).resolves.toBe(true);
    await expect(prompt.getByText('正在绘制或修改图形：完成或取消后即可刷新。').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: '取消绘制' }).click();
    await expect(reload.isEnabled()).resolves.toBe(true);

    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor();
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const script = await (await fetch('./sw.js', { cache: 'no-store' })).text();
      return { waiting: registration?.waiting ?? null, controlled: navigator.serviceWorker.controller !== null, next: script.includes('the next version') };
    });
    expect(after).toEqual({ waiting: null, controlled: true, next: true });
    await expect(prompt.count()).resolves.toBe(0);
    await context.close();
  });
});

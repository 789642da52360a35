// The GEM boundaries near Tangshan made into a programme through the new-programme wizard, as a
// user does it (shared by new-programme.e2e.ts and own-programme.e2e.ts): one mine per GEM mine,
// the demo's zones file as its zones, a targets CSV naming its one township.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

export const GEM_FILE = fileURLToPath(new URL('../../data/gem/gem_coal_mine_boundaries_tangshan.geojson', import.meta.url));
export const ZONES_FILE = fileURLToPath(new URL('../../data/demo/zones.geojson', import.meta.url));
type GemFeature = { properties: Record<string, string>; geometry: Polygon | MultiPolygon | { type: 'Point' } };
export const gem = (JSON.parse(readFileSync(GEM_FILE, 'utf8')) as { features: GemFeature[] }).features;
export const boundaries = gem.filter((f): f is GemFeature & { geometry: Polygon | MultiPolygon } => f.geometry.type !== 'Point');
export const mineNames = [...new Set(boundaries.map((f) => f.properties['Mine Name']!))].sort();
export const zoneCount = (JSON.parse(readFileSync(ZONES_FILE, 'utf8')) as { features: unknown[] }).features.length;
const TARGETS = { name: '唐山任务.csv', mimeType: 'text/csv', buffer: Buffer.from('乡镇,矿山类别组,年度,目标面积（亩）\n唐山市,闭坑、政策性关闭和废弃矿山,2025,120\n') };

export type Act = (target: Locator) => Promise<void>;
export const click: Act = (l) => l.click();
export const tap: Act = (l) => l.tap();

/** Name → parcels → mines → zones → targets → summary → create, each control found by its label; `check` runs at every step. */
export async function createGemProgramme(page: Page, act: Act, check: () => Promise<void> = () => Promise.resolve()): Promise<Locator> {
  await act(page.getByRole('button', { name: '项目操作' }));
  await act(page.getByRole('group', { name: '项目操作' }).getByRole('button', { name: '新建项目' }));
  const wizard = page.getByRole('dialog', { name: '新建项目' });
  await wizard.getByRole('textbox', { name: '项目名称' }).fill('唐山煤矿修复试点');
  await wizard.getByRole('combobox', { name: '区域级别' }).selectOption({ label: '地级市' });
  await wizard.getByRole('textbox', { name: '市名称' }).fill('唐山市');
  await check();
  await act(wizard.getByRole('button', { name: '下一步' }));

  await wizard.getByLabel('图斑文件（Shapefile、GeoJSON、KML、GPX 或坐标表）').setInputFiles(GEM_FILE);
  await expect.poll(() => wizard.getByRole('status').filter({ hasText: '已读取' }).textContent()).toBe(`已读取 gem_coal_mine_boundaries_tangshan.geojson：${boundaries.length} 个图斑`);
  await check();
  await act(wizard.getByRole('button', { name: '下一步' }));

  // GEM's `Mine Name` is proposed as the mines' name field.
  await expect(wizard.getByRole('radio', { name: /来自图斑的一个字段/ }).isChecked()).resolves.toBe(true);
  await expect(wizard.getByRole('combobox', { name: '矿山名称字段' }).inputValue()).resolves.toBe('Mine Name');
  await expect(wizard.getByRole('status').textContent()).resolves.toBe(`将生成 ${mineNames.length} 个矿山、1 个乡镇。`);
  await check();
  await act(wizard.getByRole('button', { name: '下一步' }));

  await wizard.getByLabel('保护区文件（可多个）').setInputFiles(ZONES_FILE);
  const zoneType = wizard.getByRole('combobox', { name: '“zones.geojson”的保护区类型' });
  await expect.poll(() => zoneType.inputValue()).toBe('field:zone_type');
  await check();
  await act(wizard.getByRole('button', { name: '下一步' }));

  await expect(wizard.getByText('任务表中的乡镇应写作：唐山市').count()).resolves.toBe(1);
  await wizard.getByLabel(/^年度任务/).setInputFiles(TARGETS);
  await expect.poll(() => wizard.getByRole('status').filter({ hasText: '条任务' }).textContent()).toBe('唐山任务.csv：1 条任务');
  await check();
  await act(wizard.getByRole('button', { name: '下一步' }));

  const counts = await wizard.locator('.wizard-counts').evaluate((dl) => Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent])));
  expect(counts).toMatchObject({ 图斑: String(boundaries.length), 矿山: String(mineNames.length), 乡镇: '1', 任务: '1' });
  expect(counts['保护区']).toMatch(new RegExp(`^${zoneCount}（`));
  const problems = await wizard.getByRole('list', { name: '问题（按类型汇总）' }).getByRole('listitem').allTextContents();
  // The 9 mine points (which cannot be parcels) are one line; GEM has no 图斑小类, so every mine takes the default category, flagged.
  expect(problems.some((p) => p.startsWith(`错误 ${gem.length - boundaries.length} × 要素不是面`))).toBe(true);
  expect(problems.some((p) => p.startsWith(`提示 ${mineNames.length} × 矿山的类别无法由图斑小类确定`))).toBe(true);
  await expect(wizard.getByRole('img', { name: '图斑和保护区的范围示意图' }).count()).resolves.toBe(1);
  await check();
  await act(wizard.getByRole('button', { name: '创建项目' }));
  await expect.poll(() => wizard.isVisible()).toBe(false);
  const status = page.getByRole('status').filter({ hasText: '座矿山' });
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe(`${mineNames.length} 座矿山，${boundaries.length} 个图斑，0 个治理图斑，${zoneCount} 个保护区`);
  return wizard;
}

export async function searchedMines(page: Page): Promise<string[]> {
  await page.getByRole('combobox', { name: '搜索矿山或图斑' }).fill('Coal Mine');
  const options = page.getByRole('listbox', { name: '搜索结果' }).getByRole('option');
  await options.first().waitFor();
  const texts = await options.allTextContents();
  await page.getByRole('combobox', { name: '搜索矿山或图斑' }).fill('');
  return texts.filter((t) => t.startsWith('矿山')).map((t) => t.replace(/^矿山/, '').replace(/\s*M\d{4}$/, '').trim()).sort();
}

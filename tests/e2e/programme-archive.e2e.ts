// The programme archive as a user gets it: 导出数据… → 导出方案档案（.gpkg） downloads one
// GeoPackage named for the programme and the day, which GDAL opens (every layer, EPSG:4490) and
// which reads back to the programme the app holds (the demo's files, feature by feature). The
// archive carries the programme's own buffer distances (changed here first), and opened from the
// programme actions after the demo is deleted it becomes a programme of this browser whose own
// archive holds the same content, feature by feature.
import { readFileSync } from 'node:fs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeContent } from '../../src/domain/programme-content.ts';
import { readProgrammeArchive } from '../../src/io/programme-archive/read-programme-archive.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { scratchDir, tool, writeScratch } from '../helpers/gdal.ts';
import { openApp, type OpenedApp } from './browser.ts';

const programme = demoProgramme();
const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.id.localeCompare(b.id));
const byParcel = <T extends { parcel_id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.parcel_id.localeCompare(b.parcel_id));
const dir = scratchDir('archive-e2e');
let archivePath = '';
let SQL: SqlJsStatic;

function readArchive(bytes: Uint8Array): ProgrammeContent {
  const back = readProgrammeArchive(SQL, bytes);
  if (!back.ok) throw new Error(back.reason);
  return back.value;
}

describe('programme archive export', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    SQL = await initSqlJs();
    app = await openApp({ context: { acceptDownloads: true } });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('downloads the whole programme as one GeoPackage that GDAL opens and that reads back to it', async () => {
    await page.getByRole('tab', { name: '冲突分析' }).click();
    await page.getByText('缓冲距离 · 通用').click();
    await page.getByRole('spinbutton', { name: '河流湖泊缓冲距离（米）' }).fill('1234');
    // Stored once typing pauses: the preset no longer matches.
    await page.getByText('缓冲距离 · 自定义').waitFor();
    await page.getByRole('tab', { name: '图层' }).click();
    await page.getByRole('button', { name: '导出数据…' }).click();
    const dialog = page.getByRole('dialog', { name: '导出数据' });
    const section = dialog.getByRole('region', { name: '方案档案' });
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '导出方案档案（.gpkg）' }).click()]);
    await expect.poll(() => section.getByRole('status').textContent()).toContain('已导出');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(download.suggestedFilename()).toBe(`${programme.name}_${today}.gpkg`);
    const path = writeScratch(dir, 'programme.gpkg', readFileSync((await download.path())!));
    archivePath = path;

    const info = tool('ogrinfo', ['-ro', '-so', '-al', path]);
    for (const [layer, count] of [['parcels', 181], ['treated', 117], ['zones', 18], ['mines', programme.mines.length], ['townships', programme.townships.length]] as const) {
      expect(info).toMatch(new RegExp(`Layer name: ${layer}\\n(?:.*\\n)*?Feature Count: ${count}\\n`));
    }
    expect(info.match(/ID\["EPSG",4490\]\]\nData axis/g)).toHaveLength(4);

    const back = readProgrammeArchive(SQL, new Uint8Array(readFileSync(path)));
    if (!back.ok) throw new Error(back.reason);
    const p = back.value.programme;
    expect([p.id, p.name, p.county]).toEqual([programme.id, programme.name, programme.county]);
    // The store keeps its own order (by id): the archive is compared item by item, by id, attributes and geometry.
    expect(byId(p.mines)).toEqual(byId(programme.mines));
    expect(byId(p.townships)).toEqual(byId(programme.townships));
    expect(p.targets).toEqual(programme.targets);
    for (const layer of ['parcels', 'treated', 'zones'] as const) {
      const features = (c: typeof p[typeof layer]) => byId(c.features.map((f) => ({ id: f.properties.id, properties: f.properties, geometry: f.geometry })));
      expect(features(p[layer])).toEqual(features(programme[layer]));
    }
    expect(back.value.bufferDistances).toEqual({ nature_reserve: 1000, water_source: 500, scenic_area: 1000, residential_area: 500, traffic_line: 1000, river_lake: 1234 });
    expect(back.value.areaLevel).toBe('county');
  });

  it('opens the archive as a programme of this browser after the demo is deleted: the same programme, feature by feature', async () => {
    const written = readArchive(readFileSync(archivePath));
    await page.getByRole('button', { name: '关闭导出' }).click();
    await page.getByRole('button', { name: '项目操作' }).click();
    await page.getByRole('group', { name: '项目操作' }).getByRole('button', { name: '删除此项目…' }).click();
    await page.getByRole('dialog', { name: /删除项目/ }).getByRole('button', { name: '删除项目' }).click();
    await page.getByRole('status').filter({ hasText: '已删除项目' }).waitFor();

    await page.getByRole('button', { name: '项目操作' }).click();
    await page.getByRole('group', { name: '项目操作' }).getByLabel('打开方案档案…').setInputFiles(archivePath);
    const p = written.programme;
    await page.getByRole('status').filter({
      hasText: `已打开方案档案“${programme.name}”：${p.mines.length} 个矿山、181 个图斑、18 个保护区、117 个治理图斑、${written.reviews.length} 条验收记录。`,
    }).waitFor();
    const box = page.getByRole('combobox', { name: '项目', exact: true });
    await expect.poll(() => box.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(programme.name);
    await page.getByRole('status').filter({ hasText: '座矿山' }).waitFor();

    await page.getByRole('button', { name: '导出数据…' }).click();
    const section = page.getByRole('dialog', { name: '导出数据' }).getByRole('region', { name: '方案档案' });
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '导出方案档案（.gpkg）' }).click()]);
    const reopened = readArchive(readFileSync((await download.path())!));
    const q = reopened.programme;
    expect(q.id).toBe(p.id);
    expect([reopened.areaLevel, reopened.bufferDistances]).toEqual([written.areaLevel, written.bufferDistances]);
    expect(byId(q.mines)).toEqual(byId(p.mines));
    expect(byId(q.townships)).toEqual(byId(p.townships));
    expect(q.targets).toEqual(p.targets);
    expect(byParcel(reopened.reviews)).toEqual(byParcel(written.reviews));
    for (const layer of ['parcels', 'treated', 'zones'] as const) {
      const features = (c: typeof p[typeof layer]) => byId(c.features.map((f) => ({ id: f.properties.id, properties: f.properties, geometry: f.geometry })));
      expect(features(q[layer])).toEqual(features(p[layer]));
    }
  });
});

// The programme archive as a user gets it: 导出数据… → 导出方案档案（.gpkg） downloads one
// GeoPackage named for the programme and the day, which GDAL opens (every layer, EPSG:4490) and
// which reads back to the programme the app holds (the demo's files, feature by feature).
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProgrammeArchive } from '../../src/io/programme-archive/read-programme-archive.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { scratchDir, tool, writeScratch } from '../helpers/gdal.ts';
import { openApp, type OpenedApp } from './browser.ts';

const programme = demoProgramme();
const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.id.localeCompare(b.id));
const dir = scratchDir('archive-e2e');

describe('programme archive export', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ context: { acceptDownloads: true } });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('downloads the whole programme as one GeoPackage that GDAL opens and that reads back to it', async () => {
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

    const info = tool('ogrinfo', ['-ro', '-so', '-al', path]);
    for (const [layer, count] of [['parcels', 181], ['treated', 117], ['zones', 18], ['mines', programme.mines.length], ['townships', programme.townships.length]] as const) {
      expect(info).toMatch(new RegExp(`Layer name: ${layer}\\n(?:.*\\n)*?Feature Count: ${count}\\n`));
    }
    expect(info.match(/ID\["EPSG",4490\]\]\nData axis/g)).toHaveLength(4);

    const back = readProgrammeArchive(await initSqlJs(), new Uint8Array(readFileSync(path)));
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
    expect(back.value.bufferDistances).toEqual({ nature_reserve: 1000, water_source: 500, scenic_area: 1000, residential_area: 500, traffic_line: 1000, river_lake: 1000 });
  });
});

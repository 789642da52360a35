// A surveyor's shortcuts in the browser, judged by independent areas (an Albers equal-area
// reference computed here from what IndexedDB holds): the whole parcel as a treated polygon, a
// split with a drawn line, a hole, a hole reshaped by dragging its vertex, each undone; the
// hand-over for acceptance seen in the review tab under the surveyor's name; before and after
// photos paired in the mine file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Polygon, Position } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import { PNG } from 'pngjs';
import type { TreatedFeature } from '../../src/domain/model.ts';
import { openApp, type OpenedApp, screenPoint, waitForMapIdle } from './browser.ts';
import { openReview } from './review-helpers.ts';
import { clickPolygon, lonLatAt, openSurvey, parseNumber } from './survey-helpers.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';

const programme = demoProgramme();
// An untreated parcel with no treated work yet: a single ring of 12 vertices, about 2.7 ha.
const P = 'QA-M01-P4';
const parcel = programme.parcels.features.find((f) => f.properties.id === P)!;
const mine = programme.mines.find((m) => m.id === parcel.properties.mine_id)!;
const PARCEL_M2 = equalAreaReference(parcel.geometry);

function png(grey: number): Buffer {
  const image = new PNG({ width: 8, height: 8 });
  image.data.fill(grey);
  return PNG.sync.write(image);
}

/** The live treated polygons of the parcel, as IndexedDB holds them. */
async function stored(page: Page): Promise<TreatedFeature[]> {
  const all = await page.evaluate((name) => new Promise<{ feature: TreatedFeature | null }[]>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('treated').objectStore('treated').getAll();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        db.close();
        resolve(request.result as { feature: TreatedFeature | null }[]);
      };
    };
  }), `fulv-field-${programme.id}`);
  return all.flatMap((r) => (r.feature && r.feature.properties.parcel_id === P ? [r.feature] : []));
}

const closed = (ring: [number, number][]): Position[] => [...ring, ring[0]!];
const relative = (a: number, b: number): number => Math.abs(a - b) / b;

describe('survey shortcuts', () => {
  let app: OpenedApp;
  let page: Page;
  const history = () => page.getByRole('region', { name: '编辑历史' });
  const inspector = () => page.getByRole('complementary', { name: '属性' });
  const saved = () => expect.poll(() => history().getByRole('status').textContent(), { timeout: 15_000 }).toBe('已保存');
  /** The parcel's stored polygons once they satisfy `test` (a save is not instant). */
  const storedWhen = async (test: (features: TreatedFeature[]) => boolean): Promise<TreatedFeature[]> => {
    await expect.poll(async () => test(await stored(page)), { timeout: 15_000 }).toBe(true);
    return stored(page);
  };
  const undo = async (test: (features: TreatedFeature[]) => boolean): Promise<TreatedFeature[]> => {
    await history().getByRole('button', { name: '撤销' }).click();
    return storedWhen(test);
  };
  const rings = (features: TreatedFeature[]): number => (features.length === 1 && features[0]!.geometry.type === 'Polygon' ? features[0]!.geometry.coordinates.length : -1);

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await openSurvey(page);
    // Vertices go exactly where the test clicks.
    await page.getByRole('checkbox', { name: '吸附到图斑的顶点和边' }).uncheck();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('makes the whole parcel a treated polygon, splits it with a line, cuts a hole and reshapes the hole, undoing each', async () => {
    await page.getByRole('combobox', { name: '搜索矿山或图斑' }).fill(P);
    await page.getByRole('listbox', { name: '搜索结果' }).getByRole('option', { name: new RegExp(P) }).click();
    await waitForMapIdle(page);
    const actions = page.getByRole('region', { name: '所选图斑' });
    await expect(actions.textContent()).resolves.toContain(`${parcel.properties.name}（${P}）· 未治理`);
    await actions.getByRole('button', { name: '整个图斑已治理' }).click();
    let features = await storedWhen((f) => f.length === 1);
    await saved();

    // Whole parcel: the inspector's area is the parcel's own.
    const m2 = parseNumber((await inspector().locator('[data-unit=m2]').first().textContent())!);
    expect(Math.abs(m2 - PARCEL_M2)).toBeLessThanOrEqual(1 + PARCEL_M2 * 1e-5);
    expect(features[0]!.geometry).toEqual(parcel.geometry);
    await undo((f) => f.length === 0);
    await history().getByRole('button', { name: '重做' }).click();
    features = await storedWhen((f) => f.length === 1);
    expect(features[0]!.geometry).toEqual(parcel.geometry);

    // Split along the parcel's middle latitude, from outside to outside.
    const ring = (parcel.geometry as Polygon).coordinates[0]!;
    const lons = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
    const west = await screenPoint(page, [Math.min(...lons), midLat]);
    const east = await screenPoint(page, [Math.max(...lons), midLat]);
    // A line that stops inside is refused with the reason, and nothing changes.
    const inside = await screenPoint(page, pointOnFeature(parcel).geometry.coordinates as [number, number]);
    await inspector().getByRole('button', { name: '用线分割' }).click();
    await clickPolygon(page, [{ x: west.x - 30, y: west.y }, inside], false);
    await page.waitForTimeout(400);
    await page.mouse.click(inside.x, inside.y);
    await expect.poll(() => page.getByRole('region', { name: '绘制治理图斑' }).getByRole('alert').textContent()).toContain('分割线没有完整穿过治理图斑');
    expect(await stored(page)).toEqual(features);

    await inspector().getByRole('button', { name: '用线分割' }).click();
    const start = { x: west.x - 30, y: west.y };
    const end = { x: east.x + 30, y: east.y };
    await clickPolygon(page, [start, end], false);
    await page.waitForTimeout(400);
    await page.mouse.click(end.x, end.y);
    features = await storedWhen((f) => f.length >= 2);
    const pieces = features.reduce((s, f) => s + equalAreaReference(f.geometry), 0);
    expect(relative(pieces, PARCEL_M2)).toBeLessThan(1e-6);
    features = await undo((f) => f.length === 1);
    expect(features[0]!.geometry).toEqual(parcel.geometry);

    // A hole around a point inside the parcel.
    const centre = await screenPoint(page, pointOnFeature(parcel).geometry.coordinates as [number, number]);
    const corners = [[-15, -15], [15, -15], [15, 15], [-15, 15]].map(([dx, dy]) => ({ x: centre.x + dx!, y: centre.y + dy! }));
    const hole = closed(await lonLatAt(page, corners));
    await inspector().getByRole('button', { name: '挖洞' }).click();
    await clickPolygon(page, corners);
    features = await storedWhen((f) => rings(f) === 2);
    const holed = features[0]!.geometry as Polygon;
    expect(holed.coordinates).toHaveLength(2);
    expect(relative(equalAreaReference(holed), PARCEL_M2 - equalAreaReference({ type: 'Polygon', coordinates: [hole] }))).toBeLessThan(1e-6);

    // Reshape the polygon with a hole: drag a vertex of the hole outwards.
    await inspector().getByRole('button', { name: '编辑形状' }).click();
    await inspector().getByRole('group', { name: '要编辑的边界' }).getByRole('button', { name: '洞 1' }).click();
    await page.waitForTimeout(300);
    const from = corners[2]!;
    const to = { x: from.x + 12, y: from.y + 12 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let k = 1; k <= 6; k++) {
      await page.mouse.move(from.x + (12 * k) / 6, from.y + (12 * k) / 6);
      await page.waitForTimeout(50);
    }
    // The adapter handles a drag once a frame: let the last position be taken before letting go.
    await page.waitForTimeout(200);
    await page.mouse.up();
    features = await storedWhen((f) => rings(f) === 2 && JSON.stringify(f[0]!.geometry) !== JSON.stringify(holed));
    const reshaped = features[0]!.geometry as Polygon;
    // Only the dragged vertex moved: the shell and the hole's other vertices are as they were.
    expect(reshaped.coordinates[0]).toEqual(holed.coordinates[0]);
    const changed = reshaped.coordinates[1]!.filter((p) => !holed.coordinates[1]!.some((q) => q[0] === p[0] && q[1] === p[1]));
    expect(changed).toHaveLength(1);
    expect(reshaped.coordinates[1]).toHaveLength(5);
    // It is where it was let go (terra-draw keeps the grab offset of its first drag step, a pixel or two).
    const landed = await screenPoint(page, changed[0] as [number, number]);
    expect(Math.hypot(landed.x - to.x, landed.y - to.y)).toBeLessThan(4);
    // The hole grew by the triangle the vertex swept: the area is the parcel's minus the new hole.
    expect(relative(equalAreaReference(reshaped), PARCEL_M2 - equalAreaReference({ type: 'Polygon', coordinates: [reshaped.coordinates[1]!] }))).toBeLessThan(1e-6);
    expect(equalAreaReference(reshaped)).toBeLessThan(equalAreaReference(holed));
    await inspector().getByRole('button', { name: '完成编辑形状' }).click();

    // Undo the reshape, then the hole.
    await undo((f) => JSON.stringify(f[0]?.geometry) === JSON.stringify(holed));
    await undo((f) => rings(f) === 1);
    expect((await stored(page))[0]!.geometry).toEqual(parcel.geometry);
  });

  it('hands the parcel over for acceptance from the survey tab; the review tab lists it with the surveyor in its history', async () => {
    const actions = page.getByRole('region', { name: '所选图斑' });
    await expect(actions.textContent()).resolves.toContain('治理中');
    await actions.getByRole('textbox', { name: '提交说明（可选）' }).fill('已覆土复绿');
    await actions.getByRole('button', { name: '治理完成，提交验收' }).click();
    await expect.poll(() => actions.textContent()).toContain('已治理');
    await saved();
    await expect(actions.getByRole('button', { name: '治理完成，提交验收' }).isDisabled()).resolves.toBe(true);

    await openReview(page);
    await page.getByRole('region', { name: '待验收图斑' }).getByRole('button', { name: new RegExp(P) }).click();
    const record = page.getByRole('region', { name: '验收记录' });
    await expect.poll(() => record.textContent()).toContain('张工（外业调查员）');
    await expect(record.textContent()).resolves.toContain('已覆土复绿');
    await expect(record.locator('[data-action=submit]').textContent()).resolves.toContain('提交验收');
  });

  it('files a before and an after photo, and the mine file pairs them by their slots', async () => {
    await openSurvey(page);
    const centre = await screenPoint(page, pointOnFeature(parcel).geometry.coordinates as [number, number]);
    await page.mouse.click(centre.x, centre.y);
    await inspector().getByRole('button', { name: '用线分割' }).waitFor();
    // The after photo first, so that taking times alone would pair them the wrong way round.
    await inspector().getByLabel('添加治理后照片', { exact: true }).setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: png(200) });
    await inspector().getByRole('img', { name: /治理后 · 照片 after\.png/ }).waitFor();
    await page.waitForTimeout(1100);
    await inspector().getByLabel('添加治理前照片', { exact: true }).setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: png(60) });
    await inspector().getByRole('img', { name: /治理前 · 照片 before\.png/ }).waitFor();

    await openReview(page);
    await page.getByRole('region', { name: '待验收图斑' }).getByRole('button', { name: new RegExp(P) }).click();
    await page.getByRole('button', { name: `打开${mine.name}的一矿一档` }).click();
    const pair = page.getByRole('region', { name: `${parcel.properties.name}：治理前后照片` });
    const captions = pair.locator('figcaption');
    await expect.poll(() => captions.allTextContents()).toEqual([expect.stringMatching(/^治理前：before\.png/), expect.stringMatching(/^治理后：after\.png/)]);
  });
});

// What the field-survey tests do again and again, as a surveyor would: open the survey tab, find
// an empty stretch of map, click out a polygon, read figures.
import type { Page } from 'playwright-core';
import { waitForMapIdle } from './browser.ts';

type MapHandle = {
  jumpTo(o: { center: [number, number]; zoom: number }): void;
  queryRenderedFeatures(): { source: string }[];
  unproject(p: [number, number]): { lng: number; lat: number };
  project(p: [number, number]): { x: number; y: number };
  getCanvas(): HTMLCanvasElement;
};

export async function openSurvey(page: Page, surveyor = '张工'): Promise<void> {
  await page.getByRole('tab', { name: '外业调查' }).click();
  const name = page.getByRole('textbox', { name: '调查人姓名' });
  if ((await name.inputValue()) !== surveyor) await name.fill(surveyor);
}

/** Moves the map to a place (zoom 16) where no programme feature is drawn; returns its centre. */
export async function goToEmptyGround(page: Page, start: [number, number] = [118.62, 39.93]): Promise<[number, number]> {
  for (let k = 0; k < 40; k++) {
    const center: [number, number] = [start[0] + (k % 8) * 0.01, start[1] + Math.floor(k / 8) * 0.01];
    await page.evaluate((c) => (window as unknown as { __fulvMap: MapHandle }).__fulvMap.jumpTo({ center: c, zoom: 16 }), center);
    await waitForMapIdle(page);
    const busy = await page.evaluate(() => (window as unknown as { __fulvMap: MapHandle }).__fulvMap
      .queryRenderedFeatures().filter((f) => ['parcels', 'treated', 'zones', 'buffers'].includes(f.source)).length);
    if (busy === 0) return center;
  }
  throw new Error('no empty ground found near the start point');
}

/** Page coordinates of points given as offsets (px) from the map's centre. */
export async function mapOffsets(page: Page, offsets: [number, number][]): Promise<{ x: number; y: number }[]> {
  const box = (await page.getByRole('region', { name: '计划地图' }).boundingBox())!;
  return offsets.map(([dx, dy]) => ({ x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy }));
}

export async function lonLatAt(page: Page, points: { x: number; y: number }[]): Promise<[number, number][]> {
  return page.evaluate((pts) => {
    const map = (window as unknown as { __fulvMap: MapHandle }).__fulvMap;
    const rect = map.getCanvas().getBoundingClientRect();
    return pts.map((p) => {
      const ll = map.unproject([p.x - rect.left, p.y - rect.top]);
      return [ll.lng, ll.lat] as [number, number];
    });
  }, points);
}

/** Clicks the vertices, then (unless told not to) the first one again to close the ring. */
export async function clickPolygon(page: Page, points: { x: number; y: number }[], close = true): Promise<void> {
  for (const p of close ? [...points, points[0]!] : points) {
    await page.mouse.move(p.x - 3, p.y - 3);
    await page.mouse.move(p.x, p.y);
    await page.mouse.click(p.x, p.y);
    await page.waitForTimeout(60);
  }
}

/** Opens the treated polygon drawn at `centre` by clicking it. */
export async function openPolygonAt(page: Page, centre: [number, number]): Promise<void> {
  await page.evaluate((c) => (window as unknown as { __fulvMap: MapHandle }).__fulvMap.jumpTo({ center: c, zoom: 16 }), centre);
  await waitForMapIdle(page);
  const [p] = await mapOffsets(page, [[0, 0]]);
  await page.mouse.click(p!.x, p!.y);
  await page.getByRole('form', { name: '治理图斑属性' }).waitFor();
}

export function parseNumber(text: string): number {
  return Number(text.replace(/[^\d.-]/g, ''));
}

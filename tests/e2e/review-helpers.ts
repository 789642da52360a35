// What the review tests do again and again: open the Review tab as a named reviewer, frame a
// feature on the main map, wait for the comparison maps, and cut screenshots into halves.
import type { Page } from 'playwright-core';
import type { Geometry, Position } from 'geojson';
import type { Shot } from './map-pixels.ts';

type Camera = { fitBounds(b: [[number, number], [number, number]], o: object): void; loaded(): boolean; isMoving(): boolean; areTilesLoaded(): boolean };

export async function openReview(page: Page, reviewer = '王审'): Promise<void> {
  await page.getByRole('tab', { name: '审查验收' }).click();
  const name = page.getByRole('textbox', { name: '审查人姓名' });
  if ((await name.inputValue()) !== reviewer) await name.fill(reviewer);
}

export function bounds(geometry: Geometry): [[number, number], [number, number]] {
  const points: Position[] = geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat(2) : [];
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  return [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]];
}

/** Frames a geometry on the main map, without animation. */
export async function frame(page: Page, geometry: Geometry, padding = 120): Promise<void> {
  await page.evaluate(([b, p]) => (window as unknown as { __fulvMap: Camera }).__fulvMap.fitBounds(b, { padding: p, animate: false }), [bounds(geometry), padding] as const);
}

/** Both comparison maps loaded and still. */
export async function waitForCompareIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const maps = (window as unknown as { __fulvCompare?: { before: Camera; after: Camera } }).__fulvCompare;
    return !!maps && [maps.before, maps.after].every((m) => m.loaded() && !m.isMoving() && m.areTilesLoaded());
  }, undefined, { timeout: 30_000, polling: 100 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The columns [from, to) of a screenshot, as a shot of its own. */
export function columns(shot: Shot, from: number, to: number): Shot {
  const width = to - from;
  const data = Buffer.alloc(width * shot.height * 4);
  for (let y = 0; y < shot.height; y++) shot.data.copy(data, y * width * 4, (y * shot.width + from) * 4, (y * shot.width + to) * 4);
  return { width, height: shot.height, data };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day before an ISO date. */
export const dayBefore = (date: string): string => addDays(date, -1);
/** The day after an ISO date. */
export const dayAfter = (date: string): string => addDays(date, 1);

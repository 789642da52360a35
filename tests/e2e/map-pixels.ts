// Pixel statistics of a map screenshot, so tests check what was drawn, not that a canvas exists.
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';

export interface Shot { width: number; height: number; data: Buffer }

export async function mapShot(page: Page, mapName: string | RegExp): Promise<Shot> {
  const png = PNG.sync.read(await page.getByRole('region', { name: mapName }).screenshot());
  return { width: png.width, height: png.height, data: png.data };
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Share of pixels farther than `tolerance` (per channel) from a colour. */
export function shareUnlike(shot: Shot, hex: string, tolerance = 12): number {
  const [r, g, b] = rgb(hex);
  let count = 0;
  for (let i = 0; i < shot.data.length; i += 4) {
    if (Math.abs(shot.data[i]! - r) > tolerance || Math.abs(shot.data[i + 1]! - g) > tolerance || Math.abs(shot.data[i + 2]! - b) > tolerance) count++;
  }
  return count / (shot.width * shot.height);
}

/** Share of pixels that differ between two screenshots of the same size. */
export function shareChanged(a: Shot, b: Shot, tolerance = 12): number {
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i]! - b.data[i]!) > tolerance || Math.abs(a.data[i + 1]! - b.data[i + 1]!) > tolerance || Math.abs(a.data[i + 2]! - b.data[i + 2]!) > tolerance) count++;
  }
  return count / (a.width * a.height);
}

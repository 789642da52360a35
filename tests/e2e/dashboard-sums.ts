// What the dashboard tests compare with: treated area summed straight from data/demo/* (GEOS
// overlays of unions, tests/helpers/treated-reference.ts) in 亩, and the dashboard's CSV
// downloads read back as rows.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Download, Page } from 'playwright-core';
import type { Programme } from '../../src/domain/model.ts';
import { treatedReferenceM2 } from '../helpers/treated-reference.ts';

export const MU_PER_M2 = 15 / 10000;

/** Treated area (亩) inside the given parcels, from polygons dated up to `through` (yyyy-mm-dd). */
export async function treatedMu(programme: Programme, parcelIds: ReadonlySet<string>, through: string): Promise<number> {
  return (await treatedReferenceM2(programme, parcelIds, through)) * MU_PER_M2;
}

/** Rows of a CSV downloaded by pressing `button`, header first, checking the byte-order mark. */
export async function downloadCsv(page: Page, button: string): Promise<{ rows: Record<string, string>[]; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...lines] = text.slice(1).trim().split('\r\n').map((l) => l.split(','));
  return { rows: lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!]))), download };
}

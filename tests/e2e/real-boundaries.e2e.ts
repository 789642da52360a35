// Real mine boundaries (GEM, CC BY 4.0) load as their own layer and open in the inspector with
// the same ellipsoidal area an independent equal-area projection gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { launchBrowser, openApp, screenPoint, waitForMapIdle } from './browser.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';

const gem = JSON.parse(readFileSync(new URL('../../data/gem/gem_coal_mine_boundaries_tangshan.geojson', import.meta.url), 'utf8')) as FeatureCollection;

describe('real mine boundaries', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the GEM boundaries with their attribution and attributes', async () => {
    const { page } = await openApp({ browser });
    await page.getByRole('checkbox', { name: '真实矿界（GEM，唐山）' }).check();
    await expect(page.getByText(/CC BY 4\.0/).isVisible()).resolves.toBe(true);
    await page.waitForFunction(() => (window as unknown as { __fulvMap: { getCenter(): { lat: number } } }).__fulvMap.getCenter().lat < 39.8);
    await waitForMapIdle(page);
    const qianjiaying = gem.features.find((f) => f.properties?.id === 'M0307.B1') as Feature<Polygon>;
    const { x, y } = await screenPoint(page, pointOnFeature(qianjiaying).geometry.coordinates as [number, number]);
    await page.mouse.click(x, y);
    const inspector = page.getByRole('complementary', { name: '属性' });
    await expect(inspector.getByText('Qianjiaying Coal Mine', { exact: true }).isVisible()).resolves.toBe(true);
    const m2 = Number((await inspector.locator('[data-unit="m2"]').textContent())!.replace(/,/g, ''));
    expect(Math.abs(m2 - equalAreaReference(qianjiaying.geometry)) / m2).toBeLessThan(1e-5);
  });
});

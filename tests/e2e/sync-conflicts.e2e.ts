// Sync conflicts resolved by the user, at a desk and on a phone with touch: four conflicts are
// put where the app reads them (the programme's conflict database, as the sync engine would), and
// each is resolved by its button — keep both for two reshapes of one treated polygon (both shapes
// drawn on the map meanwhile), mine for a note changed on both sides, theirs for an acceptance
// against a send-back; a fourth, changed apart on each side, merges unasked. What each choice
// stored (the edits to push) is read back from IndexedDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { centroid, transformTranslate } from '@turf/turf';
import { openApp, screenPoint, waitForMapIdle, type OpenedApp } from './browser.ts';
import { sidewaysOverflow } from './touch.ts';
import { demoProgramme } from '../helpers/demo-files.ts';
import type { SyncConflict } from '../../src/store/sync-conflict.ts';
import type { TreatedFeature } from '../../src/domain/model.ts';

const programme = demoProgramme();
const DB = `fulv-sync-conflicts-${programme.id}`;
const [first, second, third] = programme.treated.features as [TreatedFeature, TreatedFeature, TreatedFeature];
const moved = (f: TreatedFeature, metres: number) => transformTranslate(f, metres / 1000, 90, { units: 'kilometers' }).geometry;
const by = (value: unknown, revision: number, layer: 'treated' | 'reviews', id: string) => ({ layer, id, revision, value, who: '李华', at: '2025-11-20T03:00:00Z' });

const mineShape = moved(first, 30);
const theirShape = moved(first, -30);
const step = (action: 'submit' | 'accept' | 'send_back') => ({ action, status: ({ submit: 'treated', accept: 'accepted', send_back: 'rejected' } as const)[action], at: '2025-11-20T02:00:00Z', who: '审核员', note: action === 'send_back' ? '覆土不足' : '' });
const parcel = 'QA-M01-P1';
const review = (...actions: ('submit' | 'accept' | 'send_back')[]) => ({ parcel_id: parcel, status: step(actions.at(-1)!).status, events: actions.map(step) });

const CONFLICTS: SyncConflict[] = [
  {
    clientEditId: 'c-shape', edit: { kind: 'update-treated-geometry', id: first.properties.id, baseRevision: 1, geometry: mineShape },
    base: [{ layer: 'treated', id: first.properties.id, revision: 1, value: first }],
    theirs: [by({ ...first, geometry: theirShape }, 2, 'treated', first.properties.id)],
  },
  {
    clientEditId: 'c-note', edit: { kind: 'update-treated-attributes', id: second.properties.id, baseRevision: 1, attributes: { note: '我的备注' } },
    base: [{ layer: 'treated', id: second.properties.id, revision: 1, value: second }],
    theirs: [by({ ...second, properties: { ...second.properties, note: '对方的备注', date: '2025-11-01' } }, 4, 'treated', second.properties.id)],
  },
  {
    clientEditId: 'c-review', edit: { kind: 'review-parcel', parcelId: parcel, baseRevision: 1, review: review('submit', 'accept') },
    base: [{ layer: 'reviews', id: parcel, revision: 1, value: review('submit') }],
    theirs: [by(review('submit', 'send_back'), 2, 'reviews', parcel)],
  },
  // Different attributes on each side: merges by itself, never shown.
  {
    clientEditId: 'c-merges', edit: { kind: 'update-treated-attributes', id: third.properties.id, baseRevision: 1, attributes: { note: '补植' } },
    base: [{ layer: 'treated', id: third.properties.id, revision: 1, value: third }],
    theirs: [by({ ...third, properties: { ...third.properties, surveyor: '李华' } }, 3, 'treated', third.properties.id)],
  },
];

async function seed(page: Page): Promise<void> {
  await page.evaluate(async ({ name, conflicts }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('sync_conflicts', { keyPath: 'clientEditId' });
        request.result.createObjectStore('sync_resolved', { keyPath: 'clientEditId' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('sync_conflicts', 'readwrite');
    for (const c of conflicts) tx.objectStore('sync_conflicts').put(c);
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
    new BroadcastChannel(name).postMessage('changed');
  }, { name: DB, conflicts: CONFLICTS });
}

type Resolved = { clientEditId: string; choice: string; label: string; edits: { kind: string; label: string; edits: Record<string, unknown>[] }[] };
const resolved = (page: Page, id: string) => page.evaluate(async ({ name, id }) => {
  const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); });
  const value = await new Promise<unknown>((resolve) => { const r = db.transaction('sync_resolved').objectStore('sync_resolved').get(id); r.onsuccess = () => resolve(r.result); });
  db.close();
  return value;
}, { name: DB, id }) as Promise<Resolved | undefined>;

const mapShapes = (page: Page) => page.evaluate(() => {
  const map = (window as unknown as { __fulvMap: { getStyle(): { sources: Record<string, { data?: { features: { properties: { side: string }; geometry: unknown }[] } }> } } }).__fulvMap;
  return map.getStyle().sources['sync-conflict']?.data?.features.map((f) => ({ side: f.properties.side, geometry: f.geometry })) ?? [];
});

for (const screen of ['desktop', 'phone'] as const) {
  describe(`sync conflicts resolved on a ${screen}`, () => {
    let app: OpenedApp;
    let page: Page;
    const panel = () => page.getByRole('region', { name: /同步冲突/ });
    const press = async (name: string | RegExp) => {
      const button = panel().getByRole('button', { name });
      if (screen === 'phone') await button.tap();
      else await button.click();
    };

    beforeAll(async () => {
      app = await openApp({ viewport: screen });
      page = app.page;
      await seed(page);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('lists the three conflicts, at the bottom of a phone screen and nothing wider than it', async () => {
      await expect.poll(() => panel().getByRole('heading').textContent(), { timeout: 10_000 }).toBe('同步冲突（3）');
      await expect.poll(() => panel().getByRole('list', { name: '待解决的冲突' }).getByRole('button').count()).toBe(3);
      if (screen === 'phone') {
        const box = (await panel().boundingBox())!;
        expect(Math.round(box.y + box.height)).toBe(844);
        expect((await sidewaysOverflow(page)).wide).toEqual([]);
      }
    });

    it('a conflict that merges by itself is resolved without asking: my note on their revision', async () => {
      await expect.poll(async () => (await resolved(page, 'c-merges'))?.edits.flatMap((e) => e.edits)).toEqual([
        { kind: 'update-treated-attributes', id: third.properties.id, baseRevision: 3, attributes: { note: '补植' } },
      ]);
      expect((await resolved(page, 'c-merges'))!.label).toMatch(/^sync merged: my edit c-merges/);
    });

    it('keep both: both shapes are on the map with a legend; my shape becomes a new polygon, theirs is untouched', async () => {
      await press(new RegExp(`查看冲突：治理图斑 ${first.properties.id}`));
      await expect.poll(() => mapShapes(page)).toEqual([{ side: 'theirs', geometry: theirShape }, { side: 'mine', geometry: mineShape }]);
      // Brought into view clear of the panel (a bottom sheet on the phone, at the side on a desk).
      await waitForMapIdle(page);
      const panelBox = (await panel().boundingBox())!;
      for (const shape of [mineShape, theirShape]) {
        const point = await screenPoint(page, centroid(shape).geometry.coordinates as [number, number]);
        expect(screen === 'phone' ? point.y < panelBox.y : point.x < panelBox.x).toBe(true);
      }
      const legend = panel().getByRole('list', { name: '地图图例' });
      expect(await legend.textContent()).toContain('我的形状（蓝色实线）');
      expect(await legend.textContent()).toContain('对方的形状（橙色虚线）');
      expect(await panel().getByRole('table', { name: '属性差异' }).getByRole('row', { name: /形状 \(冲突\)/ }).count()).toBe(1);
      await press('两者都保留');
      await expect.poll(() => panel().getByRole('heading').textContent()).toBe('同步冲突（2）');
      const stored = (await resolved(page, 'c-shape'))!;
      expect(stored.choice).toBe('keep-both');
      const edits = stored.edits.flatMap((e) => e.edits);
      expect(edits).toHaveLength(1);
      const created = edits[0] as { kind: string; baseRevision: number; feature: TreatedFeature };
      expect(created.kind).toBe('create-treated');
      expect(created.baseRevision).toBe(0);
      expect(created.feature.geometry).toEqual(mineShape);
      expect(created.feature.properties.id).not.toBe(first.properties.id);
      expect(created.feature.properties.id.startsWith(`${programme.id}-U-`)).toBe(true);
      expect(stored.label).toContain(`treated ${first.properties.id} r2 by 李华`);
      await expect.poll(() => mapShapes(page)).toEqual([]);
    });

    it('mine: my note replaces theirs on their revision, their new date kept', async () => {
      await press(new RegExp(`查看冲突：治理图斑 ${second.properties.id}`));
      const table = panel().getByRole('table', { name: '属性差异' });
      const note = table.getByRole('row', { name: /备注 \(冲突\)/ });
      expect(await note.getByRole('cell').allTextContents()).toEqual([second.properties.note || '—', '我的备注', '对方的备注']);
      expect(await panel().getByRole('button', { name: '两者都保留' }).count()).toBe(1);
      await press('保留我的');
      await expect.poll(() => panel().getByRole('heading').textContent()).toBe('同步冲突（1）');
      const stored = (await resolved(page, 'c-note'))!;
      expect(stored.edits.flatMap((e) => e.edits)).toEqual([{ kind: 'update-treated-attributes', id: second.properties.id, baseRevision: 4, attributes: { note: '我的备注' } }]);
      expect(stored.label).toContain('kept mine (c-note), replaced treated');
    });

    it('theirs: their send-back stands (my acceptance cannot follow it), nothing is pushed, and the label names my edit', async () => {
      await press(/查看冲突：图斑 QA-M01-P1 的验收/);
      // The flow lets no acceptance follow a send-back: only theirs can stand.
      expect(await panel().getByRole('group', { name: '选择保留哪个版本' }).getByRole('button').allTextContents()).toEqual(['采用对方的']);
      await press('采用对方的');
      await expect.poll(() => panel().count()).toBe(0);
      const stored = (await resolved(page, 'c-review'))!;
      expect(stored.edits).toEqual([]);
      expect(stored.label).toContain('my edit c-review not applied');
    });
  });
}

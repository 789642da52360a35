// Imported parcels and zones enter the stored programme in one transaction, other tabs see them,
// and an import clashing with stored ids changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { ParcelFeature, ZoneFeature } from '../../../src/domain/model.ts';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { SQUARE_3, snapshotWhere, testDatabase } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const parcel = (id: string): ParcelFeature => ({
  type: 'Feature', geometry: SQUARE_3,
  properties: { id, mine_id: 'T-M1', name: `导入 ${id}`, damage_type: 'open_pit', direction: 'forest', status: 'untreated', tbdl: null, note: '' },
});
const zone = (id: string): ZoneFeature => ({
  type: 'Feature', geometry: { type: 'LineString', coordinates: [[118.5, 40], [118.6, 40.1]] },
  properties: { id, name: '新路', name_en: 'New road', zone_type: 'traffic_line', note: '' },
});

describe('importing reference layers', () => {
  it('adds parcels in one step, seen by this tab and another', async () => {
    const database = testDatabase();
    const a = await database.open();
    const b = await database.open();
    open.push(a, b);
    const before = a.getSnapshot().programme.parcels.features.length;
    await expect(a.importReference({ layer: 'parcels', features: [parcel('IMP-1'), parcel('IMP-2')] })).resolves.toBe(2);
    expect(a.getSnapshot().programme.parcels.features.map((p) => p.properties.id)).toEqual(expect.arrayContaining(['IMP-1', 'IMP-2']));
    expect(a.getSnapshot().programme.parcels.features).toHaveLength(before + 2);
    await snapshotWhere(b, (s) => s.programme.parcels.features.length === before + 2);
  });

  it('adds zones, and they survive reopening', async () => {
    const database = testDatabase();
    const a = await database.open();
    await a.importReference({ layer: 'zones', features: [zone('Z-NEW')] });
    await a.close();
    const again = await database.open();
    open.push(again);
    expect(again.getSnapshot().programme.zones.features.map((z) => z.properties.id)).toContain('Z-NEW');
  });

  it('refuses an import with an id already stored, and changes nothing', async () => {
    const database = testDatabase();
    const a = await database.open();
    open.push(a);
    const stored = a.getSnapshot().programme.parcels.features[0]!.properties.id;
    const before = a.getSnapshot();
    await expect(a.importReference({ layer: 'parcels', features: [parcel('IMP-9'), parcel(stored)] })).rejects.toMatchObject({ code: 'already_exists' });
    expect(a.getSnapshot()).toBe(before);
    const reopened = await database.open();
    open.push(reopened);
    expect(reopened.getSnapshot().programme.parcels.features.map((p) => p.properties.id)).not.toContain('IMP-9');
  });
});

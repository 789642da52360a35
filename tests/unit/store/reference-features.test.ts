// What may be imported, and when imported records may be removed again: each rule on its own.
import { describe, expect, it } from 'vitest';
import type { Mine, ParcelFeature, Township } from '../../../src/domain/model.ts';
import { importProblems, NO_REFERENCE_FEATURES, removalBlocker, type Dependants } from '../../../src/store/reference-features.ts';
import { SQUARE_1 } from '../../helpers/field-store.ts';

const township: Township = { id: 'TS-NEW', name: '新镇', name_en: 'New town' };
const mine = (id: string, townshipId = 'T-TS1'): Mine => ({ id, name: '新矿', name_en: '', mineral: '', township_id: townshipId, category: 'abandoned', responsible_party: null, location: [118.5, 40.1] });
const parcel = (id: string, mineId: string): ParcelFeature => ({
  type: 'Feature', geometry: SQUARE_1, properties: { id, mine_id: mineId, name: '', damage_type: 'open_pit', direction: 'forest', status: 'untreated', tbdl: null, note: '' },
});
const nothingElse: Dependants = { treated: [], reviews: [], parcels: [], mines: [], targetTownships: new Set() };

describe('imported records', () => {
  it('are refused with an id twice, a parcel that is not an area, a mine with no name', () => {
    expect(importProblems({ ...NO_REFERENCE_FEATURES, parcels: [parcel('P1', 'M1'), parcel('P1', 'M1')] })).toEqual(['parcels P1 appears twice in the import']);
    expect(importProblems({ ...NO_REFERENCE_FEATURES, parcels: [{ ...parcel('P2', 'M1'), geometry: { type: 'Point', coordinates: [1, 2] } as never }] })).toEqual(['parcel P2 is not a polygon']);
    expect(importProblems({ ...NO_REFERENCE_FEATURES, mines: [{ ...mine('M9'), name: undefined as never }] })).toEqual(['mine M9 has no name']);
    expect(importProblems({ townships: [township], mines: [mine('M1', 'TS-NEW')], parcels: [parcel('P1', 'M1')], zones: [] })).toEqual([]);
  });

  it('may be removed when nothing else needs them, and not while a kept record does', () => {
    const features = { townships: [township], mines: [mine('M1', 'TS-NEW')], parcels: [parcel('P1', 'M1')], zones: [] };
    expect(removalBlocker(features, { ...nothingElse, parcels: features.parcels, mines: features.mines })).toBeNull();
    expect(removalBlocker(features, { ...nothingElse, parcels: [parcel('P-OLD', 'M1')] })).toBe('parcel P-OLD belongs to imported mine M1');
    expect(removalBlocker(features, { ...nothingElse, mines: [mine('M-OLD', 'TS-NEW')] })).toBe('mine M-OLD lies in imported township TS-NEW');
    expect(removalBlocker(features, { ...nothingElse, targetTownships: new Set(['TS-NEW']) })).toBe('the target table names imported township TS-NEW');
    expect(removalBlocker(features, { ...nothingElse, reviews: [{ id: 'P1', revision: 2, review: null }] })).toBeNull();
  });
});

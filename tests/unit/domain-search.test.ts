import { describe, expect, it } from 'vitest';
import { searchProgramme } from '../../src/domain/programme-search.ts';
import type { Mine, Programme } from '../../src/domain/model.ts';

const mine = (id: string, name: string, name_en: string): Mine => ({
  id, name, name_en, mineral: '铁矿', township_id: 'T', category: 'abandoned', responsible_party: null, location: [118.7, 40],
});
const parcel = (id: string, mine_id: string, name: string) => ({
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: [] },
  properties: { id, mine_id, name, damage_type: 'open_pit' as const, direction: 'forest' as const, status: 'untreated' as const, tbdl: null, note: '' },
});
const programme = Object.freeze({
  mines: [mine('QA-M01', '水厂铁矿', 'Shuichang Iron Mine'), mine('QA-M02', '大石河铁矿', 'Dashihe Iron Mine')],
  parcels: { type: 'FeatureCollection' as const, features: [parcel('QA-M01-P1', 'QA-M01', '水厂北采场'), parcel('QA-M02-P1', 'QA-M02', '大石河排土场')] },
}) as Pick<Programme, 'mines' | 'parcels'>;

describe('searching the programme', () => {
  it('finds a mine by Chinese name, English name or id, ignoring case and spaces', () => {
    expect(searchProgramme(programme, '大石河')[0]).toMatchObject({ kind: 'mine', id: 'QA-M02' });
    expect(searchProgramme(programme, 'shuichang iron')[0]).toMatchObject({ kind: 'mine', id: 'QA-M01' });
    expect(searchProgramme(programme, 'qa-m02')[0]).toMatchObject({ kind: 'mine', id: 'QA-M02' });
  });

  it('finds a parcel by id or name and tells its mine', () => {
    const hit = searchProgramme(programme, 'QA-M02-P1')[0]!;
    expect(hit).toMatchObject({ kind: 'parcel', id: 'QA-M02-P1' });
    expect(hit.mine?.name).toBe('大石河铁矿');
    expect(searchProgramme(programme, '北采场').map((h) => h.id)).toEqual(['QA-M01-P1']);
  });

  it('ranks exact and prefix matches before substring matches', () => {
    const ids = searchProgramme(programme, 'QA-M01').map((h) => h.id);
    expect(ids).toEqual(['QA-M01', 'QA-M01-P1']);
  });

  it('returns nothing for an empty query or no match', () => {
    expect(searchProgramme(programme, '  ')).toEqual([]);
    expect(searchProgramme(programme, '金矿')).toEqual([]);
  });
});

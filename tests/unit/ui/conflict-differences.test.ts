import { describe, expect, it } from 'vitest';
import { conflictTargets } from '../../../src/store/conflict-resolution.ts';
import { differenceRows, targetName } from '../../../src/ui/conflict-differences.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { SQUARE_2, SQUARE_3, treatedFeature } from '../../helpers/field-store.ts';

// SQUARE_1 is 0.01° × 0.01° at 40.10–40.11° N: about 851 m × 1110 m ≈ 945 000 m², about 1418 亩 (1 亩 = 666.67 m²).
const base = treatedFeature('T-T1', { note: '' });

describe('a conflict as the user reads it', () => {
  const [target] = conflictTargets({
    clientEditId: 'c', edit: { kind: 'update-treated-attributes', id: 'T-T1', baseRevision: 1, attributes: { note: '我的' } },
    base: [{ layer: 'treated', id: 'T-T1', revision: 1, value: base }],
    theirs: [{ layer: 'treated', id: 'T-T1', revision: 2, value: { ...base, geometry: SQUARE_2, properties: { ...base.properties, note: '他的' } }, who: '乙', at: '2025-11-20T03:00:00Z' }],
  });

  it('names the target and lists each difference as base / mine / theirs, in Chinese and in English', () => {
    const zh = translator('zh');
    expect(targetName(target!, zh)).toBe('治理图斑 T-T1');
    const rows = differenceRows(target!, zh);
    expect(rows.map((r) => [r.field, r.base, r.mine, r.theirs, r.conflicting])).toEqual([
      ['形状', expect.stringMatching(/^形状，1,4[12]\d\.\d\d 亩$/), expect.stringMatching(/^形状，1,4[12]\d\.\d\d 亩$/), expect.stringMatching(/亩$/), false],
      ['备注', '—', '我的', '他的', true],
    ]);
    const en = differenceRows(target!, translator('en'));
    expect(en[1]).toMatchObject({ field: 'Note', base: '—', mine: '我的', theirs: '他的' });
  });

  it('a deletion reads as such', () => {
    const [deleted] = conflictTargets({
      clientEditId: 'd', edit: { kind: 'delete-treated', id: 'T-T1', baseRevision: 1 },
      base: [{ layer: 'treated', id: 'T-T1', revision: 1, value: base }],
      theirs: [{ layer: 'treated', id: 'T-T1', revision: 2, value: { ...base, geometry: SQUARE_3 }, who: '乙', at: '2025-11-20T03:00:00Z' }],
    });
    expect(differenceRows(deleted!, translator('zh')).map((r) => [r.field, r.base, r.mine, r.theirs])).toEqual([['是否存在', '存在', '已删除', '存在']]);
  });
});

// Edited and imported targets are stored through the field store: journaled, undoable, kept over
// a reload, checked against the programme's townships, and the programme's own table is kept.
import { afterEach, describe, expect, it } from 'vitest';
import type { TargetTable } from '../../../src/domain/model.ts';
import type { FieldStore } from '../../../src/persistence/field-store.ts';
import { setTargets } from '../../../src/store/review-edits.ts';
import { fieldProgramme, testDatabase } from '../../helpers/field-store.ts';

const open: FieldStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
const track = (store: FieldStore): FieldStore => (open.push(store), store);

const edited: TargetTable = {
  rows: [
    { township_id: 'T-TS1', category_group: 'producing', year: 2025, target_mu: 55 },
    { township_id: 'T-TS1', category_group: 'closed_and_abandoned', year: 2025, target_mu: 12.5 },
  ],
  stated_totals: [{ year: 2025, target_mu: 70 }],
  source: '2025年度调整',
};

describe('targets in the field store', () => {
  it('replaces the programme targets, keeps them over a reload, and undo returns to the programme’s', async () => {
    const database = testDatabase();
    const first = await database.open();
    await first.transact(setTargets(first.getSnapshot(), edited), '王审');
    expect(first.getSnapshot().programme.targets).toEqual(edited);
    expect(first.getSnapshot().programmeTargets).toEqual(fieldProgramme().targets);
    expect((await first.journal(1))[0]).toMatchObject({ who: '王审', edit: { kind: 'set-targets' } });
    await first.close();

    const second = track(await database.open());
    expect(second.getSnapshot().programme.targets).toEqual(edited);
    await second.undo('王审');
    expect(second.getSnapshot().programme.targets).toEqual(fieldProgramme().targets);
    await second.redo('王审');
    expect(second.getSnapshot().programme.targets).toEqual(edited);
    await second.transact(setTargets(second.getSnapshot(), null), '王审');
    expect(second.getSnapshot().programme.targets).toEqual(fieldProgramme().targets);
  });

  it('refuses rows naming a township the programme does not have, or negative areas, and stores nothing', async () => {
    const store = track(await testDatabase().open());
    const bad: TargetTable = { ...edited, rows: [{ township_id: 'NOWHERE', category_group: 'producing', year: 2025, target_mu: -1 }] };
    await expect(store.transact(setTargets(store.getSnapshot(), bad), '王审')).rejects.toMatchObject({
      code: 'invalid_edit', message: expect.stringMatching(/township "NOWHERE" is not in this programme.*not an area in 亩/),
    });
    expect(store.getSnapshot().targetsRecord).toBeNull();
  });

  it('accepts totals that disagree with the rows, as real plans do', async () => {
    const store = track(await testDatabase().open());
    await store.transact(setTargets(store.getSnapshot(), { ...edited, stated_totals: [{ year: 2025, to_year: 2026, target_mu: 404 }] }), '王审');
    expect(store.getSnapshot().programme.targets.stated_totals).toEqual([{ year: 2025, to_year: 2026, target_mu: 404 }]);
  });
});

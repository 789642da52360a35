// Edited and imported targets are stored through the field store: journaled, undoable, kept over
// a reload (periods too), checked against the programme's townships and for periods that end
// before they begin, and the programme's own table is kept.
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

  it('keeps targets for periods over a reload, and refuses a period that ends before it begins or a second target for the same period', async () => {
    const database = testDatabase();
    const first = await database.open();
    const periods: TargetTable = {
      ...edited,
      rows: [
        { township_id: 'T-TS1', category_group: 'closed_and_abandoned', year: 2022, to_year: 2023, target_mu: 85.5 },
        // Overlapping the period is allowed here: the dashboard flags it (domain/target-overlaps.ts).
        { township_id: 'T-TS1', category_group: 'closed_and_abandoned', year: 2023, target_mu: 10 },
      ],
    };
    await first.transact(setTargets(first.getSnapshot(), periods), '王审');
    await first.close();
    const second = track(await database.open());
    expect(second.getSnapshot().programme.targets).toEqual(periods);

    const reversed = { ...periods, rows: [{ township_id: 'T-TS1', category_group: 'producing' as const, year: 2024, to_year: 2023, target_mu: 1 }] };
    await expect(second.transact(setTargets(second.getSnapshot(), reversed), '王审')).rejects.toMatchObject({ message: expect.stringMatching(/target row 1: the period's last year 2023 is not a year from 2024 on/) });
    const twice = { ...periods, rows: [periods.rows[0]!, { ...periods.rows[0]!, target_mu: 1 }] };
    await expect(second.transact(setTargets(second.getSnapshot(), twice), '王审')).rejects.toMatchObject({ message: expect.stringMatching(/target row 2: a second target for T-TS1, closed_and_abandoned, 2022-2023/) });
    expect(second.getSnapshot().programme.targets).toEqual(periods);
  });

  it('accepts totals that disagree with the rows, as real plans do', async () => {
    const store = track(await testDatabase().open());
    await store.transact(setTargets(store.getSnapshot(), { ...edited, stated_totals: [{ year: 2025, to_year: 2026, target_mu: 404 }] }), '王审');
    expect(store.getSnapshot().programme.targets.stated_totals).toEqual([{ year: 2025, to_year: 2026, target_mu: 404 }]);
  });
});

// Targets in and out of CSV: an export reads back unchanged (rows and stated totals, in either
// language), 公顷 become 亩, a plan's own layout (names, 合计 rows, periods) is understood, and
// bad lines are refused with their line number.
import { describe, expect, it } from 'vitest';
import { readTargetsCsv, writeTargetsCsv } from '../../../src/io/targets-csv.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { targetsCsvReason } from '../../../src/ui/targets-csv-reason.ts';
import { demoProgramme } from '../../helpers/demo-files.ts';

const programme = demoProgramme();
const townships = programme.townships;

describe('targets CSV', () => {
  it('writes UTF-8 with a byte-order mark, and reads its own export back unchanged in both languages', () => {
    const table = { ...programme.targets, stated_totals: [...programme.targets.stated_totals, { year: 2019, to_year: 2020, township_id: 'QA-TS-CY', category_group: 'producing' as const, target_mu: 300 }] };
    for (const language of ['zh', 'en'] as const) {
      const text = writeTargetsCsv(table, townships, language);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const read = readTargetsCsv(text, townships, table.source);
      expect(read).toEqual({ ok: true, value: table });
    }
  });

  it('reads a plan’s own layout: township names, 公顷, and 合计 rows for periods', () => {
    const text = [
      '乡镇,矿山类别,年度,目标面积（公顷）',
      '马兰庄镇,生产矿山,2021,2',
      '蔡园镇,闭坑、政策性关闭和废弃矿山,2021年,1.5',
      '合计,,2019—2020,27.4',
    ].join('\n');
    const read = readTargetsCsv(text, townships, 'plan.csv');
    expect(read).toEqual({
      ok: true,
      value: {
        rows: [
          { township_id: 'QA-TS-ML', category_group: 'producing', year: 2021, target_mu: 30 },
          { township_id: 'QA-TS-CY', category_group: 'closed_and_abandoned', year: 2021, target_mu: 22.5 },
        ],
        stated_totals: [{ year: 2019, to_year: 2020, target_mu: 411 }],
        source: 'plan.csv',
      },
    });
  });

  it('reads targets for periods as seed 002 writes them (2022年-2023年, 2024—2025, 2022–2025) and writes them back as 2022-2023', () => {
    const youhao = [{ id: 'YH', name: '友好区', name_en: 'Youhao District' }];
    const text = [
      '单位,矿山类别,年度,目标面积（公顷）',
      '友好区,闭坑、政策性关闭和废弃矿山,2022年-2023年,5.7',
      '友好区,闭坑、政策性关闭和废弃矿山,2024—2025,18.85',
      '合计,,2022–2025,24.55',
    ].join('\n');
    const read = readTargetsCsv(text, youhao, '002.csv');
    const table = {
      rows: [
        { township_id: 'YH', category_group: 'closed_and_abandoned' as const, year: 2022, to_year: 2023, target_mu: 85.5 },
        { township_id: 'YH', category_group: 'closed_and_abandoned' as const, year: 2024, to_year: 2025, target_mu: 282.75 },
      ],
      stated_totals: [{ year: 2022, to_year: 2025, target_mu: 368.25 }],
      source: '002.csv',
    };
    expect(read).toEqual({ ok: true, value: table });
    const written = writeTargetsCsv(table, youhao, 'zh');
    expect(written.split('\r\n')[1]).toBe('任务,YH,友好区,闭坑、政策性关闭和废弃矿山,2022-2023,85.5,5.7');
    expect(readTargetsCsv(written, youhao, '002.csv')).toEqual({ ok: true, value: table });
  });

  it('reads a period of one year as that year, and refuses a period that ends before it begins or a year out of range', () => {
    expect(readTargetsCsv('乡镇,矿山类别,年度,目标面积（亩）\n蔡园镇,生产矿山,2021-2021,5', townships, 'x')).toEqual({
      ok: true, value: { rows: [{ township_id: 'QA-TS-CY', category_group: 'producing', year: 2021, target_mu: 5 }], stated_totals: [], source: 'x' },
    });
    const read = readTargetsCsv('乡镇,矿山类别,年度,目标面积（亩）\n蔡园镇,生产矿山,2023-2022,5\n蔡园镇,生产矿山,1021,5', townships, 'x');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.reason).toMatch(/line 2: year “2023-2022” is not a year or a period/);
    expect(read.reason).toMatch(/line 3: year “1021”/);
  });

  it('refuses unknown townships and groups, bad years and areas, duplicates, naming the lines', () => {
    const text = [
      'township,category_group,year,target_mu',
      'Atlantis,producing,2021,5',
      'Caiyuan Town,quarries,2021,5',
      'Caiyuan Town,producing,21,5',
      'Caiyuan Town,producing,2022,-3',
      'Caiyuan Town,producing,2023,4',
      'QA-TS-CY,producing,2023,4',
    ].join('\n');
    const read = readTargetsCsv(text, townships, 'x');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.reason).toMatch(/line 2: township “Atlantis” is not in this programme/);
    expect(read.reason).toMatch(/line 3: category group “quarries”/);
    expect(read.reason).toMatch(/line 4: year “21”/);
    expect(read.reason).toMatch(/line 5: target “-3” is not an area/);
    expect(read.reason).toMatch(/line 7: a second target for 蔡园镇 生产矿山 2023/);
    // The same problems as codes and values, said in the UI's language with nothing English in the Chinese.
    expect(read.problems).toEqual([
      { code: 'unknown_township', line: 2, value: 'Atlantis' },
      { code: 'unknown_group', line: 3, value: 'quarries' },
      { code: 'bad_year', line: 4, value: '21' },
      { code: 'bad_target', line: 5, value: '-3' },
      { code: 'duplicate', line: 7, township: '蔡园镇', townshipEn: 'Caiyuan Town', group: 'producing', year: '2023' },
    ]);
    expect(targetsCsvReason(translator('zh'), 'zh', read.problems)).toBe([
      '第 2 行：乡镇“Atlantis”不在本项目中',
      '第 3 行：矿山类别组“quarries”既不是生产矿山，也不是闭坑、政策性关闭和废弃矿山',
      '第 4 行：“21”不是年度或时段（如 2019-2020）',
      '第 5 行：目标“-3”不是不小于 0 的面积',
      '第 7 行：蔡园镇生产矿山 2023 的目标重复',
    ].join('；'));
    expect(targetsCsvReason(translator('en'), 'en', read.problems)).toMatch(/^line 2: township “Atlantis” is not in this programme; .*; line 7: a second target for Caiyuan Town Producing mines 2023$/);
    const many = readTargetsCsv(['乡镇,矿山类别,年度,目标面积（亩）', ...Array.from({ length: 7 }, () => '蔡园镇,生产矿山,21,5')].join('\n'), townships, 'x');
    if (many.ok) throw new Error('bad years were read');
    expect(targetsCsvReason(translator('zh'), 'zh', many.problems)).toMatch(/第 6 行：“21”不是年度或时段（如 2019-2020）；另有 2 处$/);
  });

  it('refuses a file without the columns it needs', () => {
    expect(readTargetsCsv('乡镇,年度\n蔡园镇,2021', townships, 'x')).toEqual({
      ok: false, reason: expect.stringMatching(/line 1: no target column/), problems: [{ code: 'no_target_column', line: 1 }],
    });
    expect(readTargetsCsv('', townships, 'x')).toEqual({ ok: false, reason: 'the file is empty', problems: [{ code: 'empty' }] });
    expect(targetsCsvReason(translator('zh'), 'zh', [{ code: 'no_target_column', line: 1 }])).toBe('第 1 行：没有以亩或公顷计的目标列（目标面积（亩）、目标面积（公顷））');
  });
});

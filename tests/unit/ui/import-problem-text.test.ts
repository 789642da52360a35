// The import dialog's problem list: one line per kind with its count, notices before errors, and
// every word in the UI's language (issue 15). The problems come from reading a real file.
import { describe, expect, it } from 'vitest';
import { groupProblems } from '../../../src/io/problem-groups.ts';
import { applyFieldMapping } from '../../../src/io/mapping/apply-field-mapping.ts';
import { translator } from '../../../src/ui/i18n/translate.ts';
import { problemGroupText } from '../../../src/ui/import-problem-text.ts';
import { preview } from '../../helpers/interchange-fixtures.ts';
import { NOTICED, POINTS, pointsAndNotices } from '../../helpers/points-and-notices.ts';

const file = () => ({ name: 'points.geojson', bytes: new TextEncoder().encode(JSON.stringify(pointsAndNotices())) });
const codeLabel = (_field: string, code: string) => code;
/** Latin letters outside the feature numbers and values the file itself gave. */
const latin = (text: string) => text.replace(/[#A-Z]-?\d+|#\d+/g, '').match(/[A-Za-z]+/g) ?? [];

describe('grouping an import\'s problems', () => {
  it('gives the 459 points one line and lists the 3 repeated-vertex notices first', async () => {
    const p = await preview([file()]);
    expect(p.problems).toHaveLength(POINTS + NOTICED.length);
    const groups = groupProblems(p.problems);
    expect(groups.map((g) => [g.severity, g.code, g.problems.length])).toEqual([
      ['notice', 'repeated_vertices_dropped', 3],
      ['error', 'wrong_type', POINTS],
    ]);
    expect(groups[0]!.problems.map((x) => x.featureId)).toEqual(NOTICED);
  });

  it('says each kind in Chinese with no English in it, and in English when asked', async () => {
    const p = await preview([file()]);
    const groups = groupProblems(p.problems);
    const zh = groups.map((g) => problemGroupText(translator('zh'), g, codeLabel));
    expect(zh.map((x) => x.line)).toEqual(['3 个要素：已删除重复顶点', '459 个点被跳过：矿山图斑须为面']);
    expect(zh[1]!.examples).toBe('如 P-1、P-2、P-3等');
    expect(zh[1]!.all).toHaveLength(POINTS);
    for (const text of zh) expect(latin([text.line, text.examples, ...text.all].join(' '))).toEqual([]);
    const en = groups.map((g) => problemGroupText(translator('en'), g, codeLabel));
    expect(en.map((x) => x.line)).toEqual(['3 features: repeated vertices dropped', '459 points skipped: Mine parcels are areas']);
  });

  it('tells apart kinds of one code: points and lines that cannot be parcels are two lines', () => {
    const wrong = (i: number, geometry: string) => ({ featureIndex: i, featureId: `#${i + 1}`, code: 'wrong_type' as const, severity: 'error' as const, reason: 'x', params: { geometry, layer: 'parcels' }, stage: 'layer' as const });
    const groups = groupProblems([wrong(0, 'Point'), wrong(1, 'LineString'), wrong(2, 'Point')]);
    expect(groups.map((g) => [g.params.geometry, g.problems.length])).toEqual([['Point', 2], ['LineString', 1]]);
    const t = translator('zh');
    expect(problemGroupText(t, groups[1]!, codeLabel).line).toBe('1 条线被跳过：矿山图斑须为面');
    expect(problemGroupText(translator('en'), groups[1]!, codeLabel).line).toBe('1 line skipped: Mine parcels are areas');
  });

  it('says in Chinese which values have no code and what they become, with no English reason', async () => {
    const value = { type: 'FeatureCollection', features: ['水域', '耕地', '湿地'].map((d, i) => ({
      type: 'Feature', properties: { 编号: `Z${i}`, 修复方向: d }, geometry: { type: 'Polygon', coordinates: [[[118 + i * 0.01, 40], [118.005 + i * 0.01, 40], [118.005 + i * 0.01, 40.005], [118 + i * 0.01, 40]]] },
    })) };
    const p = await preview([{ name: 'f.geojson', bytes: new TextEncoder().encode(JSON.stringify(value)) }]);
    const groups = groupProblems(p.problems);
    const texts = groups.map((g) => problemGroupText(translator('zh'), g, (_f, code) => (code === 'natural' ? '自然恢复' : code)).line);
    expect(texts).toEqual(['修复方向 的 2 个取值（“水域”、“湿地”）没有对应的“修复方向”代码：按“自然恢复”处理']);
    // Applying the mapping says it once per feature: one line, each feature with its own value.
    const applied = groupProblems(applyFieldMapping(p, p.mapping).problems.filter((x) => x.code === 'unmapped_value'));
    expect(applied).toHaveLength(1);
    const text = problemGroupText(translator('zh'), applied[0]!, codeLabel);
    expect(text.line).toBe('2 个要素：“修复方向”的值没有对应的代码');
    expect(text.all).toEqual(['Z0：“水域”', 'Z2：“湿地”']);
  });
});

// The dashboard shows treated area of unknown year (polygons without a treatment date) as a row
// of its own after the years and periods, in the table, the chart and the detailed table, with a
// note saying it is counted in no year; rendered to static HTML in both languages.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UNKNOWN_YEAR } from '../../../src/domain/analysis-types.ts';
import type { Mine, TargetTable } from '../../../src/domain/model.ts';
import { targetProgress } from '../../../src/domain/target-progress.ts';
import { LanguageProvider } from '../../../src/ui/i18n/language-context.tsx';
import { ProgressDashboard } from '../../../src/ui/ProgressDashboard.tsx';

const mines: Mine[] = [{ id: 'A', name: '甲', name_en: 'A', mineral: '铁矿', township_id: 'T1', category: 'abandoned', responsible_party: null, location: [118.6, 40.1] }];
const targets: TargetTable = { rows: [{ township_id: 'T1', category_group: 'closed_and_abandoned', year: 2022, target_mu: 3 }], stated_totals: [], source: 'test' };
// 2000 m² = 3 亩 dated 2022, 1000 m² = 1.5 亩 of unknown year.
const parcels = [{ id: 'P1', mine_id: 'A', area_m2: 10_000, treated_m2: 3000, treated_by_year: { 2022: 2000, [UNKNOWN_YEAR]: 1000 } }];

function render(language: 'zh' | 'en', withUnknown: boolean): string {
  const progress = targetProgress({ targets, townships: [{ id: 'T1' }], mines, parcels: withUnknown ? parcels : [{ ...parcels[0]!, treated_m2: 2000, treated_by_year: { 2022: 2000 } }], statuses: new Map() });
  const dashboard = createElement(ProgressDashboard, {
    programme: { id: 'X', townships: [{ id: 'T1', name: '一镇', name_en: 'One' }], targets },
    progress, inconsistencies: [], overlaps: [], busy: false, targetEditor: null, onClose: () => undefined,
    asOf: { date: '', onDate: () => undefined, computing: false, failed: false },
  } as Parameters<typeof ProgressDashboard>[0]);
  return renderToStaticMarkup(createElement(LanguageProvider, { language, onChange: () => undefined, children: dashboard }));
}

const rowText = (html: string, key: string): string[] =>
  [...html.matchAll(new RegExp(`<tr data-row="${key}">(.*?)</tr>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, '|'));

describe('the dashboard with treated area of unknown year', () => {
  it('has a 年份未知 row after the years, in the span table and the detailed table, and a note', () => {
    const html = render('zh', true);
    const rows = [...html.matchAll(/<tr data-row="([^"]+)"/g)].map((m) => m[1]);
    expect(rows.indexOf('unknown')).toBe(rows.indexOf('2022') + 1);
    const [spanRow] = rowText(html, 'unknown');
    expect(spanRow).toMatch(/^\|年份未知\|\|0\.00\|\|1\.50\|\|0\.00\|\|—\|\|3\.00\|\|4\.50\|\|150\.0%\|$/);
    expect(rowText(html, 'unknown/T1/closed_and_abandoned')[0]).toMatch(/^\|年份未知\|\|一镇\|/);
    expect(html).toContain('另有 2 亩 治理面积的治理图斑没有治理日期');
  });

  it('names it in English too', () => {
    const html = render('en', true);
    expect(rowText(html, 'unknown')[0]).toMatch(/^\|Year unknown\|/);
    expect(html).toContain('was treated by polygons with no treatment date');
  });

  it('has no such row or note when every treated area has a year', () => {
    const html = render('zh', false);
    expect(html).not.toContain('年份未知');
    expect(html).not.toContain('data-figure="unknown-year"');
  });
});

// The planner's tab says how many treated polygons were counted without a treatment date,
// from the analysis's own results (rendered to static HTML in both languages).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createAnalysis } from '../../../src/domain/analysis-engine.ts';
import type { AnalysisResults } from '../../../src/domain/analysis-types.ts';
import { DEFAULT_CONFLICT_QUERY } from '../../../src/domain/conflict-list.ts';
import { BUILT_IN_PRESETS, GENERAL_PRESET } from '../../../src/domain/buffer-presets.ts';
import type { Programme } from '../../../src/domain/model.ts';
import { LanguageProvider } from '../../../src/ui/i18n/language-context.tsx';
import { PlannerPanel } from '../../../src/ui/PlannerPanel.tsx';
import { feature, parcel, rect, treated } from '../../helpers/analysis-features.ts';

async function results(treatedFeatures: ReturnType<typeof feature>[]): Promise<AnalysisResults> {
  const analysis = await createAnalysis({ parcels: [parcel('P', rect(118.5, 40, 118.51, 40.01))], zones: [], treated: treatedFeatures, distances: GENERAL_PRESET.distances });
  const out = analysis.results();
  analysis.dispose();
  return out;
}

function render(language: 'zh' | 'en', analysed: AnalysisResults): string {
  const programme = { parcels: { type: 'FeatureCollection', features: [] }, mines: [], townships: [] } as unknown as Programme;
  const noop = (): void => undefined;
  const panel = createElement(PlannerPanel, {
    programme, results: analysed, pending: 0, progress: null, error: null,
    buffers: { distances: GENERAL_PRESET.distances, builtIn: BUILT_IN_PRESETS, userPresets: [], onChange: noop, onSavePreset: noop, onDeletePreset: noop },
    query: DEFAULT_CONFLICT_QUERY, onQuery: noop, selectedId: null, onShow: noop,
  });
  return renderToStaticMarkup(createElement(LanguageProvider, { language, onChange: noop, children: panel }));
}

describe('the planner tab with treated polygons that have no date', () => {
  it('says how many there are, and that they are counted with the year unknown', async () => {
    const analysed = await results([
      feature('a', rect(118.5, 40, 118.502, 40.01)), feature('b', rect(118.503, 40, 118.504, 40.01), { date: '2021-02-30' }),
      treated('c', '2022-01-01', rect(118.505, 40, 118.506, 40.01)),
    ]);
    expect(render('zh', analysed)).toContain('2 个治理图斑没有治理日期：已计入治理面积，年份未知');
    expect(render('en', analysed)).toContain('2 treated polygons have no treatment date: counted, year unknown');
  });

  it('says nothing of dates when every polygon has one', async () => {
    const html = render('zh', await results([treated('c', '2022-01-01', rect(118.505, 40, 118.506, 40.01))]));
    expect(html).not.toContain('治理日期');
    expect(html).not.toContain('data-figure="undated"');
  });
});

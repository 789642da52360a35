// Step 6: what will be created — counts, the extent as a small sketch, problems grouped by kind.
import { useId, useMemo } from 'react';
import { sketchPaths } from '../../domain/sketch-paths.ts';
import { ZONE_TYPES } from '../../domain/model.ts';
import { WIZARD_PROBLEM_KINDS } from '../../io/new-programme/wizard-problem.ts';
import { useI18n } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/zh.ts';
import type { WizardModel } from './wizard-model.ts';

const IMPORT_KINDS = ['wrong_type', 'repeated_vertices_dropped', 'missing_value', 'duplicate_id', 'missing_id', 'unmapped_value'];
const KNOWN = new Set<string>([...WIZARD_PROBLEM_KINDS, ...IMPORT_KINDS]);
const BOX = { width: 320, height: 200, padding: 6 };

export function SummaryStep({ wizard }: { wizard: WizardModel }) {
  const { t, language } = useI18n();
  const list = (items: readonly string[]) => items.join(language === 'zh' ? '、' : ', ');
  const ids = { title: useId(), problems: useId(), sketch: useId() };
  const result = wizard.result;
  const programme = result?.content.programme;
  const sketch = useMemo(() => programme && sketchPaths([...programme.zones.features, ...programme.parcels.features].map((f) => f.geometry), BOX), [programme]);
  if (!result || !programme || !sketch) return null;
  const { summary } = result;
  const zones = programme.zones.features.length;
  const byType = ZONE_TYPES.filter((z) => summary.zones[z] > 0).map((z) => `${t(`zone.${z}`)} ${summary.zones[z]}`);
  const b = summary.bbox;
  const what = (kind: string) => (KNOWN.has(kind) ? t(`wizard.problem.${kind}` as MessageKey) : t('wizard.problem.other', { code: kind }));
  return (
    <>
      <h3 id={ids.title}>{t('wizard.summaryTitle')}：{programme.name}</h3>
      <dl className="wizard-counts" aria-labelledby={ids.title}>
        <dt>{t('wizard.count.parcels')}</dt><dd>{summary.parcels}</dd>
        <dt>{t('wizard.count.mines')}</dt><dd>{summary.mines}</dd>
        <dt>{t('wizard.count.townships')}</dt><dd>{summary.townships}</dd>
        <dt>{t('wizard.count.zones')}</dt><dd>{byType.length > 0 ? t('wizard.zonesByType', { count: zones, types: list(byType) }) : zones}</dd>
        <dt>{t('wizard.count.targets')}</dt><dd>{summary.targets}</dd>
        <dt>{t('wizard.extent')}</dt>
        <dd>{b ? t('wizard.extentText', { west: b[0].toFixed(4), east: b[2].toFixed(4), south: b[1].toFixed(4), north: b[3].toFixed(4) }) : t('wizard.noExtent')}</dd>
      </dl>
      {b && (
        <svg className="wizard-sketch" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby={ids.sketch}>
          <title id={ids.sketch}>{t('wizard.extentSketch')}</title>
          {sketch.paths.map((d, i) => <path key={i} d={d} className={i < zones ? 'zone' : 'parcel'} />)}
        </svg>
      )}
      {b && (
        <p className="wizard-legend">
          <span className="swatch parcel" aria-hidden="true" /> {t('wizard.count.parcels')}
          <span className="swatch zone" aria-hidden="true" /> {t('wizard.count.zones')}
        </p>
      )}
      <h3 id={ids.problems}>{t('wizard.problems')}</h3>
      {summary.problems.length === 0 ? <p>{t('wizard.noProblems')}</p> : (
        <ul aria-labelledby={ids.problems} className="wizard-problems">
          {summary.problems.map((p) => (
            <li key={`${p.severity}/${p.kind}`} className={p.severity}>
              <strong>{t(`wizard.severity.${p.severity}`)}</strong> {t('wizard.problemLine', { count: p.count, what: what(p.kind) })}
              {/* A targets file's reason is the reader's English: the targets step says it in the UI's language. */}
              {p.examples.length > 0 && p.kind !== 'targets_unreadable' && <span className="examples"> — {t('wizard.examples', { items: list(p.examples) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { formatArea } from '../domain/units.ts';
import { useI18n } from './i18n/language-context.tsx';

/** An area in the three units surveyors and reviewers report in. */
export function AreaFigures(props: { m2: number; label: string; note?: string }) {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  return (
    <section className="area-figures" aria-label={props.label}>
      <h3>{props.label}</h3>
      <dl>
        <div><dt>{t('unit.mu')}</dt><dd data-unit="mu">{formatArea(props.m2, 'mu', locale)}</dd></div>
        <div><dt>{t('unit.ha')}</dt><dd data-unit="ha">{formatArea(props.m2, 'ha', locale)}</dd></div>
        <div><dt>{t('unit.m2')}</dt><dd data-unit="m2">{formatArea(props.m2, 'm2', locale)}</dd></div>
      </dl>
      {props.note && <p className="note">{props.note}</p>}
    </section>
  );
}

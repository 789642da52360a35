// The area of the shape being drawn, as it changes, in 亩 and 公顷.
import { formatArea } from '../domain/units.ts';
import { useI18n } from './i18n/language-context.tsx';

export function LiveArea(props: { m2: number }) {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  return (
    <p className="live-area" role="status" aria-label={t('survey.liveArea')}>
      {t('survey.liveArea')}：<strong data-unit="mu">{formatArea(props.m2, 'mu', locale)}</strong> {t('unit.mu')} ·{' '}
      <span data-unit="ha">{formatArea(props.m2, 'ha', locale)}</span> {t('unit.ha')} ·{' '}
      <span data-unit="m2">{formatArea(props.m2, 'm2', locale)}</span> {t('unit.m2')}
    </p>
  );
}

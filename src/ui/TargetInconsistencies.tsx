// Totals the plan states that disagree with its own rows, shown as the plan gives them with the
// rows' sum beside them. Flagged, never corrected: only whoever issued the plan can say which
// number is meant.
import type { TargetInconsistency } from '../domain/target-consistency.ts';
import { useI18n } from './i18n/language-context.tsx';

export function TargetInconsistencies(props: { inconsistencies: TargetInconsistency[]; townshipName: (id: string) => string }) {
  const { t, language } = useI18n();
  if (props.inconsistencies.length === 0) return null;
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const mu = (v: number): string => v.toLocaleString(locale, { maximumFractionDigits: 2 });
  return (
    <section className="warning target-inconsistencies" aria-label={t('targets.inconsistent')}>
      <h3>{t('targets.inconsistent')}</h3>
      <p className="note">{t('targets.inconsistentHint')}</p>
      <ul>
        {props.inconsistencies.map((f, i) => {
          const { total } = f;
          const years = total.to_year !== undefined && total.to_year !== total.year ? `${total.year}–${total.to_year}` : String(total.year);
          const scope = [total.township_id ? props.townshipName(total.township_id) : t('targets.wholeProgramme'), total.category_group ? t(`targetGroup.${total.category_group}`) : null].filter(Boolean).join(' · ');
          return (
            <li key={i}>
              {f.rows === 0
                ? t('targets.noRows', { years, scope, stated: mu(total.target_mu) })
                : t('targets.disagrees', { years, scope, stated: mu(total.target_mu), rows: mu(f.rows_mu), difference: mu(f.difference_mu) })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// Where the plan disagrees with itself: totals that differ from their rows (shown as the plan
// gives them with the rows' sum beside them), and targets of one township and group whose years
// overlap. Flagged, never corrected: only whoever issued the plan can say which number is meant.
import type { StatedTotal } from '../domain/model.ts';
import type { TargetInconsistency } from '../domain/target-consistency.ts';
import type { TargetOverlap } from '../domain/target-overlaps.ts';
import { spanLabel } from '../domain/target-span.ts';
import { useI18n } from './i18n/language-context.tsx';

export interface TargetInconsistenciesProps {
  inconsistencies: TargetInconsistency[];
  overlaps: TargetOverlap[];
  townshipName: (id: string) => string;
}

export function TargetInconsistencies(props: TargetInconsistenciesProps) {
  const { t, language } = useI18n();
  if (props.inconsistencies.length === 0 && props.overlaps.length === 0) return null;
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const mu = (v: number): string => v.toLocaleString(locale, { maximumFractionDigits: 2 });
  const scopeOf = (s: Pick<StatedTotal, 'township_id' | 'category_group'>): string =>
    [s.township_id ? props.townshipName(s.township_id) : t('targets.wholeProgramme'), s.category_group ? t(`targetGroup.${s.category_group}`) : null].filter(Boolean).join(' · ');
  return (
    <section className="warning target-inconsistencies" aria-label={t('targets.inconsistent')}>
      <h3>{t('targets.inconsistent')}</h3>
      <p className="note">{t('targets.inconsistentHint')}</p>
      <ul>
        {props.inconsistencies.map((f, i) => {
          const { total } = f;
          const years = spanLabel(total);
          const scope = scopeOf(total);
          return (
            <li key={`total-${i}`}>
              {f.rows === 0
                ? t('targets.noRows', { years, scope, stated: mu(total.target_mu) })
                : t('targets.disagrees', { years, scope, stated: mu(total.target_mu), rows: mu(f.rows_mu), difference: mu(f.difference_mu) })}
            </li>
          );
        })}
        {props.overlaps.map(({ first, second }, i) => (
          <li key={`overlap-${i}`}>
            {t('targets.overlap', {
              scope: scopeOf(first), first: spanLabel(first), firstMu: mu(first.target_mu), second: spanLabel(second), secondMu: mu(second.target_mu),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

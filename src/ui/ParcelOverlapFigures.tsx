// A parcel's figures from the analysis engine, in the inspector: its overlap with the protection
// buffers (in all, and per zone type), the zones it touches, and its treated area.
import type { ParcelResult } from '../domain/analysis-types.ts';
import { ZONE_TYPES, type Programme } from '../domain/model.ts';
import { formatArea } from '../domain/units.ts';
import { useI18n } from './i18n/language-context.tsx';

export function ParcelOverlapFigures(props: { result: ParcelResult | undefined; pending: boolean; programme: Programme }) {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const { result } = props;
  const area = (m2: number) => `${formatArea(m2, 'mu', locale)} ${t('unit.mu')}（${formatArea(m2, 'm2', locale)} ${t('unit.m2')}）`;
  const percent = (share: number) => (share * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%';
  const zoneName = (id: string) => {
    const zone = props.programme.zones.features.find((z) => z.properties.id === id);
    return zone ? (language === 'en' ? zone.properties.name_en : zone.properties.name) : id;
  };

  if (!result) {
    return (
      <section aria-label={t('inspector.overlap')}>
        <h3>{t('inspector.overlap')}</h3>
        <p className="note">{props.pending ? t('inspector.analysisPending') : t('inspector.analysisMissing')}</p>
      </section>
    );
  }
  const share = (m2: number) => (result.area_m2 > 0 ? m2 / result.area_m2 : 0);
  return (
    <>
      <section aria-label={t('inspector.overlap')}>
        <h3>{t('inspector.overlap')}</h3>
        {result.protected_overlap_m2 > 0 ? (
          <dl className="rows">
            <div><dt>{t('inspector.overlapTotal')}</dt><dd data-figure="overlap">{area(result.protected_overlap_m2)}</dd></div>
            <div><dt>{t('inspector.overlapShare')}</dt><dd data-figure="share">{percent(share(result.protected_overlap_m2))}</dd></div>
            {ZONE_TYPES.filter((z) => result.protected_overlap_by_type[z] > 0).map((z) => (
              <div key={z}>
                <dt>{t('inspector.overlapByType', { type: t(`zone.${z}`) })}</dt>
                <dd data-figure={`overlap-${z}`}>{area(result.protected_overlap_by_type[z])} · {percent(share(result.protected_overlap_by_type[z]))}</dd>
              </div>
            ))}
            <div><dt>{t('inspector.zonesTouched')}</dt><dd>{result.zones.map(zoneName).join('、')}</dd></div>
          </dl>
        ) : <p className="note">{t('inspector.noOverlap')}</p>}
      </section>
      <section aria-label={t('inspector.treated')}>
        <h3>{t('inspector.treated')}</h3>
        <dl className="rows">
          <div><dt>{t('inspector.treated')}</dt><dd data-figure="treated">{area(result.treated_m2)}</dd></div>
          <div><dt>{t('inspector.treatmentRate')}</dt><dd data-figure="rate">{percent(result.treatment_rate)}</dd></div>
        </dl>
      </section>
    </>
  );
}

// The reviewer's dashboard (进度看板): treated against target per year or period, township and
// target group, accepted against merely treated, treatment rates, the plan's own
// inconsistencies, and every table exportable as CSV; now, or as the programme stood at the end
// of a chosen day (the date is on screen and in the CSV file names).
import { useId, useState, type ReactNode } from 'react';
import type { Programme, TargetCategoryGroup } from '../domain/model.ts';
import type { TargetInconsistency } from '../domain/target-consistency.ts';
import type { TargetOverlap } from '../domain/target-overlaps.ts';
import type { ProgressCell, ProgressFigures, SpanProgress, TargetProgress, UnknownYearProgress } from '../domain/target-progress.ts';
import { spanKey, spanLabel } from '../domain/target-span.ts';
import { convertArea, muToM2, type AreaUnit } from '../domain/units.ts';
import { FiguresTable, type FiguresColumn } from './FiguresTable.tsx';
import { ProgressChart } from './ProgressChart.tsx';
import { TargetInconsistencies } from './TargetInconsistencies.tsx';
import { useI18n } from './i18n/language-context.tsx';

export interface ProgressDashboardProps {
  programme: Pick<Programme, 'id' | 'townships' | 'targets'>;
  progress: TargetProgress | null;
  inconsistencies: TargetInconsistency[];
  overlaps: TargetOverlap[];
  /** The day the figures are for ('' for now), and whether they are being measured or failed. */
  asOf: { date: string; onDate: (date: string) => void; computing: boolean; failed: boolean };
  /** Figures are being recomputed: what is shown is from before the last change. */
  busy: boolean;
  targetEditor: ReactNode;
  onClose: () => void;
}

const COLOURS = { target: '#90a4ae', treated: '#43a047', accepted: '#1b5e20' };
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Key of the row of treated area whose polygons have no date, in tables and their CSV. */
const UNKNOWN_ROW = 'unknown';

/** A row of the by-span tables: a span, or the treated area of unknown year after them. */
type SpanRow = SpanProgress | (Omit<UnknownYearProgress, 'cells'> & { unknown: true });
type CellRow = ProgressCell | (UnknownYearProgress['cells'][number] & { unknown: true });
const isUnknown = (row: SpanRow | CellRow): row is Extract<SpanRow | CellRow, { unknown: true }> => 'unknown' in row;

function spanRows(progress: TargetProgress): SpanRow[] {
  const unknown = progress.unknown_year;
  return unknown ? [...progress.spans, { ...unknown, unknown: true }] : progress.spans;
}

function cellRows(progress: TargetProgress): CellRow[] {
  return [...progress.cells, ...(progress.unknown_year?.cells ?? []).map((c) => ({ ...c, unknown: true as const }))];
}

export function ProgressDashboard(props: ProgressDashboardProps) {
  const { t, language } = useI18n();
  const unitId = useId();
  const asOfId = useId();
  const [unit, setUnit] = useState<AreaUnit>('mu');
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const { progress, programme, asOf } = props;
  const file = (table: string): string => `${programme.id}-progress-by-${table}${asOf.date ? `-as-of-${asOf.date}` : ''}.csv`;
  const townshipName = (id: string): string => {
    const township = programme.townships.find((x) => x.id === id);
    return township ? (language === 'en' ? township.name_en : township.name) : id;
  };
  const groupName = (g: TargetCategoryGroup): string => t(`targetGroup.${g}`);
  const rowLabel = (row: SpanRow | CellRow): string => (isUnknown(row) ? t('dashboard.unknownYear') : spanLabel(row));
  const rowKey = (row: SpanRow | CellRow): string => (isUnknown(row) ? UNKNOWN_ROW : spanKey(row));
  const inUnit = (m2: number): number => convertArea(m2, 'm2', unit);
  const format = (v: number): string => v.toLocaleString(locale, { maximumFractionDigits: 0 });
  const series = [
    { label: t('dashboard.target'), colour: COLOURS.target },
    { label: t('dashboard.treated'), colour: COLOURS.treated },
    { label: t('dashboard.accepted'), colour: COLOURS.accepted },
  ];
  const figures = <R extends ProgressFigures>(withArea: boolean): FiguresColumn<R>[] => [
    ...(withArea ? [{ kind: 'area' as const, header: t('dashboard.area'), m2: (r: R) => r.area_m2 }] : []),
    { kind: 'area', header: t('dashboard.target'), m2: (r) => muToM2(r.target_mu) },
    { kind: 'area', header: t('dashboard.treated'), m2: (r) => r.treated_m2 },
    { kind: 'area', header: t('dashboard.accepted'), m2: (r) => r.accepted_m2 },
    { kind: 'rate', header: t('dashboard.completion'), get: (r) => share(r.treated_m2, muToM2(r.target_mu)) },
    ...(withArea ? [{ kind: 'rate' as const, header: t('dashboard.treatmentRate'), get: (r: R) => share(r.treated_m2, r.area_m2) }] : []),
  ];

  return (
    <section className="review-overlay dashboard" aria-label={t('dashboard.title')} aria-busy={props.busy || asOf.computing}>
      <header>
        <h2>{t('dashboard.title')}</h2>
        <label htmlFor={unitId}>{t('dashboard.unit')}</label>
        <select id={unitId} value={unit} onChange={(e) => setUnit(e.target.value as AreaUnit)}>
          <option value="mu">{t('unit.mu')}</option>
          <option value="ha">{t('unit.ha')}</option>
        </select>
        <label htmlFor={asOfId}>{t('dashboard.asOf')}</label>
        <input id={asOfId} type="date" value={asOf.date} onChange={(e) => asOf.onDate(e.target.value)} />
        <button type="button" disabled={asOf.date === ''} onClick={() => asOf.onDate('')}>{t('dashboard.asOfNow')}</button>
        <button type="button" className="icon" aria-label={t('dashboard.close')} onClick={props.onClose}>×</button>
      </header>
      <p className="note as-of" data-figure="as-of">{asOf.date ? t('dashboard.asOfShown', { date: asOf.date }) : t('dashboard.nowShown')}</p>
      <p className="note">{t('dashboard.source', { source: programme.targets.source })}</p>
      <TargetInconsistencies inconsistencies={props.inconsistencies} overlaps={props.overlaps} townshipName={townshipName} />
      {asOf.failed && <p role="alert" className="error">{t('dashboard.asOfFailed', { date: asOf.date })}</p>}
      {!progress && !asOf.failed && <p role="status" className="status">{asOf.date ? t('dashboard.computingAsOf', { date: asOf.date }) : t('dashboard.computing')}</p>}
      {progress && (
        <>
          <dl className="dashboard-summary" aria-label={t('dashboard.summary')}>
            <div><dt>{t('dashboard.target')}</dt><dd data-figure="target">{format(inUnit(muToM2(progress.total.target_mu)))} {t(`unit.${unit}`)}</dd></div>
            <div><dt>{t('dashboard.treated')}</dt><dd data-figure="treated">{format(inUnit(progress.total.treated_m2))} {t(`unit.${unit}`)}</dd></div>
            <div><dt>{t('dashboard.accepted')}</dt><dd data-figure="accepted">{format(inUnit(progress.total.accepted_m2))} {t(`unit.${unit}`)}</dd></div>
            <div><dt>{t('dashboard.acceptedParcels')}</dt><dd data-figure="accepted-parcels">{progress.total.accepted_parcels} / {progress.total.parcels}</dd></div>
            <div><dt>{t('dashboard.treatmentRate')}</dt><dd data-figure="rate">{((share(progress.total.treated_m2, progress.total.area_m2) ?? 0) * 100).toFixed(1)}%</dd></div>
          </dl>
          <ProgressChart
            title={t('dashboard.chartBySpan')}
            unit={t(`unit.${unit}`)}
            series={series}
            format={format}
            groups={spanRows(progress).map((y) => ({ label: rowLabel(y), values: [inUnit(muToM2(y.target_mu)), inUnit(y.treated_m2), inUnit(y.accepted_m2)] }))}
          />
          {progress.unknown_year && <p className="note" data-figure="unknown-year">{t('dashboard.unknownYearNote', { area: format(inUnit(progress.unknown_year.treated_m2)), unit: t(`unit.${unit}`) })}</p>}
          <FiguresTable<SpanRow>
            caption={t('dashboard.bySpan')}
            unit={unit}
            fileName={file('year-or-period')}
            rows={spanRows(progress)}
            rowKey={rowKey}
            columns={[
              { kind: 'text', header: t('dashboard.span'), get: rowLabel },
              ...figures<SpanRow>(false),
              { kind: 'area', header: t('dashboard.cumulativeTarget'), m2: (r) => muToM2(r.cumulative.target_mu) },
              { kind: 'area', header: t('dashboard.cumulativeTreated'), m2: (r) => r.cumulative.treated_m2 },
              { kind: 'rate', header: t('dashboard.cumulativeCompletion'), get: (r) => share(r.cumulative.treated_m2, muToM2(r.cumulative.target_mu)) },
            ]}
          />
          <ProgressChart
            title={t('dashboard.chartByTownship')}
            unit={t(`unit.${unit}`)}
            series={series}
            format={format}
            groups={progress.townships.map((r) => ({ label: townshipName(r.township_id), values: [inUnit(muToM2(r.target_mu)), inUnit(r.treated_m2), inUnit(r.accepted_m2)] }))}
          />
          <FiguresTable
            caption={t('dashboard.byTownship')}
            unit={unit}
            fileName={file('township')}
            rows={progress.townships}
            rowKey={(r) => r.township_id}
            columns={[{ kind: 'text', header: t('field.township'), get: (r) => townshipName(r.township_id) }, ...figures<ProgressFigures & { township_id: string }>(true)]}
          />
          <FiguresTable
            caption={t('dashboard.byGroup')}
            unit={unit}
            fileName={file('group')}
            rows={progress.groups}
            rowKey={(r) => r.group}
            columns={[{ kind: 'text', header: t('dashboard.group'), get: (r) => groupName(r.group) }, ...figures<ProgressFigures & { group: TargetCategoryGroup }>(true)]}
          />
          <details className="dashboard-details">
            <summary>{t('dashboard.details')}</summary>
            <FiguresTable<CellRow>
              caption={t('dashboard.byCell')}
              unit={unit}
              fileName={file('year-or-period-township-group')}
              rows={cellRows(progress)}
              rowKey={(r) => `${rowKey(r)}/${r.township_id}/${r.group}`}
              columns={[
                { kind: 'text', header: t('dashboard.span'), get: rowLabel },
                { kind: 'text', header: t('field.township'), get: (r) => townshipName(r.township_id) },
                { kind: 'text', header: t('dashboard.group'), get: (r) => groupName(r.group) },
                ...figures<CellRow>(false),
              ]}
            />
          </details>
        </>
      )}
      {props.targetEditor}
    </section>
  );
}

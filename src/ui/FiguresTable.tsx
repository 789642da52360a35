// A table of figures with its CSV export. Areas show in the unit the reviewer picked, with the
// others on hover; the CSV carries every area in 亩 and in 公顷, and rates in percent.
import { convertArea, formatArea, type AreaUnit } from '../domain/units.ts';
import { CSV_MEDIA_TYPE, csvNumber, csvText, type CsvCell } from '../io/table/csv-text.ts';
import { useI18n } from './i18n/language-context.tsx';
import { saveFile } from './save-file.ts';

export type FiguresColumn<R> =
  | { kind: 'text'; header: string; get: (row: R) => string }
  | { kind: 'area'; header: string; m2: (row: R) => number }
  /** A share (0.65 = 65%); null where it has no meaning (no target, no area). */
  | { kind: 'rate'; header: string; get: (row: R) => number | null };

export interface FiguresTableProps<R> {
  caption: string;
  columns: FiguresColumn<R>[];
  rows: R[];
  /** Rows' keys, for React and for tests (`data-row`). */
  rowKey: (row: R) => string;
  unit: AreaUnit;
  fileName: string;
}

export function FiguresTable<R>(props: FiguresTableProps<R>) {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);
  const exportCsv = () => {
    const withUnit = (label: string, unit: string): string => t('review.withUnit', { label, unit });
    const header: CsvCell[] = props.columns.flatMap((c) => (c.kind === 'area' ? [withUnit(c.header, t('unit.mu')), withUnit(c.header, t('unit.ha'))] : c.kind === 'rate' ? [withUnit(c.header, '%')] : [c.header]));
    const body = props.rows.map((row) => props.columns.flatMap((c): CsvCell[] => {
      if (c.kind === 'text') return [c.get(row)];
      if (c.kind === 'rate') {
        const share = c.get(row);
        return [share === null ? null : csvNumber(share * 100, 2)];
      }
      const m2 = c.m2(row);
      return [csvNumber(convertArea(m2, 'm2', 'mu'), 4), csvNumber(convertArea(m2, 'm2', 'ha'), 6)];
    }));
    saveFile(csvText([header, ...body]), props.fileName, CSV_MEDIA_TYPE);
  };
  return (
    <div className="figures-table">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>{props.columns.map((c) => <th key={c.header} scope="col">{c.kind === 'area' ? t('review.withUnit', { label: c.header, unit: t(`unit.${props.unit}`) }) : c.header}</th>)}</tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} data-row={props.rowKey(row)}>
              {props.columns.map((c, i) => {
                if (c.kind === 'text') return i === 0 ? <th key={c.header} scope="row">{c.get(row)}</th> : <td key={c.header}>{c.get(row)}</td>;
                if (c.kind === 'rate') return <td key={c.header} className="number">{percent(c.get(row))}</td>;
                const m2 = c.m2(row);
                const others = (['mu', 'ha', 'm2'] as const).filter((u) => u !== props.unit).map((u) => `${formatArea(m2, u, locale)} ${t(`unit.${u}`)}`).join(' · ');
                return <td key={c.header} className="number" title={others}>{formatArea(m2, props.unit, locale)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="no-print" onClick={exportCsv} aria-label={t('dashboard.exportTable', { table: props.caption })}>{t('dashboard.exportCsv')}</button>
    </div>
  );
}

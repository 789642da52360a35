// The planner's conflict list: filters, sortable columns, one button per parcel that shows it on
// the map with its overlap highlighted, and the list as filtered exported as CSV or .xlsx.
import { useId, useMemo, useRef, useState } from 'react';
import { conflictList, type ConflictQuery, type ConflictSortKey } from '../domain/conflict-list.ts';
import type { ParcelResult } from '../domain/analysis-types.ts';
import { MINE_CATEGORIES, ZONE_TYPES, type MineCategory, type Programme, type ZoneType } from '../domain/model.ts';
import { formatArea } from '../domain/units.ts';
import { localDay } from '../io/export/export-file-title.ts';
import { CSV_MEDIA_TYPE, csvText } from '../io/table/csv-text.ts';
import { XLSX_MEDIA_TYPE, xlsxBytes } from '../io/table/xlsx-table.ts';
import { conflictFileTitle, conflictTable } from './conflict-table.ts';
import { useI18n } from './i18n/language-context.tsx';
import { saveFile } from './save-file.ts';
import { useRowWindow } from './use-row-window.ts';

export interface ConflictListProps {
  programme: Programme;
  results: readonly ParcelResult[];
  query: ConflictQuery;
  onQuery: (query: ConflictQuery) => void;
  selectedId: string | null;
  onShow: (parcelId: string) => void;
  busy: boolean;
}

export function ConflictList(props: ConflictListProps) {
  const { t, language } = useI18n();
  const ids = { zone: useId(), township: useId(), category: useId() };
  const { query, onQuery, programme } = props;
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  // Recomputed only when figures, parcels or the query change, not on every edit elsewhere.
  const list = useMemo(
    () => conflictList(props.results, programme.parcels.features, programme.mines, query),
    [props.results, programme.parcels.features, programme.mines, query],
  );
  const body = useRef<HTMLTableSectionElement>(null);
  const rows = useRowWindow(body, list.rows.length);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportList = (kind: 'csv' | 'xlsx') => {
    const table = conflictTable(list, programme, t, language);
    const title = conflictFileTitle(query, programme, t, language, localDay(new Date()));
    setExportError(null);
    if (kind === 'csv') return saveFile(csvText(table), `${title}.csv`, CSV_MEDIA_TYPE);
    xlsxBytes(table, t('planner.file.name')).then(
      (bytes) => saveFile(bytes as Uint8Array<ArrayBuffer>, `${title}.xlsx`, XLSX_MEDIA_TYPE),
      (error: unknown) => setExportError(t('planner.exportFailed', { reason: error instanceof Error ? error.message : String(error) })),
    );
  };
  const percent = (share: number) => (share * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%';

  const sortButton = (key: ConflictSortKey) => {
    const active = query.sortBy === key;
    // The visible header leads the name, so that saying what one sees operates it (WCAG 2.5.3).
    const column = key === 'overlap' ? t('planner.col.overlap') : t('planner.col.share');
    return (
      <button
        type="button"
        className="sort"
        aria-label={t('planner.sortBy', { column, key: t(`planner.sort.${key}`) })}
        onClick={() => onQuery({ ...query, sortBy: key, descending: active ? !query.descending : true })}
      >
        {column}
        <span aria-hidden="true">{active ? (query.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    );
  };
  const ariaSort = (key: ConflictSortKey) => (query.sortBy === key ? (query.descending ? 'descending' : 'ascending') : 'none');

  return (
    <section className="conflict-list" aria-label={t('planner.conflicts')} aria-busy={props.busy}>
      <h3>{t('planner.conflicts')}</h3>
      <div className="filters">
        <label htmlFor={ids.zone}>{t('planner.filterZone')}</label>
        <select id={ids.zone} value={query.zoneType ?? ''} onChange={(e) => onQuery({ ...query, zoneType: (e.target.value || null) as ZoneType | null })}>
          <option value="">{t('planner.all')}</option>
          {ZONE_TYPES.map((z) => <option key={z} value={z}>{t(`zone.${z}`)}</option>)}
        </select>
        <label htmlFor={ids.township}>{t('planner.filterTownship')}</label>
        <select id={ids.township} value={query.townshipId ?? ''} onChange={(e) => onQuery({ ...query, townshipId: e.target.value || null })}>
          <option value="">{t('planner.all')}</option>
          {programme.townships.map((tw) => <option key={tw.id} value={tw.id}>{language === 'en' ? tw.name_en : tw.name}</option>)}
        </select>
        <label htmlFor={ids.category}>{t('planner.filterCategory')}</label>
        <select id={ids.category} value={query.category ?? ''} onChange={(e) => onQuery({ ...query, category: (e.target.value || null) as MineCategory | null })}>
          <option value="">{t('planner.all')}</option>
          {MINE_CATEGORIES.map((c) => <option key={c} value={c}>{t(`category.${c}`)}</option>)}
        </select>
      </div>
      <p role="status" className="summary">
        {list.rows.length === 0 ? t('planner.none') : t('planner.summary', { count: list.rows.length, mu: formatArea(list.overlap_m2, 'mu', locale) })}
      </p>
      {list.rows.length > 0 && (
        <div className="conflict-export">
          <button type="button" aria-label={t('planner.exportCsvLabel')} onClick={() => exportList('csv')}>{t('planner.exportCsv')}</button>
          <button type="button" aria-label={t('planner.exportXlsxLabel')} onClick={() => exportList('xlsx')}>{t('planner.exportXlsx')}</button>
        </div>
      )}
      {exportError && <p role="alert" className="error">{exportError}</p>}
      {list.rows.length > 0 && (
        <table aria-rowcount={list.rows.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('planner.col.parcel')}</th>
              <th scope="col" aria-sort={ariaSort('overlap')}>{sortButton('overlap')}</th>
              <th scope="col" aria-sort={ariaSort('share')}>{sortButton('share')}</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.above > 0 && <tr aria-hidden="true" style={{ height: rows.above }} />}
            {list.rows.slice(rows.start, rows.end).map((row, i) => (
              <tr key={row.parcelId} data-row aria-rowindex={rows.start + i + 2} aria-current={row.parcelId === props.selectedId ? true : undefined} className={row.parcelId === props.selectedId ? 'selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    aria-label={t('planner.showParcel', { name: row.parcelName, id: row.parcelId })}
                    onClick={() => props.onShow(row.parcelId)}
                  >
                    {row.parcelName}
                  </button>
                  <span className="sub">{row.parcelId} · {row.mine ? (language === 'en' ? row.mine.name_en : row.mine.name) : ''}</span>
                  <span className="sub">{row.zoneTypes.map((z) => t(`zone.${z}`)).join('、')}</span>
                </th>
                <td data-column="overlap">{formatArea(row.overlap_m2, 'mu', locale)}</td>
                <td data-column="share">{percent(row.share)}</td>
              </tr>
            ))}
            {rows.below > 0 && <tr aria-hidden="true" style={{ height: rows.below }} />}
          </tbody>
        </table>
      )}
    </section>
  );
}

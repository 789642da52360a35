// The conflict list as a table for a spreadsheet (CSV or .xlsx): the rows the planner sees,
// with the filters applied and in the same order, every area in 亩 and the overlap also in 公顷.
// The file is named for the filters and the day.
import type { ConflictQuery, ConflictSummary } from '../domain/conflict-list.ts';
import type { Programme } from '../domain/model.ts';
import { convertArea } from '../domain/units.ts';
import { exportFileTitle } from '../io/export/export-file-title.ts';
import { csvNumber, type CsvCell } from '../io/table/csv-text.ts';
import type { Language, Translate } from './i18n/translate.ts';

export function conflictTable(list: ConflictSummary, programme: Programme, t: Translate, language: Language): CsvCell[][] {
  const named = (x: { name: string; name_en: string } | undefined): string | null => (x ? (language === 'en' ? x.name_en : x.name) : null);
  const header = ['parcelId', 'parcelName', 'mine', 'township', 'category', 'zones', 'areaMu', 'overlapMu', 'overlapHa', 'share'] as const;
  return [
    header.map((h) => t(`planner.file.${h}`)),
    ...list.rows.map((row): CsvCell[] => [
      row.parcelId,
      row.parcelName,
      named(row.mine),
      named(programme.townships.find((tw) => tw.id === row.mine?.township_id)),
      row.mine ? t(`category.${row.mine.category}`) : null,
      row.zoneTypes.map((z) => t(`zone.${z}`)).join(language === 'en' ? ', ' : '、'),
      csvNumber(convertArea(row.area_m2, 'm2', 'mu'), 4),
      csvNumber(convertArea(row.overlap_m2, 'm2', 'mu'), 4),
      csvNumber(convertArea(row.overlap_m2, 'm2', 'ha'), 6),
      csvNumber(row.share * 100, 2),
    ]),
  ];
}

export function conflictFileTitle(query: ConflictQuery, programme: Programme, t: Translate, language: Language, day: string): string {
  const township = programme.townships.find((tw) => tw.id === query.townshipId);
  const filters = [
    query.zoneType ? t(`zone.${query.zoneType}`) : null,
    township ? (language === 'en' ? township.name_en : township.name) : null,
    query.category ? t(`category.${query.category}`) : null,
  ].filter((f): f is string => f !== null);
  return exportFileTitle(t('planner.file.name'), filters.length > 0 ? filters.join('_') : t('planner.all'), day);
}

// Targets as a grid (township × group down, years and periods across), editable in 亩 or 公顷
// (kept in 亩, as plans write them), importable from and exportable to CSV. A blank cell has no target; a year or period column can
// be added, and removed while it is empty. Saving replaces the whole table in one undoable edit;
// the programme's own table can always be restored.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { TARGET_CATEGORY_GROUPS, type Target, type TargetTable, type Township, type YearSpan } from '../domain/model.ts';
import { compareSpans, distinctSpans, spanKey, spanLabel } from '../domain/target-span.ts';
import { writeTargetsCsv } from '../io/targets-csv.ts';
import { CSV_MEDIA_TYPE } from '../io/table/csv-text.ts';
import { useI18n } from './i18n/language-context.tsx';
import { saveFile } from './save-file.ts';
import { TargetSpanAdder } from './TargetSpanAdder.tsx';

export interface TargetEditorProps {
  programmeId: string;
  table: TargetTable;
  townships: readonly Township[];
  /** The table is an edited or imported one, not the programme's own. */
  edited: boolean;
  canEdit: boolean;
  onSave: (table: TargetTable) => void;
  onImport: (file: File) => void;
  onReset: () => void;
  message: { text: string; error: boolean } | null;
}

type TargetUnit = 'mu' | 'ha';
/** 15 亩 = 1 公顷 exactly; six decimals drop the binary noise of ÷ 15 and × 15. */
const shown = (mu: number, unit: TargetUnit): string => String(Number((unit === 'mu' ? mu : mu / 15).toFixed(6)));
const toMu = (value: number, unit: TargetUnit): number => (unit === 'mu' ? value : Number((value * 15).toFixed(6)));
const draftIn = (mu: ReadonlyMap<string, number>, unit: TargetUnit): Map<string, string> => new Map([...mu].map(([k, v]) => [k, shown(v, unit)]));

const key = (r: Pick<Target, 'township_id' | 'category_group' | 'year' | 'to_year'>): string => `${r.township_id}/${r.category_group}/${spanKey(r)}`;

export function TargetEditor(props: TargetEditorProps) {
  const { t, language } = useI18n();
  const fileId = useId();
  const { table, townships } = props;
  const unitId = useId();
  const [unit, setUnit] = useState<TargetUnit>('mu');
  const unitNow = useRef(unit);
  unitNow.current = unit;
  const initialMu = useMemo(() => new Map(table.rows.map((r) => [key(r), r.target_mu])), [table]);
  const [draft, setDraft] = useState(() => draftIn(initialMu, unit));
  useEffect(() => setDraft(draftIn(initialMu, unitNow.current)), [initialMu]);
  const initial = useMemo(() => draftIn(initialMu, unit), [initialMu, unit]);
  const changeUnit = (next: TargetUnit) => {
    setDraft((old) => new Map([...old].map(([k, v]) => [k, v.trim() !== '' && Number(v) >= 0 ? shown(toMu(Number(v), unit), next) : v])));
    setUnit(next);
  };
  const tableSpans = useMemo(() => distinctSpans(table.rows), [table]);
  const [spans, setSpans] = useState(tableSpans);
  useEffect(() => setSpans(tableSpans), [tableSpans]);
  const invalid = [...draft.entries()].filter(([, v]) => v.trim() !== '' && !(Number(v) >= 0));
  const changed = [...new Set([...draft.keys(), ...initial.keys()])].some((k) => (draft.get(k) ?? '').trim() !== (initial.get(k) ?? ''));
  const unitName = t(`unit.${unit}`);
  const name = (tw: Township): string => (language === 'en' ? tw.name_en : tw.name);
  const cellKey = (tw: Township, g: Target['category_group'], span: YearSpan): string => key({ township_id: tw.id, category_group: g, ...span });
  const isEmpty = (span: YearSpan): boolean => townships.every((tw) => TARGET_CATEGORY_GROUPS.every((g) => (draft.get(cellKey(tw, g, span)) ?? '').trim() === ''));

  const save = () => {
    const rows: Target[] = [];
    for (const tw of townships) {
      for (const g of TARGET_CATEGORY_GROUPS) {
        for (const span of spans) {
          const text = (draft.get(cellKey(tw, g, span)) ?? '').trim();
          if (text !== '') rows.push({ township_id: tw.id, category_group: g, ...span, target_mu: toMu(Number(text), unit) });
        }
      }
    }
    props.onSave({ ...table, rows });
  };

  return (
    <section className="target-editor" aria-label={t('targets.title', { unit: unitName })}>
      <h3>{t('targets.title', { unit: unitName })}</h3>
      <label htmlFor={unitId}>{t('targets.unit')}</label>
      <select id={unitId} value={unit} onChange={(e) => changeUnit(e.target.value as TargetUnit)}>
        <option value="mu">{t('unit.mu')}</option>
        <option value="ha">{t('unit.ha')}</option>
      </select>
      <p className="note">{props.edited ? t('targets.edited') : t('targets.programmeOwn')}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('field.township')}</th>
              <th scope="col">{t('dashboard.group')}</th>
              {spans.map((span) => (
                <th key={spanKey(span)} scope="col">
                  {spanLabel(span)}
                  {props.canEdit && isEmpty(span) && (
                    <button type="button" className="icon no-print" aria-label={t('targets.removeColumn', { years: spanLabel(span) })}
                      onClick={() => setSpans((old) => old.filter((s) => spanKey(s) !== spanKey(span)))}>×</button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {townships.flatMap((tw) => TARGET_CATEGORY_GROUPS.map((g) => (
              <tr key={`${tw.id}/${g}`}>
                <th scope="row">{name(tw)}</th>
                <td>{t(`targetGroup.${g}`)}</td>
                {spans.map((span) => {
                  const k = cellKey(tw, g, span);
                  const value = draft.get(k) ?? '';
                  return (
                    <td key={spanKey(span)}>
                      <input
                        type="text"
                        inputMode="decimal"
                        value={value}
                        disabled={!props.canEdit}
                        aria-invalid={value.trim() !== '' && !(Number(value) >= 0)}
                        aria-label={t('targets.cell', { township: name(tw), group: t(`targetGroup.${g}`), year: spanLabel(span), unit: unitName })}
                        onChange={(e) => setDraft((old) => new Map(old).set(k, e.target.value))}
                      />
                    </td>
                  );
                })}
              </tr>
            )))}
          </tbody>
        </table>
      </div>
      <TargetSpanAdder columns={spans} disabled={!props.canEdit} onAdd={(span) => setSpans((old) => [...old, span].sort(compareSpans))} />
      {invalid.length > 0 && <p role="alert" className="error">{t('targets.invalid', { unit: unitName })}</p>}
      <div className="button-row no-print">
        <button type="button" className="primary" disabled={!props.canEdit || !changed || invalid.length > 0} onClick={save}>{t('targets.save')}</button>
        <button type="button" onClick={() => saveFile(writeTargetsCsv(table, townships, language), `${props.programmeId}-targets.csv`, CSV_MEDIA_TYPE)}>{t('targets.export')}</button>
        <label htmlFor={fileId} className="file-button">{t('targets.import')}</label>
        <input
          id={fileId} type="file" accept=".csv,.txt,text/csv" className="visually-hidden" disabled={!props.canEdit}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onImport(file);
            e.target.value = '';
          }}
        />
        {props.edited && <button type="button" disabled={!props.canEdit} onClick={props.onReset}>{t('targets.reset')}</button>}
      </div>
      {!props.canEdit && <p className="note">{t('review.needReviewer')}</p>}
      {props.message && <p role={props.message.error ? 'alert' : 'status'} className={props.message.error ? 'error' : 'status'}>{props.message.text}</p>}
    </section>
  );
}

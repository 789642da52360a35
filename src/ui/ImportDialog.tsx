// Importing programme data: pick the files (or paste a coordinate table), see what was read —
// count, extent (drawn on the map), coordinate system and encoding with how they were found,
// the field mapping (editable) and every problem — and only then import, or cancel.
import { useId, useRef } from 'react';
import type { ImportPreview, ImportProgress } from '../io/import-types.ts';
import { CODED_FIELDS, IMPORT_LAYERS, TARGET_FIELDS, isCodedField, type FieldMapping, type ImportLayer, type TargetField } from '../io/mapping/field-mapping-types.ts';
import { VALUE_WORDS } from '../io/mapping/field-vocabulary.ts';
import { TEXT_ENCODINGS } from '../io/text-encoding.ts';
import { CrsOptions } from './CrsOptions.tsx';
import { ImportProblems } from './ImportProblems.tsx';
import { useI18n } from './i18n/language-context.tsx';
import { useModalDialog } from './modal-dialog.ts';
import type { MessageKey } from './i18n/zh.ts';

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  layer: ImportLayer;
  onLayer: (layer: ImportLayer) => void;
  crs: string;
  onCrs: (code: string) => void;
  encoding: string;
  onEncoding: (name: string) => void;
  onFiles: (files: File[]) => void;
  onPaste: (text: string) => void;
  progress: ImportProgress | null;
  failure: string | null;
  preview: ImportPreview | null;
  onMapping: (mapping: FieldMapping) => void;
  importable: number;
  /** Mines the import would make: parcels whose mine id or name is not a mine of the programme. */
  newMines: number;
  onConfirm: () => void;
  /** The programme's zones now; when importing zones they may replace them all, as one undoable step. */
  zoneCount: number;
  replaceZones: boolean;
  onReplaceZones: (replace: boolean) => void;
  result: { text: string; error: boolean } | null;
}

const CODE_LABEL_PREFIX: Partial<Record<string, string>> = { damage_type: 'damage', direction: 'direction', status: 'status', zone_type: 'zone', measure: 'measure' };

export function ImportDialog(props: ImportDialogProps) {
  const { t } = useI18n();
  const dialog = useModalDialog(props.open);
  const paste = useRef<HTMLTextAreaElement>(null);
  const ids = { title: useId(), layer: useId(), files: useId(), paste: useId(), crs: useId(), encoding: useId() };
  const { preview } = props;


  const fieldLabel = (field: string) => t(`import.field.${field}` as MessageKey);
  const codeLabel = (field: string, code: string) => {
    const prefix = CODE_LABEL_PREFIX[field];
    if (prefix) return t(`${prefix}.${code}` as MessageKey);
    const words = VALUE_WORDS[field as keyof typeof VALUE_WORDS]?.[code];
    return words && words[0] ? `${code} ${words[0]}` : code;
  };
  const setMapping = (patch: Partial<FieldMapping>) => preview && props.onMapping({ ...preview.mapping, ...patch });

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby={ids.title} onClose={props.onClose}>
      <header>
        <h2 id={ids.title}>{t('import.title')}</h2>
        <button type="button" className="icon" aria-label={t('import.close')} onClick={props.onClose}>×</button>
      </header>
      <div className="import-source">
        <label htmlFor={ids.layer}>{t('import.layer')}</label>
        <select id={ids.layer} value={props.layer} onChange={(e) => props.onLayer(e.target.value as ImportLayer)}>
          {IMPORT_LAYERS.map((l) => <option key={l} value={l}>{t(`import.layer.${l}`)}</option>)}
        </select>
        <label htmlFor={ids.crs}>{t('import.crs')}</label>
        <select id={ids.crs} value={props.crs} onChange={(e) => props.onCrs(e.target.value)}>
          <option value="">{t('import.crsAuto')}</option>
          <CrsOptions />
        </select>
        <label htmlFor={ids.encoding}>{t('import.encoding')}</label>
        <select id={ids.encoding} value={props.encoding} onChange={(e) => props.onEncoding(e.target.value)}>
          <option value="">{t('import.encodingAuto')}</option>
          {TEXT_ENCODINGS.map((e) => <option key={e} value={e}>{e.toUpperCase()}</option>)}
        </select>
        <label htmlFor={ids.files} className="file-button">{t('import.files')}</label>
        <input
          id={ids.files} type="file" multiple className="visually-hidden"
          accept=".geojson,.json,.zip,.shp,.shx,.dbf,.prj,.cpg,.kml,.kmz,.gpx,.csv,.txt"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length > 0) props.onFiles(files);
            e.target.value = '';
          }}
        />
        <label htmlFor={ids.paste}>{t('import.paste')}</label>
        <textarea id={ids.paste} ref={paste} rows={3} spellCheck={false} />
        <button type="button" onClick={() => paste.current?.value.trim() && props.onPaste(paste.current.value)}>{t('import.readPaste')}</button>
      </div>
      {props.progress && <p role="status" className="status">{t(`import.progress.${props.progress.phase}`)} {props.progress.total > 0 ? `${props.progress.done}/${props.progress.total}` : ''}</p>}
      {props.failure && <p role="alert" className="error">{props.failure}</p>}
      {preview && (
        <section className="import-preview" aria-label={t('import.preview')}>
          <h3>{t('import.preview')}</h3>
          <dl className="rows">
            <div><dt>{t('import.summary.file')}</dt><dd>{preview.fileName}</dd></div>
            <div><dt>{t('import.summary.format')}</dt><dd>{t(`import.format.${preview.format}`)}</dd></div>
            <div><dt>{t('import.summary.count')}</dt><dd data-figure="count">{preview.featureCount}</dd></div>
            <div><dt>{t('import.summary.extent')}</dt><dd>{preview.bbox ? preview.bbox.map((v) => v.toFixed(5)).join(', ') : t('field.none')}</dd></div>
            <div><dt>{t('import.summary.crs')}</dt><dd data-figure="crs">{preview.crs.code ?? ''} {preview.crs.name}（{t(`import.how.${preview.crs.how}`)}）</dd></div>
            {preview.encoding && <div><dt>{t('import.summary.encoding')}</dt><dd data-figure="encoding">{preview.encoding.name}（{t(`import.how.${preview.encoding.how}`)}）</dd></div>}
            {props.newMines > 0 && <div><dt>{t('import.summary.newMines')}</dt><dd data-figure="new-mines">{t('import.newMines', { count: props.newMines })}</dd></div>}
          </dl>
          <h3>{t('import.mapping')}</h3>
          <table className="mapping">
            <thead><tr><th scope="col">{t('import.mapping.target')}</th><th scope="col">{t('import.mapping.source')}</th></tr></thead>
            <tbody>
              {(TARGET_FIELDS[preview.layer] as readonly TargetField[]).map((field) => (
                <tr key={field}>
                  <th scope="row">{fieldLabel(field)}</th>
                  <td>
                    <select
                      aria-label={`${fieldLabel(field)} ← ${t('import.mapping.source')}`}
                      value={preview.mapping.fields[field] ?? ''}
                      onChange={(e) => setMapping({ fields: { ...preview.mapping.fields, [field]: e.target.value || null } })}
                    >
                      <option value="">{t('import.mapping.none')}</option>
                      {preview.fields.map((f) => <option key={f.name} value={f.name}>{f.name}{f.samples.length > 0 ? `（${f.samples.slice(0, 2).join('、')}）` : ''}</option>)}
                    </select>
                    {isCodedField(field) && (CODED_FIELDS as readonly string[]).includes(field) ? (
                      <select
                        aria-label={t('import.mapping.default', { field: fieldLabel(field) })}
                        value={preview.mapping.defaults[field] ?? ''}
                        onChange={(e) => setMapping({ defaults: { ...preview.mapping.defaults, [field]: e.target.value || null } })}
                      >
                        <option value="">{t('import.mapping.default', { field: fieldLabel(field) })}: —</option>
                        {Object.keys(VALUE_WORDS[field]).map((code) => <option key={code} value={code}>{codeLabel(field, code)}</option>)}
                      </select>
                    ) : field === 'date' || field === 'surveyor' ? (
                      <input
                        type={field === 'date' ? 'date' : 'text'}
                        aria-label={t('import.mapping.default', { field: fieldLabel(field) })}
                        value={preview.mapping.defaults[field] ?? ''}
                        onChange={(e) => setMapping({ defaults: { ...preview.mapping.defaults, [field]: e.target.value || null } })}
                      />
                    ) : null}
                    {isCodedField(field) && Object.keys(preview.mapping.values[field] ?? {}).length > 0 && (
                      <details>
                        <summary>{t('import.mapping.values', { field: fieldLabel(field) })}</summary>
                        {Object.entries(preview.mapping.values[field] ?? {}).map(([value, code]) => (
                          <label key={value} className="value-row">
                            <span>{value}</span>
                            <select
                              aria-label={t('import.mapping.value', { value, field: fieldLabel(field) })}
                              value={code ?? ''}
                              onChange={(e) => setMapping({ values: { ...preview.mapping.values, [field]: { ...preview.mapping.values[field], [value]: e.target.value || null } } })}
                            >
                              <option value="">{t('import.mapping.noCode')}</option>
                              {Object.keys(VALUE_WORDS[field]).map((c) => <option key={c} value={c}>{codeLabel(field, c)}</option>)}
                            </select>
                          </label>
                        ))}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ImportProblems problems={preview.problems} codeLabel={codeLabel} />
        </section>
      )}
      {props.layer === 'zones' && props.zoneCount > 0 && (
        <label className="check">
          <input type="checkbox" checked={props.replaceZones} onChange={(e) => props.onReplaceZones(e.target.checked)} />
          {t('import.replaceZones', { count: props.zoneCount })}
        </label>
      )}
      {props.result && <p role={props.result.error ? 'alert' : 'status'} className={props.result.error ? 'error' : 'status'}>{props.result.text}</p>}
      <footer>
        <button type="button" onClick={props.onClose}>{t('import.cancel')}</button>
        <button type="button" className="primary" disabled={!preview || props.importable === 0} onClick={props.onConfirm}>
          {t('import.confirm', { count: props.importable })}
        </button>
      </footer>
    </dialog>
  );
}

// Exporting programme data: what (whole programme, a township or a mine), which layers, which
// format and coordinate system. Files are downloaded; the areas go with them.
import { useId } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../io/export/export-types.ts';
import { EXPORT_VALUE_STYLES, type ExportValueStyle } from '../io/export/value-labels.ts';
import type { Programme } from '../domain/model.ts';
import { CrsOptions } from './CrsOptions.tsx';
import { useI18n } from './i18n/language-context.tsx';
import { useModalDialog } from './modal-dialog.ts';

export type ExportScope = { kind: 'all' } | { kind: 'township'; id: string } | { kind: 'mine'; id: string };
export const EXPORT_LAYERS = ['parcels', 'treated', 'zones'] as const;
export type ExportLayerName = (typeof EXPORT_LAYERS)[number];

export interface ExportDialogProps {
  open: boolean;
  onClose: () => void;
  programme: Programme;
  scope: string;
  onScope: (scope: string) => void;
  layers: Record<ExportLayerName, boolean>;
  onLayers: (layers: Record<ExportLayerName, boolean>) => void;
  format: ExportFormat;
  onFormat: (format: ExportFormat) => void;
  crs: string;
  onCrs: (crs: string) => void;
  values: ExportValueStyle;
  onValues: (values: ExportValueStyle) => void;
  onRun: () => void;
  busy: boolean;
  message: { text: string; error: boolean } | null;
  /** The whole programme as one GeoPackage (programme archive), when the app offers it. */
  archive?: { onRun: () => void; busy: boolean; message: { text: string; error: boolean } | null };
}

export function parseScope(value: string): ExportScope {
  const [kind, id] = value.split(':');
  return (kind === 'township' || kind === 'mine') && id ? { kind, id } : { kind: 'all' };
}

const LAYER_KEYS = { parcels: 'layers.parcels', treated: 'layers.treated', zones: 'layers.zones' } as const;

export function ExportDialog(props: ExportDialogProps) {
  const { t, language } = useI18n();
  const dialog = useModalDialog(props.open);
  const ids = { title: useId(), scope: useId(), format: useId(), crs: useId(), values: useId(), archive: useId() };
  const name = (x: { name: string; name_en: string }) => (language === 'en' ? x.name_en : x.name);
  const { programme } = props;
  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={ids.title} onClose={props.onClose}>
      <header>
        <h2 id={ids.title}>{t('export.title')}</h2>
        <button type="button" className="icon" aria-label={t('export.close')} onClick={props.onClose}>×</button>
      </header>
      <label htmlFor={ids.scope}>{t('export.scope')}</label>
      <select id={ids.scope} value={props.scope} onChange={(e) => props.onScope(e.target.value)}>
        <option value="all">{t('export.scope.all')}</option>
        {programme.townships.map((tw) => <option key={tw.id} value={`township:${tw.id}`}>{t('export.scope.township', { name: name(tw) })}</option>)}
        {programme.mines.map((m) => <option key={m.id} value={`mine:${m.id}`}>{t('export.scope.mine', { name: name(m) })}</option>)}
      </select>
      <fieldset>
        <legend>{t('export.layers')}</legend>
        {EXPORT_LAYERS.map((l) => (
          <label key={l} className="inline">
            <input type="checkbox" checked={props.layers[l]} onChange={(e) => props.onLayers({ ...props.layers, [l]: e.target.checked })} />
            {t(LAYER_KEYS[l])}
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.format}>{t('export.format')}</label>
      <select id={ids.format} value={props.format} onChange={(e) => props.onFormat(e.target.value as ExportFormat)}>
        {EXPORT_FORMATS.map((f) => <option key={f} value={f}>{t(`export.format.${f}`)}</option>)}
      </select>
      <label htmlFor={ids.crs}>{t('export.crs')}</label>
      <select id={ids.crs} value={props.crs} onChange={(e) => props.onCrs(e.target.value)}>
        <option value="">{t('export.crsDefault')}</option>
        <CrsOptions />
      </select>
      <label htmlFor={ids.values}>{t('export.values')}</label>
      <select id={ids.values} value={props.values} onChange={(e) => props.onValues(e.target.value as ExportValueStyle)}>
        {EXPORT_VALUE_STYLES.map((v) => <option key={v} value={v}>{t(`export.values.${v}`)}</option>)}
      </select>
      <p className="note">{t('export.note')} {t('export.valuesNote')}</p>
      {props.message && <p role={props.message.error ? 'alert' : 'status'} className={props.message.error ? 'error' : 'status'}>{props.message.text}</p>}
      <footer>
        <button type="button" className="primary" disabled={props.busy || !Object.values(props.layers).some(Boolean)} onClick={props.onRun}>{t('export.run')}</button>
      </footer>
      {props.archive && (
        <section aria-labelledby={ids.archive}>
          <h3 id={ids.archive}>{t('export.archive.title')}</h3>
          <p className="note">{t('export.archive.note')}</p>
          {props.archive.message && <p role={props.archive.message.error ? 'alert' : 'status'} className={props.archive.message.error ? 'error' : 'status'}>{props.archive.message.text}</p>}
          <button type="button" disabled={props.archive.busy} onClick={props.archive.onRun}>{t('export.archive.run')}</button>
        </section>
      )}
    </dialog>
  );
}

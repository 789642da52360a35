// Settings → offline basemaps: open a PMTiles file (vector or raster) from disk to keep in the
// browser, choose which stored basemap the map shows (or none), zoom to one, remove one, and see
// how much storage the app uses. A refused file says exactly why.
import { useId } from 'react';
import type { PmtilesProblemCode, PmtilesSummary } from '../io/pmtiles/pmtiles-types.ts';
import type { BasemapStorageKind, BasemapStoreErrorCode, StoredBasemap } from '../persistence/basemaps/basemap-store.ts';
import type { StorageFigures } from '../persistence/basemaps/storage-estimate.ts';
import { byteSize } from './byte-size.ts';
import { useI18n } from './i18n/language-context.tsx';
import './offline.css';
import type { MessageKey } from './i18n/zh.ts';

export type BasemapMessage =
  | { kind: 'checking'; name: string }
  | { kind: 'added'; name: string; summary: PmtilesSummary }
  | { kind: 'refused'; name: string; code: PmtilesProblemCode; reason: string }
  | { kind: 'failed'; name: string; code: BasemapStoreErrorCode | 'too_large'; reason: string }
  | { kind: 'removed'; name: string };

export interface OfflineBasemapsProps {
  storageKind: BasemapStorageKind | null;
  basemaps: readonly StoredBasemap[];
  activeId: string | null;
  busy: boolean;
  message: BasemapMessage | null;
  storage: StorageFigures | null;
  onOpen: (file: File) => void;
  onChoose: (id: string | null) => void;
  onZoomTo: (id: string) => void;
  onRemove: (id: string) => void;
}

export function OfflineBasemaps(props: OfflineBasemapsProps) {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const ids = { file: useId(), group: useId() };
  const describe = (s: PmtilesSummary) => t(s.kind === 'vector' ? 'basemaps.vector' : 'basemaps.raster', {
    format: s.format.toUpperCase(), min: s.minZoom, max: s.maxZoom, size: byteSize(s.bytes, locale),
  });
  const message = props.message;

  return (
    <section className="offline-basemaps" aria-labelledby={`${ids.group}-title`}>
      <h3 id={`${ids.group}-title`}>{t('basemaps.title')}</h3>
      <p className="note">{t('basemaps.hint')}</p>
      <label htmlFor={ids.file} className="file-button">{t('basemaps.open')}</label>
      <input id={ids.file} type="file" accept=".pmtiles,application/vnd.pmtiles" className="visually-hidden" disabled={props.busy || props.storageKind === null}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onOpen(file);
        }} />
      {message && (
        <p role={message.kind === 'refused' || message.kind === 'failed' ? 'alert' : 'status'} className={message.kind === 'refused' || message.kind === 'failed' ? 'error' : 'status'}>
          {message.kind === 'checking' && t('basemaps.checking', { name: message.name })}
          {message.kind === 'added' && t('basemaps.added', { name: message.name, details: describe(message.summary) })}
          {message.kind === 'removed' && t('basemaps.removed', { name: message.name })}
          {message.kind === 'refused' && t('basemaps.refused', { name: message.name, why: t(`basemaps.problem.${message.code}` as MessageKey) })}
          {message.kind === 'failed' && t('basemaps.failed', { name: message.name, why: t(`basemaps.storeProblem.${message.code}` as MessageKey) })}
        </p>
      )}
      <fieldset>
        <legend>{t('basemaps.choose')}</legend>
        <label className="inline">
          <input type="radio" name={ids.group} checked={props.activeId === null} onChange={() => props.onChoose(null)} />
          {t('basemaps.none')}
        </label>
        <ul aria-label={t('basemaps.list')}>
          {props.basemaps.map((b) => (
            <li key={b.id}>
              <label className="inline">
                <input type="radio" name={ids.group} checked={props.activeId === b.id} onChange={() => props.onChoose(b.id)} />
                {b.summary.name ? `${b.summary.name}（${b.fileName}）` : b.fileName}
              </label>
              <span className="sub">{describe(b.summary)}</span>
              <span className="actions">
                <button type="button" onClick={() => props.onZoomTo(b.id)} aria-label={t('basemaps.zoomTo', { name: b.fileName })}>{t('basemaps.zoom')}</button>
                <button type="button" onClick={() => props.onRemove(b.id)} aria-label={t('basemaps.remove', { name: b.fileName })}>{t('basemaps.delete')}</button>
              </span>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="note" role="status" aria-label={t('basemaps.storageLabel')}>
        {props.storageKind === null ? t('basemaps.storageUnavailable')
          : t('basemaps.storage', {
            where: t(props.storageKind === 'opfs' ? 'basemaps.where.opfs' : 'basemaps.where.indexeddb'),
            used: props.storage ? byteSize(props.storage.usedBytes, locale) : '?',
            quota: props.storage ? byteSize(props.storage.quotaBytes, locale) : '?',
          })}
      </p>
    </section>
  );
}

// Settings → keep the online basemap for offline use: the tiles of what the map shows now, from a
// few zooms out down to the chosen zoom, within a stated limit of tiles and megabytes.
import { useId } from 'react';
import { byteSize } from './byte-size.ts';
import { useI18n } from './i18n/language-context.tsx';

export interface TileCacheToolsProps {
  /** False while no online basemap is configured: there is nothing to cache. */
  available: boolean;
  maxZoom: number;
  zoomChoices: readonly number[];
  onMaxZoom: (zoom: number) => void;
  /** Tiles the current view needs at the chosen zooms. */
  planned: { tiles: number; fromZoom: number };
  limits: { tiles: number; bytes: number };
  progress: { done: number; total: number } | null;
  outcome: { stored: number; failed: number; stoppedAtLimit: boolean } | null;
  cached: { tiles: number; bytes: number } | null;
  error: string | null;
  onStart: () => void;
  onCancel: () => void;
  onClear: () => void;
}

export function TileCacheTools(props: TileCacheToolsProps) {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const ids = { zoom: useId(), title: useId() };
  const over = props.planned.tiles > props.limits.tiles;
  const limit = { limitTiles: props.limits.tiles.toLocaleString(locale), limitSize: byteSize(props.limits.bytes, locale) };

  return (
    <section className="tile-cache" aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('tileCache.title')}</h3>
      {!props.available ? <p className="note">{t('tileCache.needOnline')}</p> : (
        <>
          <p className="note">{t('tileCache.hint', limit)}</p>
          <label htmlFor={ids.zoom}>{t('tileCache.maxZoom')}</label>
          <select id={ids.zoom} value={props.maxZoom} disabled={props.progress !== null} onChange={(e) => props.onMaxZoom(Number(e.target.value))}>
            {props.zoomChoices.map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
          <p className={over ? 'error' : 'note'} role={over ? 'alert' : undefined}>
            {t(over ? 'tileCache.overLimit' : 'tileCache.planned', { tiles: props.planned.tiles.toLocaleString(locale), from: props.planned.fromZoom, to: props.maxZoom, ...limit })}
          </p>
          {props.progress
            ? (
              <>
                <progress max={props.progress.total} value={props.progress.done} aria-label={t('tileCache.progressLabel')} />
                <button type="button" onClick={props.onCancel}>{t('tileCache.cancel')}</button>
              </>
            )
            : <button type="button" className="primary" disabled={over || props.planned.tiles === 0} onClick={props.onStart}>{t('tileCache.start')}</button>}
        </>
      )}
      {props.outcome && (
        <p role="status" className="status">
          {t(props.outcome.stoppedAtLimit ? 'tileCache.stoppedAtLimit' : 'tileCache.done', { stored: props.outcome.stored, failed: props.outcome.failed, ...limit })}
        </p>
      )}
      {props.error && <p role="alert" className="error">{props.error}</p>}
      <p className="note">
        {t('tileCache.cached', { tiles: (props.cached?.tiles ?? 0).toLocaleString(locale), size: byteSize(props.cached?.bytes ?? 0, locale) })}
        {' '}
        {(props.cached?.tiles ?? 0) > 0 && <button type="button" onClick={props.onClear}>{t('tileCache.clear')}</button>}
      </p>
    </section>
  );
}

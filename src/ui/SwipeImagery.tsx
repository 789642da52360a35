// The swipe's imagery, one side at a time: an XYZ tile URL, or an imagery file opened from disk
// (PMTiles, MBTiles or GeoTIFF, read in the browser, nothing sent anywhere). An open file is
// described, said to be kept in the browser, can be zoomed to and removed; a refused one says why
// and leaves what is shown alone.
import { useId } from 'react';
import type { ImageryProblemCode, ImagerySummary } from '../io/imagery/imagery-types.ts';
import { IMAGERY_SIZE_LIMITS } from '../io/imagery/sniff-imagery.ts';
import type { CompareSide } from '../map/compare-maps.ts';
import { isImageryUrl } from '../map/imagery-layer.ts';
import { byteSize } from './byte-size.ts';
import { useI18n } from './i18n/language-context.tsx';
import type { MessageKey } from './i18n/zh.ts';

export interface ImageryFileShown {
  name: string;
  summary: ImagerySummary;
  /** The file's tile URL template on the map (fulv-imagery://…). */
  tiles: string;
  /** Kept in the browser, so it is there again after a reload. */
  kept: boolean;
}

export type ImageryMessage =
  | { kind: 'opening'; name: string }
  | { kind: 'refused'; name: string; code: ImageryProblemCode; reason: string }
  /** Shown, but the browser could not keep a copy (storage full): gone after a reload. */
  | { kind: 'notKept'; name: string; reason: string };

export interface SideImagery {
  url: string;
  /** The URL's origin when this page may not fetch from it until it is reloaded (its security policy). */
  blockedOrigin: string | null;
  file: ImageryFileShown | null;
  message: ImageryMessage | null;
}

export interface SwipeImageryState {
  sides: Record<CompareSide, SideImagery>;
  onUrl: (side: CompareSide, url: string) => void;
  onFile: (side: CompareSide, file: File) => void;
  onRemoveFile: (side: CompareSide) => void;
  /** Reloads the page so that its policy allows the typed URLs' origins. */
  onAllowOrigins: () => void;
}

const ACCEPT = '.pmtiles,.mbtiles,.tif,.tiff,image/tiff';
const SIDES: CompareSide[] = ['before', 'after'];

export function SwipeImagery(props: SwipeImageryState & { onZoomTo: (bounds: ImagerySummary['bounds']) => void }) {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const ids = { before: useId(), after: useId() };

  const describe = (s: ImagerySummary) => t('swipe.imageryFile.details', {
    format: s.format === 'geotiff' ? `GeoTIFF（${s.crs}）` : s.format === 'mbtiles' ? `MBTiles（${s.tiles.toUpperCase()}）` : `PMTiles（${s.tiles.toUpperCase()}）`,
    zooms: s.minZoom === s.maxZoom ? s.minZoom : `${s.minZoom}–${s.maxZoom}`, size: byteSize(s.bytes, locale),
  });
  const why = (m: Extract<ImageryMessage, { kind: 'refused' }>) => t(`swipe.imageryProblem.${m.code}` as MessageKey, {
    mbtiles: byteSize(IMAGERY_SIZE_LIMITS.mbtiles, locale), other: byteSize(IMAGERY_SIZE_LIMITS.geotiff, locale),
  });

  return (
    <>
      <p className="note">{t('swipe.imageryHint')}</p>
      {SIDES.map((side) => {
        const { url, file, message, blockedOrigin } = props.sides[side];
        const id = ids[side];
        const badUrl = url !== '' && !isImageryUrl(url);
        return (
          <fieldset key={side} className="swipe-imagery-side">
            <legend>{t(`swipe.imagery.side.${side}`)}</legend>
            {file ? (
              <div className="swipe-imagery-file">
                <p role="status" aria-label={t(`swipe.imageryFile.shown.${side}`)}>
                  {t('swipe.imageryFile.opened', { name: file.name, details: describe(file.summary) })}
                  {file.kept && <span className="sub">{t('swipe.imageryFile.kept')}</span>}
                </p>
                <span className="actions">
                  <button type="button" onClick={() => props.onZoomTo(file.summary.bounds)} aria-label={t(`swipe.imageryFile.zoomTo.${side}`)}>{t('swipe.imageryFile.zoom')}</button>
                  <button type="button" onClick={() => props.onRemoveFile(side)} aria-label={t(`swipe.imageryFile.remove.${side}`)}>{t('swipe.imageryFile.removeShort')}</button>
                </span>
              </div>
            ) : (
              <>
                <label htmlFor={`${id}-url`}>{t(`swipe.imagery.${side}`)}</label>
                <input id={`${id}-url`} type="url" value={url} placeholder="https://…/{z}/{x}/{y}.png" aria-invalid={badUrl} onChange={(e) => props.onUrl(side, e.target.value.trim())} />
                {badUrl && <p role="alert" className="error">{t('swipe.imageryInvalid')}</p>}
                {!badUrl && blockedOrigin && (
                  <p role="status" className="note">
                    {t('swipe.imageryOrigin', { origin: blockedOrigin })}
                    <button type="button" onClick={props.onAllowOrigins}>{t('swipe.imageryOriginReload')}</button>
                  </p>
                )}
              </>
            )}
            <label htmlFor={`${id}-file`} className="file-button">{t(`swipe.imageryFile.open.${side}`)}</label>
            <input id={`${id}-file`} type="file" accept={ACCEPT} className="visually-hidden" disabled={message?.kind === 'opening'}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                e.target.value = '';
                if (chosen) props.onFile(side, chosen);
              }} />
            {message?.kind === 'opening' && <p role="status">{t('swipe.imageryFile.opening', { name: message.name })}</p>}
            {message?.kind === 'notKept' && <p role="status" className="note" title={message.reason}>{t('swipe.imageryFile.notKept', { name: message.name })}</p>}
            {message?.kind === 'refused' && (
              <p role="alert" className="error" title={message.reason}>{t('swipe.imageryFile.refused', { name: message.name, why: why(message) })}</p>
            )}
          </fieldset>
        );
      })}
    </>
  );
}

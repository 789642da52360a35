// Before/after (治理前后对比): two synchronised maps, each showing the programme as of its own
// date and, optionally, its own imagery (a tile URL or an imagery file, SwipeImagery.tsx); the
// "after" map is clipped at a divider the reviewer moves with a slider, so both states show at
// once, side by side.
import { useEffect, useId, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { CompareMaps, type CompareSide, type CompareView } from '../map/compare-maps.ts';
import type { ImageryLayer } from '../map/imagery-layer.ts';
import type { ProgrammeSource } from '../map/programme-style.ts';
import { useI18n } from './i18n/language-context.tsx';
import { StatusLegend } from './Legend.tsx';
import { SwipeImagery, type SideImagery, type SwipeImageryState } from './SwipeImagery.tsx';

export interface SwipeCompareProps {
  dates: Record<CompareSide, string>;
  onDate: (side: CompareSide, date: string) => void;
  data: Record<CompareSide, Partial<Record<ProgrammeSource, FeatureCollection>>>;
  imagery: SwipeImageryState;
  view: CompareView;
  onClose: () => void;
}

const SIDES: CompareSide[] = ['before', 'after'];

/** An open file wins over a URL typed before it. */
function imageryLayer(url: string, file: SideImagery['file'], blockedOrigin: string | null): ImageryLayer | null {
  if (file) return { kind: 'file', tiles: file.tiles, summary: file.summary };
  return url && !blockedOrigin ? { kind: 'url', url } : null;
}

export function SwipeCompare(props: SwipeCompareProps) {
  const { t, language } = useI18n();
  const ids = { before: useId(), after: useId(), divider: useId() };
  const containers = { before: useRef<HTMLDivElement>(null), after: useRef<HTMLDivElement>(null) };
  const [maps, setMaps] = useState<CompareMaps | null>(null);
  const [position, setPosition] = useState(50);
  const initialView = useRef(props.view);

  useEffect(() => {
    const instance = new CompareMaps(
      { before: containers.before.current!, after: containers.after.current! },
      initialView.current,
      { 'NavigationControl.ZoomIn': t('map.zoomIn'), 'NavigationControl.ZoomOut': t('map.zoomOut') },
      language,
    );
    let alive = true;
    void instance.whenReady().then(() => {
      if (!alive) return;
      setMaps(instance);
      // End-to-end tests wait for both maps to be idle through this handle.
      (window as unknown as { __fulvCompare?: unknown }).__fulvCompare = instance.maps;
    });
    return () => {
      alive = false;
      (window as unknown as { __fulvCompare?: unknown }).__fulvCompare = undefined;
      instance.destroy();
    };
    // The maps are made once; labels of MapLibre's controls keep the language they opened in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => { maps?.setData('before', props.data.before); }, [maps, props.data.before]);
  useEffect(() => { maps?.setData('after', props.data.after); }, [maps, props.data.after]);
  // Set again only when the URL or the file changes, not when a message about the side does.
  const { before, after } = props.imagery.sides;
  useEffect(() => { maps?.setImagery('before', imageryLayer(before.url, before.file, before.blockedOrigin)); }, [maps, before.url, before.file, before.blockedOrigin]);
  useEffect(() => { maps?.setImagery('after', imageryLayer(after.url, after.file, after.blockedOrigin)); }, [maps, after.url, after.file, after.blockedOrigin]);

  return (
    <section className="review-overlay swipe" aria-label={t('swipe.title')}>
      <header>
        <h2>{t('swipe.title')}</h2>
        {SIDES.map((side) => (
          <span key={side} className="inline-field">
            <label htmlFor={ids[side]}>{t(`swipe.date.${side}`)}</label>
            <input id={ids[side]} type="date" value={props.dates[side]} required onChange={(e) => { if (e.target.value) props.onDate(side, e.target.value); }} />
          </span>
        ))}
        <button type="button" className="icon" aria-label={t('swipe.close')} onClick={props.onClose}>×</button>
      </header>
      <div className="swipe-stage" role="region" aria-label={t('swipe.maps')}>
        <div ref={containers.before} className="swipe-map" />
        <div ref={containers.after} className="swipe-map" style={{ clipPath: `inset(0 0 0 ${position}%)` }} />
        <div className="swipe-divider" style={{ left: `${position}%` }} aria-hidden="true" />
        <span className="swipe-label before">{t('swipe.label.before', { date: props.dates.before })}</span>
        <span className="swipe-label after">{t('swipe.label.after', { date: props.dates.after })}</span>
      </div>
      <StatusLegend />
      <label htmlFor={ids.divider} className="inline">
        {t('swipe.divider')}
        <input id={ids.divider} type="range" min={0} max={100} step={1} value={position} onChange={(e) => setPosition(Number(e.target.value))} />
      </label>
      <details className="swipe-imagery">
        <summary>{t('swipe.imagery')}</summary>
        <SwipeImagery {...props.imagery} onZoomTo={(bounds) => maps?.fitBounds(bounds)} />
      </details>
    </section>
  );
}

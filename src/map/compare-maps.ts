// Two synchronised maps for the before/after swipe: the same view, each showing the programme as
// of its own date (and its own imagery, if any). Moving either moves the other; the UI lays the
// "after" map over the "before" one and clips it at the divider.
import { Map as MapLibreMap, NavigationControl, type GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { provideConflictHatch } from './conflict-hatch.ts';
import { setImagery, type ImageryLayer } from './imagery-layer.ts';
import { CJK_FONT_FAMILY, type LabelLanguage } from './label-layers.ts';
import { labelPoints } from './label-points.ts';
import { programmeStyle, type ProgrammeSource } from './programme-style.ts';
import { skipTransparentSky } from './skip-transparent-sky.ts';

export type CompareSide = 'before' | 'after';

export interface CompareView {
  center: [number, number];
  zoom: number;
}

export class CompareMaps {
  readonly maps: Record<CompareSide, MapLibreMap>;
  private readonly ready: Promise<void>;
  private syncing = false;

  constructor(containers: Record<CompareSide, HTMLElement>, view: CompareView, locale: Record<string, string>, language: LabelLanguage) {
    const make = (container: HTMLElement): MapLibreMap => {
      const map = new MapLibreMap({
        container,
        style: programmeStyle('status', language),
        center: view.center,
        zoom: view.zoom,
        locale,
        localIdeographFontFamily: CJK_FONT_FAMILY,
        attributionControl: { compact: true },
        fadeDuration: 0,
        canvasContextAttributes: { preserveDrawingBuffer: true },
      });
      skipTransparentSky(map);
      provideConflictHatch(map);
      return map;
    };
    this.maps = { before: make(containers.before), after: make(containers.after) };
    this.maps.after.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.ready = Promise.all([this.maps.before, this.maps.after].map((m) => new Promise<void>((resolve) => m.once('load', () => resolve())))).then(() => undefined);
    this.follow(this.maps.before, this.maps.after);
    this.follow(this.maps.after, this.maps.before);
  }

  /** Keeps `to` on the view of `from`; the flag stops the echo from moving `from` back. */
  private follow(from: MapLibreMap, to: MapLibreMap): void {
    from.on('move', () => {
      if (this.syncing) return;
      this.syncing = true;
      to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
      this.syncing = false;
    });
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  setData(side: CompareSide, data: Partial<Record<ProgrammeSource, FeatureCollection>>): void {
    const map = this.maps[side];
    const named = data.zones ? { ...data, 'zone-labels': labelPoints(data.zones) } : data;
    for (const [id, fc] of Object.entries(named)) {
      const source = map.getSource(id);
      if (source && source.type === 'geojson' && fc) (source as GeoJSONSource).setData(fc);
    }
  }

  setImagery(side: CompareSide, imagery: ImageryLayer | null): void {
    setImagery(this.maps[side], imagery);
  }

  /** Both maps follow: moving one moves the other. */
  fitBounds(bounds: [number, number, number, number]): void {
    this.maps.before.fitBounds(bounds, { padding: 24, animate: false });
  }

  /** After the container changed size (the divider does not change it; opening does). */
  resize(): void {
    this.maps.before.resize();
    this.maps.after.resize();
  }

  destroy(): void {
    this.maps.before.remove();
    this.maps.after.remove();
  }
}

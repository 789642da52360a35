// The MapLibre map of a programme: creates it with the offline style, feeds its sources and
// exposes the few operations the UI needs. The UI never touches MapLibre directly.
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerCount, setWorkerUrl, type FilterSpecification, type LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection } from 'geojson';
import { applyBasemap, type BasemapSettings } from './basemap.ts';
import { provideConflictHatch } from './conflict-hatch.ts';
import { attachFeatureInteraction, type FeatureRef } from './feature-interaction.ts';
import { featureParts } from './feature-parts.ts';
import { CJK_FONT_FAMILY, NAMED_LABEL_LAYERS, nameField, PARCEL_IDS_FROM_ZOOM, type LabelLanguage } from './label-layers.ts';
import { labelPoints, labelPointsWithin } from './label-points.ts';
import { GROUP_LAYERS, LAYER_GROUP, type LayerGroup } from './layer-groups.ts';
import { applyOfflineBasemap, type OfflineBasemap } from './offline-basemap.ts';
import { TREATED_COLOUR, TREATED_OUTLINE } from './palette.ts';
import { PendingPolygonsLayer } from './pending-polygons-layer.ts';
import { showConflictShapes } from './conflict-shapes.ts';
import { skipTransparentSky } from './skip-transparent-sky.ts';
import { SourceFeeds } from './source-feed.ts';
import { TreatedDrawing, type TreatedDrawingEvents } from './treated-drawing.ts';
import type { SnapTargets } from '../domain/snap-targets.ts';
import { parcelFillColour, programmeStyle, PROGRAMME_SOURCES, TREATED_OPACITY, type ParcelStyleMode, type ProgrammeSource } from './programme-style.ts';

setWorkerUrl(workerUrl);
// MapLibre keeps each GeoJSON source on one of its workers, one worker by default: with a second,
// a small source (the polygon being saved, the drawing) is not queued behind re-tiling 50,000
// parcels.
setWorkerCount(2);

export interface ProgrammeMapOptions {
  container: HTMLElement;
  parcelStyle: ParcelStyleMode;
  /** The language of place names on the map. */
  language: LabelLanguage;
  /** MapLibre's own control labels, translated. */
  locale: Record<string, string>;
  onSelect: (ref: FeatureRef | null) => void;
}

export class ProgrammeMap {
  readonly map: MapLibreMap;
  private readonly ready: Promise<void>;
  private selected: FeatureRef | null = null;
  private hiddenTreatedId: string | null = null;
  private detachInteraction: () => void = () => {};
  private readonly feeds: SourceFeeds;
  private readonly pendingTreated = new PendingPolygonsLayer('treated-pending', { colour: TREATED_COLOUR, opacity: TREATED_OPACITY }, TREATED_OUTLINE);
  private offlineBasemapKey: string | null = null;
  private readonly hiddenGroups = new Set<LayerGroup>();
  // A layer of an empty source is hidden: it would still cost a software renderer a pass over
  // the stencil buffer every frame (the tiles' clipping masks), for nothing.
  private readonly emptySources = new Set<string>(PROGRAMME_SOURCES);
  private readonly sourceLayers = new Map<string, string[]>();
  /** Off while the surveyor draws: a click then places a vertex, not selects a feature. */
  selecting = true;

  constructor(options: ProgrammeMapOptions) {
    const style = programmeStyle(options.parcelStyle, options.language);
    for (const layer of style.layers) {
      if (!('source' in layer) || typeof layer.source !== 'string') continue;
      this.sourceLayers.set(layer.source, [...(this.sourceLayers.get(layer.source) ?? []), layer.id]);
    }
    this.map = new MapLibreMap({
      container: options.container,
      style,
      center: [118.7, 40.05],
      zoom: 10,
      locale: options.locale,
      // Chinese text in any layer left on MapLibre's default font stack is drawn from these local
      // fonts; the programme's labels name their fonts themselves (label-layers.ts).
      localIdeographFontFamily: CJK_FONT_FAMILY,
      attributionControl: { compact: true },
      // No labels to fade in: without this the map renders every frame for 300 ms after each
      // move, which a software renderer pays for in the frames that follow.
      fadeDuration: 0,
      // Keeps the drawing buffer readable, so screenshots and printing show the map.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    skipTransparentSky(this.map);
    provideConflictHatch(this.map);
    // While a large collection is still arriving in slices the map shows only part of it.
    const container = this.map.getContainer();
    this.feeds = new SourceFeeds(this.map, { treated: this.pendingTreated }, (busy) => container.setAttribute('aria-busy', String(busy)));
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    void this.ready.then(() => {
      // Right above the treated polygons, as they will be drawn once stored.
      this.map.addLayer(this.pendingTreated, 'overlap-fill');
      this.showLayers([...this.sourceLayers.values()].flat());
      this.map.on('moveend', () => this.labelParcelsInView());
      this.detachInteraction = attachFeatureInteraction(this.map, (ref) => {
        if (!this.selecting) return;
        this.select(ref);
        options.onSelect(ref);
      });
    });
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Sends only what changed since the last call for this source (see source-feed.ts). */
  setData(source: ProgrammeSource, data: FeatureCollection): void {
    this.feeds.push(source, source === 'buffers' ? featureParts(data) : data);
    if (this.selected?.source === source) this.showSelection();
    if (source === 'zones') this.setData('zone-labels', labelPoints(data));
    if (source === 'parcels') this.labelParcelsInView();
    this.showSourceLayers(source, data.features.length === 0);
  }

  private showSourceLayers(source: ProgrammeSource, empty: boolean): void {
    if (empty === this.emptySources.has(source)) return;
    if (empty) this.emptySources.add(source);
    else this.emptySources.delete(source);
    this.showLayers(this.sourceLayers.get(source) ?? []);
  }

  /** Shows a feature before it is stored; see SourceFeeds.preview. */
  preview(source: ProgrammeSource, feature: Feature): () => void {
    return this.feeds.preview(source, feature);
  }

  setGroupVisible(group: LayerGroup, visible: boolean): void {
    if (group === 'treated') this.pendingTreated.visible = visible;
    if (visible) this.hiddenGroups.delete(group);
    else this.hiddenGroups.add(group);
    this.showLayers(GROUP_LAYERS[group]);
  }

  /** A layer shows unless its group is turned off or its source is empty. */
  private showLayers(layers: string[]): void {
    for (const id of layers) {
      const layer = this.map.getLayer(id);
      if (!layer) continue;
      const group = LAYER_GROUP[id];
      const visible = !this.emptySources.has(layer.source) && !(group && this.hiddenGroups.has(group));
      if ((this.map.getLayoutProperty(id, 'visibility') === 'none') === !visible) continue;
      this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
  }

  setParcelStyle(mode: ParcelStyleMode): void {
    this.map.setPaintProperty('parcels-fill', 'fill-color', parcelFillColour(mode));
  }

  setBasemap(settings: BasemapSettings): void {
    applyBasemap(this.map, settings);
  }

  /** A stored PMTiles archive drawn beneath the programme, or none. */
  setOfflineBasemap(basemap: OfflineBasemap | null): void {
    applyOfflineBasemap(this.map, basemap, this.offlineBasemapKey);
    this.offlineBasemapKey = basemap?.source.getKey() ?? null;
  }

  /** What the map shows now: for caching an online basemap's tiles of this area. */
  view(): { bounds: [number, number, number, number]; zoom: number } {
    const b = this.map.getBounds();
    return { bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: this.map.getZoom() };
  }

  select(ref: FeatureRef | null): void {
    this.selected = ref;
    this.showSelection();
  }

  /** The selected feature's current shape into the selection source (none while it is being reshaped). */
  private showSelection(): void {
    const ref = this.selected;
    const hidden = ref?.source === 'treated' && ref.id === this.hiddenTreatedId;
    const feature = ref && !hidden ? this.feeds.feature(ref.source, ref.id) : undefined;
    const features = feature ? [feature] : [];
    this.feeds.push('selection', { type: 'FeatureCollection', features });
    this.showSourceLayers('selection', features.length === 0);
  }

  /**
   * Parcel ids are written only from PARCEL_IDS_FROM_ZOOM, where a view holds tens of parcels: only
   * those get a label point, refreshed after each move.
   */
  private labelParcelsInView(): void {
    const parcels = this.feeds.collection('parcels');
    if (!parcels || this.map.getZoom() < PARCEL_IDS_FROM_ZOOM - 1) {
      if (!this.emptySources.has('parcel-labels')) this.setData('parcel-labels', { type: 'FeatureCollection', features: [] });
      return;
    }
    const b = this.map.getBounds();
    const [w, s, e, n] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    // Half a view more on each side, so a short pan finds its labels already there.
    const [dx, dy] = [(e - w) / 2, (n - s) / 2];
    this.setData('parcel-labels', labelPointsWithin(parcels, [w - dx, s - dy, e + dx, n + dy]));
  }

  /** Place names in the interface language. */
  setLabelLanguage(language: LabelLanguage): void {
    for (const id of NAMED_LABEL_LAYERS) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'text-field', nameField(language));
  }

  fitBounds(bounds: LngLatBoundsLike, animate = true): void {
    // The container may have just changed size (an inspector opened); fit to its size now.
    this.map.resize();
    this.map.fitBounds(bounds, { padding: 48, maxZoom: 16, animate, duration: animate ? 1200 : 0 });
  }

  /** Drawing and reshaping treated polygons on this map. */
  createDrawing(targets: () => SnapTargets | null, events: TreatedDrawingEvents): TreatedDrawing {
    return new TreatedDrawing(this.map, targets, events);
  }

  /** Hides one treated polygon while the drawing tool holds its shape; null shows them all. */
  hideTreated(id: string | null): void {
    const filter = id === null ? null : (['!=', ['get', 'id'], id] as FilterSpecification);
    for (const layer of GROUP_LAYERS.treated) if (this.map.getLayer(layer)) this.map.setFilter(layer, filter);
    this.hiddenTreatedId = id;
    this.showSelection();
  }

  /** A sync conflict's two versions of one polygon, or none (conflict-shapes.ts). */
  showConflictShapes(shapes: FeatureCollection | null): void {
    showConflictShapes(this.map, shapes);
  }

  flyTo(lonLat: [number, number], minZoom = 17): void {
    this.map.easeTo({ center: lonLat, zoom: Math.max(this.map.getZoom(), minZoom), duration: 800 });
  }

  destroy(): void {
    this.detachInteraction();
    this.map.remove();
  }
}

export type { FeatureRef };

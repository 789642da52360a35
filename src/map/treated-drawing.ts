// Drawing and reshaping treated polygons on the map with terra-draw: polygon mode to draw (a new
// polygon or a hole), linestring mode for a split line, select mode to move, add (midpoints), drag
// and delete (right-click / long press) vertices. Every shape change is checked as it happens; a
// refused change leaves the last valid shape and says why.
//
// Reshaping works ring by ring: terra-draw's select mode edits only a polygon's outer ring, so
// each ring of the stored shape (shell, holes, every part of a MultiPolygon) is handed to it as a
// polygon of its own, and the shape is put back together after every change. That keeps
// terra-draw's tested dragging, midpoints, deletion and snapping for holes too, where a hand-made
// vertex dragger on MapLibre events would have to redo all of it; what terra-draw cannot see (a
// hole leaving its shell, rings crossing) is checked on the assembled shape before a change is kept.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LineString, Polygon, Position } from 'geojson';
import {
  TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures, type SnapToCustom,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { drawnAreaProblem, drawnShapeProblem, type DrawnShapeProblem } from '../domain/drawn-shape.ts';
import type { AreaGeometry } from '../domain/model.ts';
import { woundRings } from '../domain/polygon-winding.ts';
import type { SnapTargets } from '../domain/snap-targets.ts';
import { CONFLICT_COLOUR, HIGHLIGHT_COLOUR, TREATED_OUTLINE } from './palette.ts';

/** How far, in screen pixels, a vertex or edge pulls the pointer: a fingertip on a phone. */
const SNAP_PX = 14;
/** terra-draw stores coordinates to this many decimals (about 0.1 mm) and refuses finer ones. */
const PRECISION = 9;
/** The layers terra-draw's MapLibre adapter adds (prefix "td"). */
const TERRA_DRAW_LAYERS = ['td-polygon', 'td-polygon-outline', 'td-linestring', 'td-point', 'td-point-marker'];

export interface TreatedDrawingEvents {
  /** The shape as it is now (cursor included while drawing); null when nothing is drawn. */
  onShape: (shape: AreaGeometry | null) => void;
  onRefused: (problem: DrawnShapeProblem) => void;
  /** A new polygon was closed (double click, or click on its first vertex). */
  onDrawn: (shape: Polygon) => void;
  /** A line was finished (click on its last point again). */
  onLine: (line: LineString) => void;
  /** An edited shape was changed and let go (a vertex dragged, added or deleted; a ring moved). */
  onReshaped: (shape: AreaGeometry) => void;
}

/** Where a ring handed to terra-draw sits in the edited shape. */
interface RingPlace {
  part: number;
  ring: number;
}

const ringId = (place: RingPlace): string => `ring-${place.part}-${place.ring}`;
const rounded = (ring: readonly Position[]): Position[] => ring.map((p) => [Number(p[0]!.toFixed(PRECISION)), Number(p[1]!.toFixed(PRECISION))]);

export type DrawingState = 'idle' | 'drawing' | 'editing';

/** A position handed to terra-draw as if the surveyor had tapped there. */
type FedPoint = { lngLat: [number, number]; snap: boolean };

export class TreatedDrawing {
  private readonly draw: TerraDraw;
  private state: DrawingState = 'idle';
  private shapes = 0;
  /** The shape being reshaped, ring by ring (parts, then rings), as it stands after the last kept change. */
  private edited: { multi: boolean; parts: Position[][][] } | null = null;
  private readonly polygonMode: TerraDrawPolygonMode;
  /** The tap being fed by a button (crosshair or GPS vertex), the only tap let through in crosshair mode. */
  private fed: FedPoint | null = null;
  /**
   * Crosshair mode (as in QField): vertices go where the map centre is, added by a button, so a
   * finger never hides the spot; taps on the map, pans and pinches add nothing.
   */
  crosshair = false;
  snapping = true;

  constructor(private readonly map: MapLibreMap, private readonly targets: () => SnapTargets | null, private readonly events: TreatedDrawingEvents) {
    const toCustom: SnapToCustom = (event) => (this.fed && !this.fed.snap ? undefined : this.snap(event.containerX, event.containerY));
    const validation = (feature: GeoJSONStoreFeatures, context: { updateType: string }) => this.validate(feature, context.updateType);
    // A hole is drawn as a ring of its own over its shell: unfilled, so it reads as a hole.
    const fillOpacity = (feature: GeoJSONStoreFeatures): number => (feature.properties['hole'] ? 0 : 0.35);
    const styles = {
      fillColor: TREATED_OUTLINE, fillOpacity, outlineColor: TREATED_OUTLINE, outlineWidth: 2,
      snappingPointColor: HIGHLIGHT_COLOUR, snappingPointWidth: 7, snappingPointOutlineColor: '#000000', snappingPointOutlineWidth: 2,
      closingPointColor: '#ffffff', closingPointOutlineColor: TREATED_OUTLINE, closingPointWidth: 6,
    } as const;
    this.polygonMode = new TerraDrawPolygonMode({
      snapping: { toCustom }, validation, styles: styles as never, pointerDistance: 30,
      pointerEvents: { leftClick: () => !this.crosshair || this.fed !== null, rightClick: true, contextMenu: false, onDragStart: true, onDrag: true, onDragEnd: true },
    });
    this.draw = new TerraDraw({
      // Plain counters: the edited shape keeps a fixed id, and nothing needs a secure context.
      idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: () => `shape-${++this.shapes}` },
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
      modes: [
        this.polygonMode,
        new TerraDrawLineStringMode({
          snapping: { toCustom },
          pointerDistance: 30,
          styles: { lineStringColor: CONFLICT_COLOUR, lineStringWidth: 3, closingPointColor: '#ffffff', closingPointOutlineColor: CONFLICT_COLOUR, closingPointWidth: 6, snappingPointColor: HIGHLIGHT_COLOUR, snappingPointWidth: 7 } as never,
        }),
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: {
                draggable: true,
                validation,
                coordinates: { draggable: true, deletable: true, midpoints: true, snappable: { toCustom } },
              },
            },
          },
          styles: {
            selectedPolygonColor: TREATED_OUTLINE, selectedPolygonFillOpacity: (f: GeoJSONStoreFeatures) => (f.properties['hole'] ? 0 : 0.3), selectedPolygonOutlineColor: CONFLICT_COLOUR,
            selectedPolygonOutlineWidth: 2, selectionPointColor: '#ffffff', selectionPointOutlineColor: CONFLICT_COLOUR,
            selectionPointWidth: 6, selectionPointOutlineWidth: 2, midPointColor: HIGHLIGHT_COLOUR, midPointWidth: 4,
          } as never,
        }),
      ],
    });
    this.draw.start();
    this.showLayers(false);
    this.draw.on('change', (ids) => this.changed(ids));
    this.draw.on('finish', (id, context) => this.finished(String(id), context.mode));
    // In crosshair mode the outline being drawn runs to the map centre, wherever the map goes.
    map.on('move', this.followCentre);
    map.on('click', this.followCentre);
  }

  private readonly followCentre = (): void => {
    if (!this.crosshair || this.state !== 'drawing' || this.draw.getMode() !== 'polygon') return;
    const { x, y, lngLat } = this.centre();
    this.polygonMode.onMouseMove({ lng: lngLat[0], lat: lngLat[1], containerX: x, containerY: y, button: 'neither', heldKeys: [], isContextMenu: false });
  };

  private centre(): { x: number; y: number; lngLat: [number, number] } {
    const canvas = this.map.getCanvas();
    const x = canvas.clientWidth / 2;
    const y = canvas.clientHeight / 2;
    const p = this.map.unproject([x, y]);
    return { x, y, lngLat: [p.lng, p.lat] };
  }

  /** Adds a vertex of the polygon being drawn where the map centre is (snapped like a tap). */
  addVertexAtCentre(): void {
    this.feed({ lngLat: this.centre().lngLat, snap: true });
  }

  /** Adds a vertex at a position (a GPS fix), not snapped: the position is the measurement. */
  addVertexAt(lngLat: [number, number]): void {
    this.feed({ lngLat, snap: false });
  }

  private feed(point: FedPoint): void {
    if (this.state !== 'drawing' || this.draw.getMode() !== 'polygon') return;
    const { x, y } = this.map.project(point.lngLat);
    this.fed = point;
    try {
      this.polygonMode.onClick({ lng: point.lngLat[0], lat: point.lngLat[1], containerX: x, containerY: y, button: 'left', heldKeys: [], isContextMenu: false });
    } finally {
      this.fed = null;
    }
    this.followCentre();
  }

  /** Takes back the last vertex of the polygon being drawn. */
  undoVertex(): void {
    if (this.state === 'drawing' && this.draw.getMode() === 'polygon') this.polygonMode.undo();
    this.followCentre();
  }

  /** Closes the polygon being drawn, as a double tap on its last vertex would; refused shapes stay open. */
  finish(): void {
    if (this.state !== 'drawing' || this.draw.getMode() !== 'polygon') return;
    // terra-draw's own finish key: it drops the point that follows the pointer (or the centre).
    this.polygonMode.onKeyUp({ key: 'Enter', heldKeys: [], preventDefault: () => undefined });
  }

  get current(): DrawingState {
    return this.state;
  }

  /** Starts a new polygon; clicks add vertices, snapped to nearby parcels and treated polygons. */
  startDrawing(): void {
    this.clear();
    this.state = 'drawing';
    this.showLayers(true);
    this.draw.setMode('polygon');
  }

  /** Starts a line (a split across a polygon); clicks add points, a click on the last point ends it. */
  startLine(): void {
    this.clear();
    this.state = 'drawing';
    this.showLayers(true);
    this.draw.setMode('linestring');
  }

  /**
   * Puts an existing shape under the surveyor's fingers, every ring (holes too) as a polygon
   * terra-draw can edit, the first shell selected; false if terra-draw refuses a ring.
   */
  editShape(shape: AreaGeometry): boolean {
    this.clear();
    this.draw.setMode('select');
    const parts = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
    this.edited = { multi: shape.type === 'MultiPolygon', parts: parts.map((rings) => rings.map((ring) => [...ring])) };
    const features = parts.flatMap((rings, part) => rings.map((ring, r) => ({
      id: ringId({ part, ring: r }),
      type: 'Feature' as const,
      geometry: { type: 'Polygon' as const, coordinates: [rounded(ring)] },
      properties: { mode: 'polygon', part, ring: r, hole: r > 0 },
    })));
    if (this.draw.addFeatures(features).some((added) => !added.valid)) {
      this.edited = null;
      this.draw.clear();
      this.draw.setMode('static');
      return false;
    }
    this.state = 'editing';
    this.showLayers(true);
    this.draw.selectFeature(ringId({ part: 0, ring: 0 }));
    return true;
  }

  /** Which ring the surveyor's fingers work on (the shell is ring 0 of each part). */
  selectRing(part: number, ring: number): void {
    if (this.state !== 'editing') return;
    const id = ringId({ part, ring });
    for (const feature of this.draw.getSnapshot()) {
      if (feature.properties['selected'] && feature.id !== id) this.draw.deselectFeature(feature.id!);
    }
    this.draw.selectFeature(id);
  }

  /** The edited shape with one ring replaced (by a candidate from terra-draw), wound as RFC 7946 wants. */
  private assembled(place?: RingPlace, ring?: Position[]): AreaGeometry | null {
    if (!this.edited) return null;
    const parts = this.edited.parts.map((rings, p) => woundRings(rings.map((r, k) => (place && ring && p === place.part && k === place.ring ? ring : r))));
    return this.edited.multi ? { type: 'MultiPolygon', coordinates: parts } : { type: 'Polygon', coordinates: parts[0]! };
  }

  private placeOf(feature: GeoJSONStoreFeatures): RingPlace | null {
    const { part, ring } = feature.properties;
    return typeof part === 'number' && typeof ring === 'number' ? { part, ring } : null;
  }

  /** The shape being edited or drawn, as terra-draw holds it. */
  shape(): Polygon | null {
    const feature = this.draw.getSnapshot().find((f) => f.geometry.type === 'Polygon');
    return feature ? (feature.geometry as Polygon) : null;
  }

  clear(): void {
    this.draw.setMode('static');
    this.draw.clear();
    this.showLayers(false);
    this.state = 'idle';
    this.edited = null;
    this.events.onShape(null);
  }

  /**
   * Terra-draw's layers are hidden while it has nothing to show: even empty, each would cost a
   * software renderer a stencil pass per frame.
   */
  private showLayers(shown: boolean): void {
    for (const id of TERRA_DRAW_LAYERS) {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', shown ? 'visible' : 'none');
    }
  }

  destroy(): void {
    this.map.off('move', this.followCentre);
    this.map.off('click', this.followCentre);
    this.draw.stop();
  }

  private snap(x: number, y: number): Position | undefined {
    const targets = this.targets();
    if (!this.snapping || !targets) return undefined;
    const corner1 = this.map.unproject([x - SNAP_PX, y + SNAP_PX]);
    const corner2 = this.map.unproject([x + SNAP_PX, y - SNAP_PX]);
    const target = targets.nearest(
      { x, y },
      [corner1.lng, corner1.lat, corner2.lng, corner2.lat],
      ([lon, lat]) => this.map.project([lon!, lat!]),
      ({ x: px, y: py }) => {
        const p = this.map.unproject([px, py]);
        return [p.lng, p.lat];
      },
      SNAP_PX,
    );
    return target?.position;
  }

  private validate(feature: GeoJSONStoreFeatures, updateType: string): { valid: boolean; reason?: string } {
    if (feature.geometry.type !== 'Polygon') return { valid: true };
    const place = this.state === 'editing' ? this.placeOf(feature) : null;
    const candidate = place ? this.assembled(place, feature.geometry.coordinates[0] as Position[]) : null;
    const problem = candidate ? drawnAreaProblem(candidate) : drawnShapeProblem(feature.geometry);
    // While a polygon is being drawn it has too few vertices until the third click: only a
    // crossing is refused then; the finished shape must pass every check.
    const drawingInProgress = this.state === 'drawing' && updateType !== 'finish';
    if (!problem || (drawingInProgress && problem.code !== 'self_intersection')) return { valid: true };
    if (updateType !== 'provisional') this.events.onRefused(problem);
    return { valid: false, reason: problem.code };
  }

  private changed(ids: (string | number)[]): void {
    const feature = ids.map((id) => this.draw.getSnapshotFeature(id)).find((f) => f?.geometry.type === 'Polygon');
    if (!feature) return;
    const place = this.state === 'editing' ? this.placeOf(feature) : null;
    this.events.onShape(place ? this.assembled(place, (feature.geometry as Polygon).coordinates[0]) : feature.geometry as Polygon);
  }

  private finished(id: string, mode: string): void {
    const feature = this.draw.getSnapshotFeature(id);
    if (feature?.geometry.type === 'LineString' && mode === 'linestring') {
      this.clear();
      this.events.onLine(feature.geometry as LineString);
      return;
    }
    if (!feature || feature.geometry.type !== 'Polygon') return;
    const shape = feature.geometry as Polygon;
    if (mode === 'polygon') {
      this.draw.setMode('static');
      this.state = 'idle';
      this.events.onShape(null);
      this.events.onDrawn(shape);
      // The drawn outline stays until the map has drawn the polygon as stored (or as being
      // saved), so it never blinks out in between; a new drawing clears it at once.
      this.map.once('idle', () => {
        if (this.state !== 'idle') return;
        this.draw.clear();
        this.showLayers(false);
      });
    } else {
      const place = this.placeOf(feature);
      const reshaped = place && this.assembled(place, shape.coordinates[0]);
      if (!place || !reshaped || !this.edited) return;
      this.edited.parts[place.part]![place.ring] = shape.coordinates[0]!;
      this.events.onReshaped(reshaped);
    }
  }
}

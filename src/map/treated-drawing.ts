// Drawing and reshaping treated polygons on the map with terra-draw: polygon mode to draw, select
// mode to move, add (midpoints), drag and delete (right-click / long press) vertices. Every shape
// change is checked as it happens; a refused change leaves the last valid shape and says why.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Polygon, Position } from 'geojson';
import {
  TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures, type SnapToCustom,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { drawnShapeProblem, type DrawnShapeProblem } from '../domain/drawn-shape.ts';
import type { SnapTargets } from '../domain/snap-targets.ts';
import { CONFLICT_COLOUR, HIGHLIGHT_COLOUR, TREATED_OUTLINE } from './palette.ts';

/** How far, in screen pixels, a vertex or edge pulls the pointer: a fingertip on a phone. */
const SNAP_PX = 14;
const EDITED_ID = 'fulv-edited-shape';
/** The layers terra-draw's MapLibre adapter adds (prefix "td"). */
const TERRA_DRAW_LAYERS = ['td-polygon', 'td-polygon-outline', 'td-linestring', 'td-point', 'td-point-marker'];

export interface TreatedDrawingEvents {
  /** The shape as it is now (cursor included while drawing); null when nothing is drawn. */
  onShape: (shape: Polygon | null) => void;
  onRefused: (problem: DrawnShapeProblem) => void;
  /** A new polygon was closed (double click, or click on its first vertex). */
  onDrawn: (shape: Polygon) => void;
  /** An edited shape was changed and let go (a vertex dragged, added or deleted; the shape moved). */
  onReshaped: (shape: Polygon) => void;
}

export type DrawingState = 'idle' | 'drawing' | 'editing';

export class TreatedDrawing {
  private readonly draw: TerraDraw;
  private state: DrawingState = 'idle';
  private shapes = 0;
  snapping = true;

  constructor(private readonly map: MapLibreMap, private readonly targets: () => SnapTargets | null, private readonly events: TreatedDrawingEvents) {
    const toCustom: SnapToCustom = (event) => this.snap(event.containerX, event.containerY);
    const validation = (feature: GeoJSONStoreFeatures, context: { updateType: string }) => this.validate(feature, context.updateType);
    const styles = {
      fillColor: TREATED_OUTLINE, fillOpacity: 0.35, outlineColor: TREATED_OUTLINE, outlineWidth: 2,
      snappingPointColor: HIGHLIGHT_COLOUR, snappingPointWidth: 7, snappingPointOutlineColor: '#000000', snappingPointOutlineWidth: 2,
      closingPointColor: '#ffffff', closingPointOutlineColor: TREATED_OUTLINE, closingPointWidth: 6,
    } as const;
    this.draw = new TerraDraw({
      // Plain counters: the edited shape keeps a fixed id, and nothing needs a secure context.
      idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: () => `shape-${++this.shapes}` },
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
      modes: [
        new TerraDrawPolygonMode({ snapping: { toCustom }, validation, styles: styles as never, pointerDistance: 30 }),
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
            selectedPolygonColor: TREATED_OUTLINE, selectedPolygonFillOpacity: 0.3, selectedPolygonOutlineColor: CONFLICT_COLOUR,
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

  /**
   * Puts an existing shape under the surveyor's fingers; false if the editor cannot hold it
   * (terra-draw edits single-ring polygons: no holes).
   */
  editShape(shape: Polygon): boolean {
    this.clear();
    this.draw.setMode('select');
    const [added] = this.draw.addFeatures([{ id: EDITED_ID, type: 'Feature', geometry: shape, properties: { mode: 'polygon' } }]);
    if (!added?.valid) {
      this.draw.setMode('static');
      return false;
    }
    this.state = 'editing';
    this.showLayers(true);
    this.draw.selectFeature(EDITED_ID);
    return true;
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
    const problem = drawnShapeProblem(feature.geometry);
    // While a polygon is being drawn it has too few vertices until the third click: only a
    // crossing is refused then; the finished shape must pass every check.
    const drawingInProgress = this.state === 'drawing' && updateType !== 'finish';
    if (!problem || (drawingInProgress && problem.code !== 'self_intersection')) return { valid: true };
    if (updateType !== 'provisional') this.events.onRefused(problem);
    return { valid: false, reason: problem.code };
  }

  private changed(ids: (string | number)[]): void {
    const feature = ids.map((id) => this.draw.getSnapshotFeature(id)).find((f) => f?.geometry.type === 'Polygon');
    if (feature) this.events.onShape(feature.geometry as Polygon);
  }

  private finished(id: string, mode: string): void {
    const feature = this.draw.getSnapshotFeature(id);
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
      this.events.onReshaped(shape);
    }
  }
}

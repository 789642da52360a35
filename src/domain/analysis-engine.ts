// The analysis engine: holds the programme in GEOS with its indexes and per-parcel figures, and
// on an edit recomputes only what the edit reaches: a buffer distance change redoes one zone type
// for the parcels near its old or new buffers; a treated polygon change redoes the parcels under
// its old and new extent and the clusters of treated polygons it left or joins. Everything else is
// reused as it was.
import type Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { idOf, readZones, type Report } from './analysis-input.ts';
import { destroyItem, readParcels, readTreated, treatedBefore, type ParcelItem, type TreatedItem } from './analysis-items.ts';
import { computeTotals, type TotalsRow } from './analysis-totals.ts';
import type { AnalysisInput, AnalysisResults, InputFeature, Issue, ParcelTreated, Progress } from './analysis-types.ts';
import { geosToGeojson, typeLayerFeatures, type BufferCollection } from './buffer-features.ts';
import { validateBufferDistance, type BufferDistances } from './buffer-presets.ts';
import { loadGeos, takeGeosError, type Geos } from './geos/geos-loader.ts';
import { OverlayError, type OverlayCounter } from './layer-overlap.ts';
import { ZONE_TYPES, type ZoneType } from './model.ts';
import type { BBox } from './packed-geometry.ts';
import { allOverlap, parcelOverlap, typeOverlap } from './parcel-overlap.ts';
import { parcelResult, type ParcelFigures } from './parcel-result.ts';
import { bboxIndex, searchBBox } from './spatial-index.ts';
import { destroyTiledLayer, type TiledLayer } from './tiled-layer.ts';
import { parcelTreated } from './treated-area.ts';
import { treatedClusters } from './treated-clusters.ts';
import { clusterOutside, coveringParcel, type OutsideContext, type OutsideShare } from './treated-outside.ts';
import { buildAllLayer, buildTypeLayer, destroyTypeLayer, type TypeLayer, type ZoneItem } from './zone-layers.ts';

export type TreatedChange = { feature: InputFeature } | { deleted: string };

export interface AnalysisOptions {
  onProgress?: (progress: Progress) => void;
}

type Scope = 'everything' | 'treated' | ZoneType;

/** Treated polygons that meet, with their area outside every parcel by year. */
interface Cluster {
  members: TreatedItem[];
  outside: OutsideShare[];
}

const PROGRESS_EVERY = 500;

export class Analysis {
  /** GEOS overlay operations so far; tests read it to see that an update reused untouched parcels. */
  readonly counter: OverlayCounter = { clips: 0 };
  /** How many times each zone type's layer was built; tests read it to see what an edit rebuilt. */
  readonly layerBuilds = Object.fromEntries(ZONE_TYPES.map((t) => [t, 0])) as Record<ZoneType, number>;
  /** Ids of the parcels the last update recomputed. */
  lastRecomputed: string[] = [];
  private distances: BufferDistances;
  private readonly parcels: ParcelItem[];
  private readonly parcelIndex: Flatbush | null;
  private readonly zones: ZoneItem[];
  private readonly layers: Record<ZoneType, TypeLayer>;
  private all: TiledLayer;
  private treated: TreatedItem[];
  private treatedIndex: Flatbush | null;
  private readonly figures: (ParcelFigures | null)[];
  /**
   * Each parcel's reported row, made from its figures when first asked for and kept until they
   * change: after an edit at 50k parcels, rebuilding every row took longer than the edit itself.
   */
  private readonly rows: (TotalsRow | null)[];
  /** Treated polygons inside one parcel: nothing of them is outside parcels, so no cluster holds them. */
  private readonly inside = new Set<TreatedItem>();
  private readonly clusterOf = new Map<TreatedItem, Cluster>();
  private readonly inputReport: Report = { issues: [], notices: [] };
  private readonly treatedReports = new Map<string, Report>();
  private readonly failures = new Map<string, Issue>();

  constructor(private readonly geos: Geos, input: AnalysisInput, private readonly options: AnalysisOptions = {}) {
    this.distances = { ...input.distances };
    for (const t of ZONE_TYPES) {
      const problem = validateBufferDistance(t, this.distances[t]);
      if (problem) throw new RangeError(problem);
    }
    this.progress('validating', 0, 1);
    this.parcels = readParcels(geos, input, this.inputReport);
    this.zones = readZones(geos, input.zones, this.inputReport);
    const treatedReport: Report = { issues: [], notices: [] };
    this.treated = readTreated(geos, input.treated ?? [], treatedReport);
    for (const issue of treatedReport.issues) this.treatedReport(issue.id).issues.push(issue);
    for (const notice of treatedReport.notices) this.treatedReport(notice.id).notices.push(notice);
    this.parcelIndex = bboxIndex(this.parcels);
    this.treatedIndex = bboxIndex(this.treated);
    this.progress('buffering', 0, ZONE_TYPES.length);
    this.layers = Object.fromEntries(ZONE_TYPES.map((t, i) => {
      this.progress('buffering', i, ZONE_TYPES.length);
      this.layerBuilds[t]++;
      return [t, buildTypeLayer(geos, t, this.zones, this.distances[t])];
    })) as Record<ZoneType, TypeLayer>;
    this.all = buildAllLayer(geos, ZONE_TYPES.map((t) => this.layers[t]));
    this.figures = this.parcels.map(() => null);
    this.rows = this.parcels.map(() => null);
    // Before the parcels: their treated area uses which parcel covers each polygon.
    for (const t of this.treated) this.markWithin(t);
    this.parcels.forEach((_, i) => {
      if (i % PROGRESS_EVERY === 0) this.progress('overlaps', i, this.parcels.length);
      this.computeParcel(i, 'everything');
    });
    this.progress('treated', 0, this.treated.length);
    for (const members of this.clustersOf(this.treated)) this.computeCluster(members);
    this.progress('treated', this.treated.length, this.treated.length);
  }

  results(): AnalysisResults {
    const rows = this.parcels.flatMap((p, i) => {
      const figures = this.figures[i];
      if (!figures) return [];
      this.rows[i] ??= { result: parcelResult(p, figures), township: p.township, category: p.category };
      return [this.rows[i]];
    });
    const reports = [this.inputReport, ...this.treatedReports.values()];
    return {
      parcels: rows.map((r) => r.result),
      totals: computeTotals(rows, [...new Set(this.clusterOf.values())].flatMap((c) => c.outside), this.treated.filter((t) => t.date === null).length),
      issues: [...reports.flatMap((r) => r.issues), ...this.failures.values()],
      notices: reports.flatMap((r) => r.notices),
      distances: { ...this.distances },
    };
  }

  setBufferDistance(type: ZoneType, metres: number): void {
    const problem = validateBufferDistance(type, metres);
    if (problem) throw new RangeError(problem);
    if (this.distances[type] === metres) return void (this.lastRecomputed = []);
    const affected = new Set<number>();
    this.figures.forEach((f, i) => {
      if (!f || f.overlap[type].area > 0) affected.add(i);
    });
    const layer = buildTypeLayer(this.geos, type, this.zones, metres);
    this.layerBuilds[type]++;
    for (const b of layer.buffers) for (const i of searchBBox(this.parcelIndex, b.bbox)) affected.add(i);
    destroyTypeLayer(this.geos, this.layers[type]);
    this.layers[type] = layer;
    this.distances = { ...this.distances, [type]: metres };
    destroyTiledLayer(this.geos, this.all);
    this.all = buildAllLayer(this.geos, ZONE_TYPES.map((t) => this.layers[t]));
    this.recompute(affected, type);
  }

  /** Several distances at once (a preset); each type is rebuilt only if its distance changed. */
  setBufferDistances(distances: BufferDistances): void {
    const recomputed = new Set<string>();
    for (const type of ZONE_TYPES) {
      this.setBufferDistance(type, distances[type]);
      for (const id of this.lastRecomputed) recomputed.add(id);
    }
    this.lastRecomputed = [...recomputed];
  }

  /** The unioned buffer of each zone type, as drawn on the map. */
  bufferFeatures(): BufferCollection {
    return typeLayerFeatures(this.geos, ZONE_TYPES.map((t) => this.layers[t]));
  }

  /** The part of a parcel inside the protection buffers (all types, counted once); null if none. */
  overlapGeometry(parcelId: string): Polygon | MultiPolygon | null {
    const parcel = this.parcels.find((p) => p.id === parcelId);
    if (!parcel || !this.all.whole) return null;
    const result = this.geos.GEOSIntersection(this.all.whole.geometry, parcel.geometry);
    if (!result) throw new OverlayError(takeGeosError() ?? 'GEOS overlay failed');
    try {
      return geosToGeojson(this.geos, result);
    } finally {
      this.geos.GEOSGeom_destroy(result);
    }
  }

  updateTreated(change: TreatedChange): void {
    const id = 'deleted' in change ? change.deleted : idOf(change.feature);
    if (id === null) throw new TypeError('a treated feature needs properties.id to be updated');
    const boxes: BBox[] = [];
    // The clusters the old polygon was in and the new one joins are dissolved and formed again.
    const regroup = new Set<TreatedItem>();
    const old = this.treated.find((t) => t.id === id);
    if (old) {
      boxes.push(old.bbox);
      this.dropCluster(old, regroup);
      this.inside.delete(old);
      regroup.delete(old);
      destroyItem(this.geos, old);
      this.treated = this.treated.filter((t) => t !== old);
    }
    this.treatedReports.delete(id);
    const [item] = 'feature' in change ? readTreated(this.geos, [change.feature], this.treatedReport(id)) : [];
    if (item) {
      this.treated.push(item);
      boxes.push(item.bbox);
    }
    this.treatedIndex = bboxIndex(this.treated);
    if (item) this.place(item, regroup);
    const parcels = new Set(boxes.flatMap((b) => searchBBox(this.parcelIndex, b)));
    this.recompute(parcels, 'treated');
    for (const members of this.clustersOf(regroup)) this.computeCluster(members);
  }

  /**
   * Every parcel's treated figures for another set of treated polygons (the programme as of a
   * date), measured as the loaded ones are; the loaded polygons and figures stay as they were.
   * Unusable polygons are left out, as on load; an overlay failure fails the whole answer.
   */
  treatedWith(features: readonly InputFeature[]): ParcelTreated[] {
    const items = readTreated(this.geos, features, { issues: [], notices: [] });
    try {
      const index = bboxIndex(items);
      return this.parcels.map((parcel) => {
        const figures = parcelTreated(this.geos, parcel, items, index, this.counter);
        return { id: parcel.id, treated_m2: figures.area, treated_by_year: figures.byYear };
      });
    } finally {
      for (const item of items) destroyItem(this.geos, item);
    }
  }

  dispose(): void {
    for (const t of ZONE_TYPES) destroyTypeLayer(this.geos, this.layers[t]);
    destroyTiledLayer(this.geos, this.all);
    for (const item of [...this.parcels, ...this.treated]) destroyItem(this.geos, item);
    this.parcels.length = 0;
    this.rows.length = 0;
    this.treated = [];
    this.inside.clear();
    this.clusterOf.clear();
  }

  private recompute(indices: Iterable<number>, scope: Scope): void {
    this.lastRecomputed = [];
    for (const i of indices) {
      this.computeParcel(i, scope);
      this.lastRecomputed.push(this.parcels[i]!.id);
    }
  }

  private computeParcel(i: number, scope: Scope): void {
    const parcel = this.parcels[i]!;
    const previous = this.figures[i];
    this.rows[i] = null;
    try {
      if (!previous || scope === 'everything') {
        const overlap = parcelOverlap(this.geos, this.layers, this.all, parcel, this.counter);
        this.figures[i] = { overlap, treated: parcelTreated(this.geos, parcel, this.treated, this.treatedIndex, this.counter) };
      } else if (scope === 'treated') {
        previous.treated = parcelTreated(this.geos, parcel, this.treated, this.treatedIndex, this.counter);
      } else {
        previous.overlap[scope] = typeOverlap(this.geos, this.layers[scope], parcel, this.counter);
        previous.overlap.all = allOverlap(this.geos, this.all, previous.overlap, parcel, this.counter);
      }
      this.failures.delete(`parcels:${parcel.id}`);
    } catch (error) {
      if (!(error instanceof OverlayError)) throw error;
      this.figures[i] = null;
      this.failures.set(`parcels:${parcel.id}`, { layer: 'parcels', id: parcel.id, code: 'overlay_failed', reason: `GEOS could not overlay this parcel: ${error.message}` });
    }
  }

  private outsideContext(): OutsideContext {
    return { parcels: this.parcels, parcelIndex: this.parcelIndex };
  }

  /** The clusters holding `seeds`, among the treated polygons not inside one parcel. */
  private clustersOf(seeds: Iterable<TreatedItem>): TreatedItem[][] {
    return treatedClusters(this.geos, seeds, (t) => !this.inside.has(t), this.treated, this.treatedIndex);
  }

  /** A new polygon inside one parcel stays out of the clusters; else it joins those it meets. */
  private place(item: TreatedItem, regroup: Set<TreatedItem>): void {
    if (this.markWithin(item)) return;
    regroup.add(item);
    for (const i of searchBBox(this.treatedIndex, item.bbox)) {
      const u = this.treated[i]!;
      if (u !== item && this.geos.GEOSPreparedIntersects(item.prepared, u.geometry) === 1) this.dropCluster(u, regroup);
    }
  }

  /** Records the parcel covering `t` (if any); such a polygon stays out of the clusters. */
  private markWithin(t: TreatedItem): boolean {
    t.within = coveringParcel(this.geos, t, this.outsideContext());
    if (t.within) this.inside.add(t);
    return t.within !== null;
  }

  /** Forgets the cluster holding `t` (if any), adding its members to `regroup`. */
  private dropCluster(t: TreatedItem, regroup: Set<TreatedItem>): void {
    const cluster = this.clusterOf.get(t);
    if (!cluster) return;
    for (const member of cluster.members) {
      this.clusterOf.delete(member);
      this.failures.delete(`treated:${member.id}`);
      regroup.add(member);
    }
  }

  private computeCluster(members: TreatedItem[]): void {
    const cluster: Cluster = { members, outside: [] };
    try {
      cluster.outside = clusterOutside(this.geos, members, this.outsideContext(), this.counter);
    } catch (error) {
      if (!(error instanceof OverlayError)) throw error;
      // Reported once, under the cluster's earliest polygon; the others are named in the reason.
      const [first, ...others] = [...members].sort((a, b) => (treatedBefore(a, b) ? -1 : 1));
      const withOthers = others.length > 0 ? ` (with ${others.map((t) => t.id).join(', ')}, which it meets)` : '';
      this.failures.set(`treated:${first!.id}`, { layer: 'treated', id: first!.id, code: 'overlay_failed', reason: `GEOS could not overlay this treated polygon${withOthers}: ${error.message}` });
    }
    for (const member of members) this.clusterOf.set(member, cluster);
  }

  private treatedReport(id: string): Report {
    let report = this.treatedReports.get(id);
    if (!report) this.treatedReports.set(id, (report = { issues: [], notices: [] }));
    return report;
  }

  private progress(phase: Progress['phase'], done: number, total: number): void {
    this.options.onProgress?.({ phase, done, total });
  }
}

/** Loads GEOS (once, lazily) and runs the full analysis of `input`. */
export async function createAnalysis(input: AnalysisInput, options: AnalysisOptions = {}): Promise<Analysis> {
  return new Analysis(await loadGeos(), input, options);
}

// Where a polygon's name or id is written: one point inside it, the pole of inaccessibility
// (polylabel) of its largest part. Labelled as polygons, MapLibre would write a name once in every
// tile the polygon crosses, four or more times for a parcel at zoom 16. Points and boxes are kept
// per feature object, which the field store keeps for unchanged features, so an edit recomputes
// only what it changed.
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, Point, Position } from 'geojson';

export type Box = [number, number, number, number];
type LabelPoint = Feature<Point, Record<string, unknown>>;

const points = new WeakMap<Feature, LabelPoint | null>();
const boxes = new WeakMap<Feature, Box | null>();

function outerRings(feature: Feature): Position[][][] {
  const g = feature.geometry;
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function ringBox(ring: Position[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring as [number, number][]) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

export function featureBox(feature: Feature): Box | null {
  let box = boxes.get(feature);
  if (box !== undefined) return box;
  const rings = outerRings(feature).map((p) => p[0]!).filter((r) => r.length > 0);
  box = rings.length === 0 ? null : rings.map(ringBox).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
  boxes.set(feature, box);
  return box;
}

/** The label point of a polygon feature, with its id and names; null for other geometries. */
export function labelPoint(feature: Feature): LabelPoint | null {
  let point = points.get(feature);
  if (point !== undefined) return point;
  const parts = outerRings(feature).filter((p) => p[0] && p[0].length > 3);
  const area = (p: Position[][]) => { const b = ringBox(p[0]!); return (b[2] - b[0]) * (b[3] - b[1]); };
  const largest = parts.sort((a, b) => area(b) - area(a))[0];
  if (!largest) point = null;
  else {
    const b = ringBox(largest[0]!);
    // A hundredth of the part's size: plenty for a label, and a few dozen cells of work.
    const at = polylabel(largest as number[][][], Math.max(b[2] - b[0], b[3] - b[1]) / 100);
    const { id, name, name_en } = feature.properties ?? {};
    point = { type: 'Feature', properties: { id, name, name_en }, geometry: { type: 'Point', coordinates: [at[0]!, at[1]!] } };
  }
  points.set(feature, point);
  return point;
}

/** Label points of every polygon in the collection. */
export function labelPoints(collection: FeatureCollection): FeatureCollection {
  return { type: 'FeatureCollection', features: collection.features.map(labelPoint).filter((p) => p !== null) };
}

/** Label points of the polygons whose boxes meet `view` ([west, south, east, north]). */
export function labelPointsWithin(collection: FeatureCollection, view: Box): FeatureCollection {
  const features: Feature[] = [];
  for (const f of collection.features) {
    const b = featureBox(f);
    if (!b || b[0] > view[2] || b[2] < view[0] || b[1] > view[3] || b[3] < view[1]) continue;
    const p = labelPoint(f);
    if (p) features.push(p);
  }
  return { type: 'FeatureCollection', features };
}

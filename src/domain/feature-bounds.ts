// Bounding boxes of GeoJSON, for fitting the map to the programme or to a search result.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export type Bounds = [west: number, south: number, east: number, north: number];

function extend(bounds: Bounds, p: Position): void {
  const [x, y] = p as [number, number];
  if (x < bounds[0]) bounds[0] = x;
  if (y < bounds[1]) bounds[1] = y;
  if (x > bounds[2]) bounds[2] = x;
  if (y > bounds[3]) bounds[3] = y;
}

function visit(geometry: Geometry | null, bounds: Bounds): void {
  if (!geometry) return;
  switch (geometry.type) {
    case 'Point': extend(bounds, geometry.coordinates); break;
    case 'MultiPoint': case 'LineString': geometry.coordinates.forEach((p) => extend(bounds, p)); break;
    case 'MultiLineString': case 'Polygon': geometry.coordinates.forEach((l) => l.forEach((p) => extend(bounds, p))); break;
    case 'MultiPolygon': geometry.coordinates.forEach((pg) => pg.forEach((l) => l.forEach((p) => extend(bounds, p)))); break;
    case 'GeometryCollection': geometry.geometries.forEach((g) => visit(g, bounds)); break;
  }
}

/** Bounds of features or collections; null when there is no coordinate at all. */
export function featureBounds(...items: (Feature | FeatureCollection)[]): Bounds | null {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const item of items) {
    if (item.type === 'Feature') visit(item.geometry, bounds);
    else item.features.forEach((f) => visit(f.geometry, bounds));
  }
  return Number.isFinite(bounds[0]) ? bounds : null;
}

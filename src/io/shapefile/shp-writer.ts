// The .shp and .shx of an export, for one shape family: Polygon (5), PolyLine (3) or Point (1)
// / MultiPoint (8). Coordinates are already in the output CRS; polygon rings are written with
// ESRI's winding (shells clockwise, holes counter-clockwise). A feature without geometry is a
// null shape, so rows stay aligned with the .dbf.
import type { Geometry, Position } from 'geojson';
import { windPolygon } from '../geometry/ring-winding.ts';

export type ShapeFamily = 'polygon' | 'line' | 'point' | 'multipoint';

export const SHAPE_TYPE: Record<ShapeFamily, number> = { polygon: 5, line: 3, point: 1, multipoint: 8 };

export function shapeFamily(geometry: Geometry | null): ShapeFamily | null {
  switch (geometry?.type) {
    case 'Polygon': case 'MultiPolygon': return 'polygon';
    case 'LineString': case 'MultiLineString': return 'line';
    case 'Point': return 'point';
    case 'MultiPoint': return 'multipoint';
    default: return null;
  }
}

function parts(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case 'Polygon': return windPolygon(geometry.coordinates, 'esri');
    case 'MultiPolygon': return geometry.coordinates.flatMap((p) => windPolygon(p, 'esri'));
    case 'LineString': return [geometry.coordinates];
    case 'MultiLineString': return geometry.coordinates;
    case 'Point': return [[geometry.coordinates]];
    case 'MultiPoint': return [geometry.coordinates];
    default: return [];
  }
}

type Box = [number, number, number, number];

function boxOf(points: readonly Position[], box: Box = [Infinity, Infinity, -Infinity, -Infinity]): Box {
  for (const p of points) {
    box[0] = Math.min(box[0], p[0]!);
    box[1] = Math.min(box[1], p[1]!);
    box[2] = Math.max(box[2], p[0]!);
    box[3] = Math.max(box[3], p[1]!);
  }
  return box;
}

function record(family: ShapeFamily, geometry: Geometry | null): Uint8Array {
  if (!geometry) return new Uint8Array(4);
  const rings = parts(geometry);
  const points = rings.flat();
  if (family === 'point') {
    const out = new Uint8Array(20);
    const v = new DataView(out.buffer);
    v.setInt32(0, 1, true);
    v.setFloat64(4, points[0]![0]!, true);
    v.setFloat64(12, points[0]![1]!, true);
    return out;
  }
  const box = boxOf(points);
  const withParts = family !== 'multipoint';
  const out = new Uint8Array(4 + 32 + (withParts ? 8 + 4 * rings.length : 4) + 16 * points.length);
  const v = new DataView(out.buffer);
  v.setInt32(0, SHAPE_TYPE[family], true);
  box.forEach((b, i) => v.setFloat64(4 + 8 * i, b, true));
  let at = 36;
  if (withParts) {
    v.setInt32(at, rings.length, true);
    v.setInt32(at + 4, points.length, true);
    at += 8;
    let start = 0;
    for (const ring of rings) {
      v.setInt32(at, start, true);
      at += 4;
      start += ring.length;
    }
  } else {
    v.setInt32(at, points.length, true);
    at += 4;
  }
  for (const p of points) {
    v.setFloat64(at, p[0]!, true);
    v.setFloat64(at + 8, p[1]!, true);
    at += 16;
  }
  return out;
}

function header(bytes: Uint8Array, family: ShapeFamily, fileBytes: number, box: Box): void {
  const v = new DataView(bytes.buffer, bytes.byteOffset, 100);
  v.setInt32(0, 9994, false);
  v.setInt32(24, fileBytes / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, SHAPE_TYPE[family], true);
  box.forEach((b, i) => v.setFloat64(36 + 8 * i, Number.isFinite(b) ? b : 0, true));
}

export function writeShp(family: ShapeFamily, geometries: readonly (Geometry | null)[]): { shp: Uint8Array; shx: Uint8Array } {
  const records = geometries.map((g) => record(family, g));
  const box = geometries.reduce<Box>((b, g) => (g ? boxOf(parts(g).flat(), b) : b), [Infinity, Infinity, -Infinity, -Infinity]);
  const shpBytes = 100 + records.reduce((n, r) => n + 8 + r.length, 0);
  const shp = new Uint8Array(shpBytes);
  const shx = new Uint8Array(100 + 8 * records.length);
  header(shp, family, shpBytes, box);
  header(shx, family, shx.length, box);
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  let offset = 100;
  records.forEach((r, i) => {
    shpView.setInt32(offset, i + 1, false);
    shpView.setInt32(offset + 4, r.length / 2, false);
    shp.set(r, offset + 8);
    shxView.setInt32(100 + 8 * i, offset / 2, false);
    shxView.setInt32(100 + 8 * i + 4, r.length / 2, false);
    offset += 8 + r.length;
  });
  return { shp, shx };
}

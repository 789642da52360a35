// A geometry read from an archive blob and checked for its layer: the kinds the layer may hold,
// longitude/latitude in range (projected metres are refused, not misplaced), closed rings.
import type { Position } from 'geojson';
import { IoError } from '../io-result.ts';
import { GeometryBlobError, readGeometryBlob, type ArchiveGeometry, type VertexBudget } from './geopackage-binary.ts';

const LAYER_KINDS: Record<string, readonly ArchiveGeometry['type'][]> = {
  mines: ['Point'],
  parcels: ['Polygon', 'MultiPolygon'],
  treated: ['Polygon', 'MultiPolygon'],
  zones: ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'],
};

function checkPosition(p: Position, where: string): void {
  const [x, y] = p as [number, number];
  if (x < -180 || x > 180 || y < -90 || y > 90) {
    throw new IoError('archive_geometry', `${where}: coordinate ${x}, ${y} is not a longitude/latitude (projected metres?); an archive holds CGCS2000 degrees.`);
  }
}

function checkRing(ring: Position[], where: string): void {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
    throw new IoError('archive_geometry', `${where}: a polygon ring ${ring.length < 4 ? `has ${ring.length} vertices, fewer than 4` : 'is not closed'}.`);
  }
}

function checkShape(geometry: ArchiveGeometry, where: string): void {
  switch (geometry.type) {
    case 'Point':
      if (geometry.coordinates.length === 0) throw new IoError('archive_geometry', `${where}: the point is empty.`);
      return checkPosition(geometry.coordinates, where);
    case 'LineString': case 'MultiLineString': {
      const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      for (const line of lines) {
        if (line.length < 2) throw new IoError('archive_geometry', `${where}: a line has ${line.length} vertices, fewer than 2.`);
        line.forEach((p) => checkPosition(p, where));
      }
      return;
    }
    case 'Polygon': case 'MultiPolygon': {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      for (const rings of polygons) {
        if (rings.length === 0) throw new IoError('archive_geometry', `${where}: a polygon has no rings.`);
        for (const ring of rings) {
          checkRing(ring, where);
          ring.forEach((p) => checkPosition(p, where));
        }
      }
      return;
    }
    default:
      throw new IoError('archive_geometry', `${where}: a ${geometry.type} has no place in a programme.`);
  }
}

export function archiveGeometry(layer: string, fid: unknown, blob: unknown, srsId: number, budget: VertexBudget): ArchiveGeometry {
  const where = `${layer}, fid ${String(fid)}`;
  if (blob === null) throw new IoError('archive_geometry', `${where} has no geometry.`);
  if (!(blob instanceof Uint8Array)) throw new IoError('archive_geometry', `${where}: the geometry is ${typeof blob === 'string' ? 'text' : 'a number'}, not a GeoPackage geometry blob.`);
  let read;
  try {
    read = readGeometryBlob(blob, budget);
  } catch (error) {
    if (!(error instanceof GeometryBlobError)) throw error;
    if (budget.left < 0) throw new IoError('too_many_vertices', `The archive has more vertices than the limit allows (at ${where}).`);
    throw new IoError('archive_geometry', `${where}: the geometry blob is broken: ${error.message}.`);
  }
  if (read.srsId !== srsId) throw new IoError('archive_srs', `${where}: the geometry says SRS ${read.srsId}, its layer ${srsId}.`);
  const kinds = LAYER_KINDS[layer] ?? [];
  if (!kinds.includes(read.geometry.type)) throw new IoError('archive_geometry', `${where} is a ${read.geometry.type}; ${layer} hold ${kinds.join(' or ')} geometries.`);
  checkShape(read.geometry, where);
  return read.geometry;
}

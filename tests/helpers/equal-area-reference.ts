// An independent area reference: project to an Albers equal-area projection of the GRS80
// ellipsoid (proj4) and take the planar shoelace area. For parcel-sized polygons the difference
// between straight edges in Albers and geodesic edges is far below a square metre.
import proj4 from 'proj4';
import type { MultiPolygon, Polygon, Position } from 'geojson';

const ALBERS_CHINA = '+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=110 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const toAlbers = proj4('EPSG:4326', ALBERS_CHINA);

function shoelace(ring: Position[]): number {
  const pts = ring.map((p) => toAlbers.forward([p[0]!, p[1]!]));
  let sum = 0;
  for (let i = 0; i < pts.length - 1; i++) sum += pts[i]![0]! * pts[i + 1]![1]! - pts[i + 1]![0]! * pts[i]![1]!;
  return Math.abs(sum / 2);
}

export function equalAreaReference(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.reduce((total, rings) => total + rings.reduce((a, ring, i) => a + (i === 0 ? 1 : -1) * shoelace(ring), 0), 0);
}

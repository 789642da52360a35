// Long zone edges are split along the geodesic before buffering, so that every edge of the
// buffer is short enough (≤ 1 km) for a lon/lat straight segment (what GEOS clips with) and the
// geodesic (what the area formula assumes) to agree within centimetres.
import { geodesic, GeodesicNs } from './cgcs2000-geodesic.ts';
import { packedBBox, type PackedGeometry } from './packed-geometry.ts';

export const MAX_EDGE_METRES = 1000;

function densifyPath(xy: Float64Array, start: number, end: number, maxEdge: number, out: number[]): void {
  for (let i = start; i < end; i++) {
    const lon = xy[2 * i]!;
    const lat = xy[2 * i + 1]!;
    if (i > start) {
      const lon1 = xy[2 * i - 2]!;
      const lat1 = xy[2 * i - 1]!;
      const line = geodesic.InverseLine(lat1, lon1, lat, lon, GeodesicNs.DISTANCE_IN | GeodesicNs.LATITUDE | GeodesicNs.LONGITUDE);
      const pieces = Math.ceil(line.s13 / maxEdge);
      for (let k = 1; k < pieces; k++) {
        const p = line.Position((line.s13 * k) / pieces, GeodesicNs.LATITUDE | GeodesicNs.LONGITUDE | GeodesicNs.LONG_UNROLL);
        out.push(p.lon2 ?? lon, p.lat2 ?? lat);
      }
    }
    out.push(lon, lat);
  }
}

/** A copy of `packed` with no edge longer than `maxEdge` metres. */
export function densifyGeodesic(packed: PackedGeometry, maxEdge = MAX_EDGE_METRES): PackedGeometry {
  const out: number[] = [];
  const ringEnds = new Uint32Array(packed.ringEnds.length);
  let start = 0;
  packed.ringEnds.forEach((end, r) => {
    densifyPath(packed.xy, start, end, maxEdge, out);
    ringEnds[r] = out.length / 2;
    start = end;
  });
  const xy = new Float64Array(out);
  return { kind: packed.kind, xy, ringEnds, parts: packed.parts.slice(), bbox: packedBBox(xy) };
}

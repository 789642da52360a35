// An azimuthal-equidistant projection centred on one zone feature, done exactly on the CGCS2000
// ellipsoid with GeographicLib (distance and azimuth from the centre are the plane's polar
// coordinates). Buffering in this plane is a geodesic buffer up to the azimuthal scale error
// c/sin c − 1 ≈ c²/6 at angular distance c from the centre: 1e-5 at 50 km, 0.1% at 500 km.
import { geodesic, GeodesicNs } from './cgcs2000-geodesic.ts';

const DEG = Math.PI / 180;

export interface LocalProjection {
  /** lon/lat degrees → metres east, north of the centre, written into out[i], out[i + 1]. */
  forward(lon: number, lat: number, out: Float64Array, i: number): void;
  /** metres → lon/lat degrees, written into out[i], out[i + 1]. */
  inverse(x: number, y: number, out: Float64Array, i: number): void;
}

export function azimuthalEquidistant(lon0: number, lat0: number): LocalProjection {
  return {
    forward(lon, lat, out, i) {
      const r = geodesic.Inverse(lat0, lon0, lat, lon, GeodesicNs.DISTANCE | GeodesicNs.AZIMUTH);
      const s = r.s12 ?? 0;
      const azimuth = (r.azi1 ?? 0) * DEG;
      out[i] = s * Math.sin(azimuth);
      out[i + 1] = s * Math.cos(azimuth);
    },
    inverse(x, y, out, i) {
      const r = geodesic.Direct(lat0, lon0, Math.atan2(x, y) / DEG, Math.hypot(x, y), GeodesicNs.LATITUDE | GeodesicNs.LONGITUDE);
      out[i] = r.lon2 ?? lon0;
      out[i + 1] = r.lat2 ?? lat0;
    },
  };
}

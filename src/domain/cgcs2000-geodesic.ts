// Geodesics on the CGCS2000 ellipsoid, shared by buffering, densifying and area.
import { CGCS2000 } from './ellipsoidal-area.ts';
import { GeodesicNs } from './geographiclib.ts';

export const geodesic = new GeodesicNs.Geodesic(CGCS2000.a, CGCS2000.f);

export { GeodesicNs };

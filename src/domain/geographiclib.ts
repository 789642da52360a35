// geographiclib-geodesic is CommonJS that assigns its exports at run time, which Node's ESM
// loader cannot see as named exports; the default import works in Node, Vite and Workers alike.
import geographiclib from 'geographiclib-geodesic';

export const GeodesicNs = geographiclib.Geodesic;

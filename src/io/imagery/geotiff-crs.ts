// A GeoTIFF's coordinate system from its GeoKeys: an EPSG code Fulv knows (io/crs/crs-catalogue.ts:
// lon/lat EPSG:4326 and 4490, the CGCS2000 Gauss-Krüger zones 4491–4554) or web mercator, which
// imagery often comes in. Anything else — another datum (Beijing 1954, Xi'an 1980, whose
// offsets reach a hundred metres), a user-defined system, no keys — is refused, never guessed.
import { crsFromEpsg, type CrsDefinition } from '../crs/crs-catalogue.ts';
import { imageryProblem, type ImageryResult } from './imagery-types.ts';

/** GeoKeys as geotiff.js names them. */
export type GeoKeys = Partial<Record<'GTModelTypeGeoKey' | 'ProjectedCSTypeGeoKey' | 'GeographicTypeGeoKey', unknown>>;

const MODEL_PROJECTED = 1;
const MODEL_GEOGRAPHIC = 2;
const USER_DEFINED = 32767;

/** On a sphere of the WGS 84 semi-major axis; proj4 applies no datum shift to it. */
export const WEB_MERCATOR: CrsDefinition = {
  code: 'EPSG:3857', name: 'WGS 84 / Pseudo-Mercator', kind: 'projected',
  proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs', tm: null, gk: null,
};
/** 3857 and the codes it had before EPSG registered it. */
const WEB_MERCATOR_CODES = new Set([3857, 900913, 3785, 102100, 102113]);

function code(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

export function geotiffCrs(keys: GeoKeys | null): ImageryResult<CrsDefinition> {
  if (!keys) return imageryProblem('unknown_crs', 'The file has no GeoKeys: its coordinate system is unknown.');
  const projected = code(keys.ProjectedCSTypeGeoKey);
  const geographic = code(keys.GeographicTypeGeoKey);
  const model = code(keys.GTModelTypeGeoKey) ?? (projected ? MODEL_PROJECTED : geographic ? MODEL_GEOGRAPHIC : null);
  const epsg = model === MODEL_PROJECTED ? projected : model === MODEL_GEOGRAPHIC ? geographic : null;
  if (epsg === null || epsg === USER_DEFINED) {
    return imageryProblem('unknown_crs', epsg === USER_DEFINED
      ? 'The coordinate system is user-defined (no EPSG code); save the file with an EPSG code (gdal_translate -a_srs EPSG:N).'
      : `The GeoKeys name no ${model === MODEL_GEOGRAPHIC ? 'geographic' : 'projected'} EPSG code.`);
  }
  if (model === MODEL_PROJECTED && WEB_MERCATOR_CODES.has(epsg)) return { ok: true, value: WEB_MERCATOR };
  const crs = crsFromEpsg(epsg);
  if (!crs || (crs.kind === 'projected') !== (model === MODEL_PROJECTED)) {
    return imageryProblem('unknown_crs', `EPSG:${epsg}; imagery must be in EPSG:4326, EPSG:4490, EPSG:3857 or a CGCS2000 Gauss-Krüger zone (EPSG:4491–4554).`);
  }
  return { ok: true, value: crs };
}

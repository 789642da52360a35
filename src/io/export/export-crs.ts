// The CRS of an export: what the user asked for, checked against what the format can hold.
import { CGCS2000_GEOGRAPHIC, gaussKrugerCrs, threeDegreeZone, WGS84_GEOGRAPHIC, type CrsDefinition } from '../crs/crs-catalogue.ts';
import { crsFromName } from '../crs/crs-names.ts';
import { ioFail, type IoResult } from '../io-result.ts';
import type { ExportFeature, ExportFormat } from './export-types.ts';
import { featureBounds } from '../../domain/feature-bounds.ts';

/** The 3° zone (with zone prefix) of the features' centre: the usual choice for a county. */
export function centreZone(features: readonly ExportFeature[]): CrsDefinition {
  const bounds = featureBounds({ type: 'FeatureCollection', features: features.flatMap((f) => (f.geometry ? [{ type: 'Feature' as const, geometry: f.geometry, properties: null }] : [])) });
  const lon = bounds ? (bounds[0] + bounds[2]) / 2 : 117;
  return gaussKrugerCrs({ width: 3, zone: Math.min(45, Math.max(25, threeDegreeZone(lon))), prefixed: true })!;
}

export function exportCrs(requested: string | undefined, format: ExportFormat, features: readonly ExportFeature[]): IoResult<CrsDefinition> {
  if (!requested) {
    if (format === 'csv') return { ok: true, value: centreZone(features) };
    return { ok: true, value: format === 'shapefile' ? CGCS2000_GEOGRAPHIC : WGS84_GEOGRAPHIC };
  }
  const named = crsFromName(requested);
  if (!named.known) return ioFail('export_crs_unsupported', `${requested} is not a CRS Fulv writes (EPSG:4326, 4490, CGCS2000 Gauss-Krüger 4491–4554)`);
  const crs = named.crs;
  if ((format === 'kml' || format === 'kmz') && crs.kind !== 'geographic') {
    return ioFail('export_crs_unsupported', 'KML is always WGS84 longitude/latitude; choose Shapefile, GeoJSON or CSV for projected coordinates');
  }
  if (format === 'csv' && crs.kind !== 'projected') {
    return ioFail('export_crs_unsupported', 'a coordinate table (拐点坐标表) lists Gauss-Krüger X/Y: choose a CGCS2000 zone (EPSG:4491–4554)');
  }
  return { ok: true, value: crs };
}

// What goes into an export and what comes out. Any feature with an object of properties fits:
// ParcelFeature, ZoneFeature, TreatedFeature, or a feature read from a file.
import type { Geometry } from 'geojson';
import type { ExportValueStyle } from './value-labels.ts';

export interface ExportFeature {
  geometry: Geometry | null;
  properties: object | null;
}

export interface ExportLayer {
  /** Base name of the files written for this layer (parcels, zones, treated…). */
  name: string;
  features: readonly ExportFeature[];
}

export const EXPORT_FORMATS = ['geojson', 'shapefile', 'kml', 'kmz', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /**
   * Output CRS. GeoJSON, KML: lon/lat (EPSG:4326 or 4490); a projected CRS in GeoJSON adds the
   * legacy `crs` member (GDAL reads it; not RFC 7946). Shapefile: EPSG:4490 (default), 4326 or a
   * CGCS2000 Gauss-Krüger zone 4491–4554. CSV table: a Gauss-Krüger zone (default: the 3° zone,
   * with zone prefix, of the layer's centre).
   */
  crs?: string;
  /** Fulv's coded fields as codes (default) or as the app's Chinese labels. */
  values?: ExportValueStyle;
}

export interface ExportFile {
  name: string;
  bytes: Uint8Array;
  mediaType: string;
}

export const EXPORT_PROBLEM_CODES = ['no_geometry', 'geometry_not_exportable', 'text_truncated', 'outside_zone', 'field_renamed'] as const;
export type ExportProblemCode = (typeof EXPORT_PROBLEM_CODES)[number];

export interface ExportProblem {
  layer: string;
  /** Index into the layer's features; null for the whole layer. */
  featureIndex: number | null;
  code: ExportProblemCode;
  reason: string;
}

export interface ExportResult {
  files: ExportFile[];
  problems: ExportProblem[];
  /** Shapefile only: each attribute's DBF field name (≤ 10 bytes), per layer. */
  dbfFieldNames?: Record<string, Record<string, string>>;
}

// The shapes an import goes through: files in, features read from them (source attributes,
// lon/lat geometry), and the preview the user confirms before anything is stored.
import type { Geometry } from 'geojson';
import type { Bounds } from '../domain/feature-bounds.ts';
import { GEOMETRY_PROBLEMS } from '../domain/geometry-validation.ts';
import type { FieldMapping, ImportLayer } from './mapping/field-mapping-types.ts';
import type { TextEncodingName } from './text-encoding.ts';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export type AttributeValue = string | number | boolean | null;
export type SourceProperties = Record<string, AttributeValue>;

export const IMPORT_FORMATS = ['geojson', 'shapefile', 'kml', 'kmz', 'gpx', 'coordinate_table'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Per-feature (and file-level) problem codes, beside the domain's geometry problems. */
export const IMPORT_PROBLEM_CODES = [
  ...GEOMETRY_PROBLEMS,
  'repeated_vertices_dropped', 'ring_closed', 'axes_swapped', 'track_closed', 'open_track',
  'unsupported_geometry', 'bad_value', 'missing_id', 'duplicate_id', 'unmapped_value', 'missing_value',
  'invalid_date', 'unknown_mine', 'mojibake_suspected', 'encoding_detected', 'crs_detected',
  'crs_assumed', 'z_dropped', 'multiple_layers',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** `error`: the feature cannot be imported as it is. `notice`: it can, and this changed or is worth a look. */
export type ProblemSeverity = 'error' | 'notice';

/**
 * The values a problem's message is made of (a field, a source value, a geometry type), so that
 * the UI says it in its own language; `reason` is the same in English, for logs and the CLI.
 */
export type ProblemParams = Readonly<Record<string, string | number>>;

export interface ImportProblem {
  /** Index into preview.features; null for the whole file. */
  featureIndex: number | null;
  featureId: string | null;
  code: ImportProblemCode;
  severity: ProblemSeverity;
  reason: string;
  params?: ProblemParams;
  /**
   * `read`: found reading the file, whatever the target layer. `layer`: depends on the target
   * layer and its field mapping, recomputed by retargetImport and mappingProblems.
   */
  stage: 'read' | 'layer';
}

/** How a CRS or encoding was arrived at; the UI asks the user to confirm anything not `declared`. */
export type Provenance = 'declared' | 'detected' | 'chosen' | 'default';

export interface CrsInfo {
  /** 'EPSG:4527', or null for a CRS read from a .prj that matches no EPSG code Fulv knows. */
  code: string | null;
  name: string;
  how: Provenance;
}

export interface EncodingInfo {
  name: TextEncodingName;
  how: Provenance;
}

/** A feature as a reader produced it, still in the file's coordinates. */
export interface SourceFeature {
  geometry: Geometry | null;
  properties: SourceProperties;
  /** The file's own feature id (GeoJSON `id`), if any. */
  fileId?: string | number;
  sourceLayer: string;
  problems: { code: ImportProblemCode; severity: ProblemSeverity; reason: string }[];
}

export interface ImportFeature {
  index: number;
  /** Display id: the file's id attribute or `#n`; the stored id comes from the field mapping. */
  id: string;
  sourceLayer: string;
  /** Longitude/latitude, RFC 7946 winding, repeated vertices dropped; null when unreadable. */
  geometry: Geometry | null;
  properties: SourceProperties;
  /** Why the geometry cannot be used (structure or topology); layer fit is in the problems. */
  geometryError: { code: ImportProblemCode; reason: string } | null;
}

export interface SourceField {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'mixed' | 'empty';
  /** Up to five distinct non-empty values, for the mapping dialog. */
  samples: AttributeValue[];
}

export interface ImportPreview {
  format: ImportFormat;
  fileName: string;
  sourceLayers: string[];
  featureCount: number;
  /** Lon/lat extent of the readable geometries. */
  bbox: Bounds | null;
  crs: CrsInfo;
  /** Null for formats whose encoding is fixed by their specification and was not in doubt. */
  encoding: EncodingInfo | null;
  fields: SourceField[];
  features: ImportFeature[];
  layer: ImportLayer;
  mapping: FieldMapping;
  problems: ImportProblem[];
}

export interface ImportProgress {
  phase: 'unpacking' | 'parsing' | 'reprojecting' | 'checking';
  done: number;
  total: number;
}

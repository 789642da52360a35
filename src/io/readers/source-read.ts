// What every format reader hands to readImport: features in the file's coordinates, what the
// file says about its CRS per layer, and how its text was decoded.
import type { CrsDefinition } from '../crs/crs-catalogue.ts';
import type { EncodingInfo, ImportFormat, ImportProblem, SourceFeature } from '../import-types.ts';

export interface SourceLayer {
  name: string;
  /**
   * `declared`: the file names its CRS. `default`: the format fixes it (RFC 7946 GeoJSON, KML
   * and GPX are lon/lat). null: the file is silent (a Shapefile without .prj, a coordinate
   * table), and readImport detects the CRS from the coordinates or asks.
   */
  crs: { crs: CrsDefinition; how: 'declared' | 'default' } | null;
}

export interface SourceRead {
  format: ImportFormat;
  fileName: string;
  layers: SourceLayer[];
  features: SourceFeature[];
  encoding: EncodingInfo | null;
  /** File-level notices (featureIndex null). */
  notices: ImportProblem[];
}

export function fileNotice(code: ImportProblem['code'], reason: string): ImportProblem {
  return { featureIndex: null, featureId: null, code, severity: 'notice', reason, stage: 'read' };
}

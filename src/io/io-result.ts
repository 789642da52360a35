// Results of reading and writing files. A file that cannot be used at all fails with a code from
// IO_ERROR_CODES and an English reason; the UI translates the code and may show the reason as
// detail. Problems with single features are not failures: they travel in the preview.
export const IO_ERROR_CODES = [
  'no_files', 'file_too_large', 'unknown_format',
  'zip_corrupt', 'zip_too_large', 'zip_empty', 'zip_unsafe_name',
  'shp_missing', 'dbf_missing', 'shp_corrupt', 'dbf_corrupt', 'shp_dbf_mismatch',
  'prj_unknown', 'crs_unsupported', 'crs_required', 'crs_mismatch', 'projected_in_geographic',
  'wrong_encoding', 'encoding_unsupported',
  'json_invalid', 'json_too_deep', 'geojson_not_feature_collection',
  'xml_invalid', 'xml_doctype', 'xml_too_deep', 'xml_too_many_elements', 'kml_missing', 'gpx_invalid',
  'table_no_coordinates', 'table_mixed_zones',
  'too_many_features', 'too_many_vertices', 'no_features',
  'export_empty', 'export_crs_unsupported',
  // Programme archive (GeoPackage), io/programme-archive.
  'archive_not_sqlite', 'archive_corrupt', 'archive_not_geopackage', 'archive_not_programme', 'archive_version',
  'archive_table_missing', 'archive_srs', 'archive_geometry', 'archive_invalid',
] as const;
export type IoErrorCode = (typeof IO_ERROR_CODES)[number];

export interface IoFailure {
  ok: false;
  code: IoErrorCode;
  reason: string;
  /** The file (inside an archive: the entry) the failure is about, when there is one. */
  file?: string;
  /** 1-based line of a text file, when known. */
  line?: number;
}

/** Assignable to lib/result's Result<T>: a failure also carries a reason. */
export type IoResult<T> = { ok: true; value: T } | IoFailure;

export function ioFail(code: IoErrorCode, reason: string, where: { file?: string; line?: number } = {}): IoFailure {
  return { ok: false, code, reason, ...where };
}

/**
 * Thrown deep inside a reader and caught at its boundary (readImport), so that parsing code
 * can stop at the first fatal problem without threading results through every loop.
 */
export class IoError extends Error {
  constructor(
    readonly code: IoErrorCode,
    reason: string,
    readonly where: { file?: string; line?: number } = {},
  ) {
    super(reason);
  }

  toFailure(): IoFailure {
    return ioFail(this.code, this.message, this.where);
  }
}

// The interchange API the UI and the workers call, in one place. Import: readImport → (the user
// edits) retargetImport / withMapping → applyFieldMapping → one store transaction. Export:
// exportLayers. Failures carry an IoErrorCode (IO_ERROR_CODES) for the UI to translate;
// per-feature problems carry an ImportProblemCode (IMPORT_PROBLEM_CODES), exports an
// ExportProblemCode (EXPORT_PROBLEM_CODES).
export { readImport, type ImportOptions } from './read-import.ts';
export { retargetImport, withMapping } from './retarget-import.ts';
export { applyFieldMapping, type AppliedImport, type ApplyContext, type MappedFeatures } from './mapping/apply-field-mapping.ts';
export { proposeFieldMapping } from './mapping/propose-field-mapping.ts';
export { layerProblems, REQUIRED_FIELDS } from './mapping/layer-problems.ts';
export { CODED_FIELDS, IMPORT_LAYERS, TARGET_FIELDS, type CodedField, type FieldMapping, type ImportLayer, type TargetField } from './mapping/field-mapping-types.ts';
export { VALUE_WORDS } from './mapping/field-vocabulary.ts';
export {
  IMPORT_FORMATS, IMPORT_PROBLEM_CODES,
  type AttributeValue, type CrsInfo, type EncodingInfo, type ImportFeature, type ImportFile, type ImportFormat, type ImportPreview,
  type ImportProblem, type ImportProblemCode, type ImportProgress, type SourceField,
} from './import-types.ts';
export { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
export { IO_ERROR_CODES, type IoErrorCode, type IoFailure, type IoResult } from './io-result.ts';
export { exportLayers } from './export/export-layers.ts';
export {
  EXPORT_FORMATS, EXPORT_PROBLEM_CODES,
  type ExportFeature, type ExportFile, type ExportFormat, type ExportLayer, type ExportOptions, type ExportProblem, type ExportResult,
} from './export/export-types.ts';
export { crsFromEpsg, knownEpsgCodes, type CrsDefinition } from './crs/crs-catalogue.ts';
export { TEXT_ENCODINGS, type TextEncodingName } from './text-encoding.ts';

// The import entry point: files in, a preview out (feature count, extent, detected CRS and
// encoding, fields, proposed mapping, every problem per feature), with nothing stored. The UI
// shows the preview, lets the user edit the mapping (retargetImport, mappingProblems), and on
// confirmation calls applyFieldMapping and stores the result in one transaction.
import { featureBounds } from '../domain/feature-bounds.ts';
import { loadGeos, type Geos } from '../domain/geos/geos-loader.ts';
import type { CrsDefinition } from './crs/crs-catalogue.ts';
import { crsFromName } from './crs/crs-names.ts';
import { crsTransform } from './crs/crs-transform.ts';
import { resolveLayerCrs, type ResolvedCrs } from './crs/resolve-layer-crs.ts';
import { countPositions } from './geometry/map-positions.ts';
import { importFormat } from './import-format.ts';
import { importLimits, megabytes, type ImportLimits } from './import-limits.ts';
import { checkFeature, featureProblem } from './import-checks.ts';
import type { CrsInfo, ImportFeature, ImportFile, ImportPreview, ImportProblem, ImportProgress, SourceFeature } from './import-types.ts';
import { ioFail, type IoResult } from './io-result.ts';
import type { ImportLayer } from './mapping/field-mapping-types.ts';
import { layerProblems } from './mapping/layer-problems.ts';
import { proposeFieldMapping } from './mapping/propose-field-mapping.ts';
import { readCoordinateTable } from './readers/coordinate-table-reader.ts';
import { readGeojson } from './readers/geojson-reader.ts';
import { readGpx } from './readers/gpx-reader.ts';
import { readKml, readKmz, readKmzEntries } from './readers/kml-reader.ts';
import { readShapefile } from './readers/shapefile-reader.ts';
import type { SourceRead } from './readers/source-read.ts';
import { sourceFields } from './source-fields.ts';
import type { TextEncodingName } from './text-encoding.ts';
import { mojibakeNotice } from './mojibake-check.ts';
import { unzipArchive } from './zip-archive.ts';

export interface ImportOptions {
  layer: ImportLayer;
  /** The user's answer to "which CRS?": 'EPSG:4527'; overrides what the file says. */
  sourceCrs?: string;
  /** The user's answer to "which encoding?", for DBF, CSV and mis-declared files. */
  encoding?: TextEncodingName;
  limits?: Partial<ImportLimits>;
  gpxClosureMetres?: number;
  /** GEOS topology checks of areas (default true); off only where GEOS cannot load. */
  checkTopology?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

const PROGRESS_EVERY = 250;

function read(files: readonly ImportFile[], options: ImportOptions, limits: ImportLimits): IoResult<SourceRead> {
  const format = importFormat(files);
  const name = files.length === 1 ? files[0]!.name : files.map((f) => f.name).join(', ');
  const encoding = options.encoding;
  if (format === 'zip') {
    options.onProgress?.({ phase: 'unpacking', done: 0, total: 1 });
    const entries = unzipArchive(files[0]!.bytes, name, limits.maxUnzippedBytes);
    if (!entries.ok) return entries;
    const inner = entries.value;
    if (inner.some((f) => /\.(shp|dbf)$/i.test(f.name))) {
      const shp = readShapefile(inner, name, encoding);
      return shp;
    }
    if (inner.some((f) => /\.kml$/i.test(f.name))) return readKmzEntries(inner, name, limits, encoding);
    return ioFail('unknown_format', `the zip holds no Shapefile (.shp/.dbf) and no .kml: ${inner.slice(0, 5).map((f) => f.name).join(', ')}`, { file: name });
  }
  options.onProgress?.({ phase: 'parsing', done: 0, total: 1 });
  const file = files[0]!;
  switch (format) {
    case 'geojson': return readGeojson(file.bytes, name, encoding);
    case 'shapefile': return readShapefile(files, name, encoding);
    case 'kml': return readKml(file.bytes, name, limits, encoding);
    case 'kmz': return readKmz(file.bytes, name, limits, encoding);
    case 'gpx': return readGpx(file.bytes, name, limits, options.gpxClosureMetres, encoding);
    case 'coordinate_table': return readCoordinateTable(file.bytes, name, encoding);
    default: return ioFail('unknown_format', `cannot tell the format of ${name}; Fulv reads GeoJSON, Shapefile (.zip or .shp+.dbf), KML/KMZ, GPX and CSV coordinate tables`, { file: name });
  }
}

function checkCounts(source: SourceRead, limits: ImportLimits): IoResult<null> {
  if (source.features.length === 0) return ioFail('no_features', 'the file contains no features', { file: source.fileName });
  if (source.features.length > limits.maxFeatures) {
    return ioFail('too_many_features', `the file has ${source.features.length.toLocaleString('en')} features; the limit is ${limits.maxFeatures.toLocaleString('en')}`, { file: source.fileName, limit: limits.maxFeatures.toLocaleString('en') });
  }
  let vertices = 0;
  for (const f of source.features) {
    vertices += countPositions(f.geometry);
    if (vertices > limits.maxVertices) return ioFail('too_many_vertices', `the file has more than ${limits.maxVertices.toLocaleString('en')} vertices`, { file: source.fileName, limit: limits.maxVertices.toLocaleString('en') });
  }
  return { ok: true, value: null };
}

function displayId(f: SourceFeature, idField: string | null | undefined, index: number): string {
  const value = idField ? f.properties[idField] : undefined;
  if (value !== undefined && value !== null && String(value).trim() !== '') return String(value).trim();
  return f.fileId !== undefined ? String(f.fileId) : `#${index + 1}`;
}

function crsInfo(resolved: ResolvedCrs[]): CrsInfo {
  const first = resolved[0]!;
  const same = resolved.every((r) => r.crs.proj4 === first.crs.proj4);
  return same ? { code: first.crs.code, name: first.crs.name, how: first.how } : { code: null, name: resolved.map((r) => r.crs.code ?? r.crs.name).join(' + '), how: first.how };
}

export async function readImport(files: readonly ImportFile[], options: ImportOptions): Promise<IoResult<ImportPreview>> {
  const limits = importLimits(options.limits);
  if (files.length === 0) return ioFail('no_files', 'no file was given');
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  if (bytes > limits.maxBytes) return ioFail('file_too_large', `the files are ${megabytes(bytes)}; the limit is ${megabytes(limits.maxBytes)}`, { file: files[0]!.name, limit: megabytes(limits.maxBytes) });
  let chosen: CrsDefinition | null = null;
  if (options.sourceCrs) {
    const named = crsFromName(options.sourceCrs);
    if (!named.known) return ioFail('crs_unsupported', `${options.sourceCrs} is not a CRS Fulv reads (EPSG:4326, 4490, 4491–4554)`);
    chosen = named.crs;
  }
  const source = read(files, options, limits);
  if (!source.ok) return source;
  const counted = checkCounts(source.value, limits);
  if (!counted.ok) return counted;
  const { features: sources, layers, format, fileName } = source.value;

  const resolved = new Map<string, ResolvedCrs>();
  for (const layer of layers) {
    const r = resolveLayerCrs(layer, sources.filter((f) => f.sourceLayer === layer.name), chosen, fileName, format === 'coordinate_table' ? 'table' : format);
    if (!r.ok) return r;
    resolved.set(layer.name, r.value);
  }
  const geos: Geos | null = options.checkTopology === false ? null : await loadGeos();

  const problems: ImportProblem[] = [...source.value.notices];
  for (const r of resolved.values()) if (r.notice) problems.push(r.notice);
  const garbled = mojibakeNotice(sources);
  if (garbled) problems.push(garbled);
  const fields = sourceFields(sources);
  const mapping = proposeFieldMapping(options.layer, fields, sources);
  const features: ImportFeature[] = sources.map((s, index) => {
    if (index % PROGRESS_EVERY === 0) options.onProgress?.({ phase: 'checking', done: index, total: sources.length });
    const transform = crsTransform(resolved.get(s.sourceLayer)!.crs);
    const checked = checkFeature(s, transform, geos);
    const feature: ImportFeature = { index, id: displayId(s, mapping.fields.id, index), sourceLayer: s.sourceLayer, geometry: checked.geometry, properties: s.properties, geometryError: checked.geometryError };
    for (const p of s.problems) problems.push(featureProblem(feature, { ...p, stage: 'read' }));
    if (checked.geometryError && !s.problems.some((p) => p.severity === 'error')) problems.push(featureProblem(feature, { ...checked.geometryError, severity: 'error', stage: 'read' }));
    for (const reason of checked.notices) problems.push(featureProblem(feature, { code: 'repeated_vertices_dropped', severity: 'notice', reason, stage: 'read' }));
    return feature;
  });
  options.onProgress?.({ phase: 'checking', done: sources.length, total: sources.length });
  problems.push(...layerProblems(features, mapping));
  const bbox = featureBounds({ type: 'FeatureCollection', features: features.flatMap((f) => (f.geometry ? [{ type: 'Feature' as const, geometry: f.geometry, properties: null }] : [])) });
  return {
    ok: true,
    value: {
      format, fileName, sourceLayers: layers.map((l) => l.name), featureCount: features.length, bbox,
      crs: crsInfo([...resolved.values()]), encoding: source.value.encoding, fields, features, layer: options.layer, mapping, problems,
    },
  };
}

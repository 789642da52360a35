// GeoJSON: a FeatureCollection, a single Feature or a bare geometry (RFC 7946 §3: each is a GeoJSON
// text; the latter two become one feature), lon/lat by RFC 7946, or in the CRS its legacy `crs` member names
// (GDAL writes one for projected data, e.g. urn:ogc:def:crs:EPSG::4527). Coordinates are read
// easting first whatever EPSG's axis order says, as GDAL and every GeoJSON tool do.
import type { Geometry } from 'geojson';
import { WGS84_GEOGRAPHIC } from '../crs/crs-catalogue.ts';
import { crsFromName } from '../crs/crs-names.ts';
import { geometryShapeProblem } from '../geometry/geometry-shape.ts';
import type { SourceFeature } from '../import-types.ts';
import { ioFail, type IoResult } from '../io-result.ts';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../json-depth.ts';
import type { TextEncodingName } from '../text-encoding.ts';
import { attributeValue, sourceProperties } from './attribute-values.ts';
import { decodeDocument } from './decode-document.ts';
import { fileNotice, type SourceLayer, type SourceRead } from './source-read.ts';

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

/** "Unexpected token } in JSON at position 1234" → line and column of that position. */
function jsonErrorWhere(text: string, message: string): { line?: number; detail: string } {
  const match = /position (\d+)/.exec(message);
  if (!match) return { detail: message };
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, detail: `${message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line}, column ${position - before.lastIndexOf('\n')})` };
}

function layerCrs(value: { crs?: unknown }, file: string): IoResult<SourceLayer['crs']> {
  if (value.crs === undefined || value.crs === null) return { ok: true, value: { crs: WGS84_GEOGRAPHIC, how: 'default' } };
  const name = (value.crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return ioFail('crs_unsupported', `the "crs" member ${JSON.stringify(value.crs).slice(0, 120)} names no CRS`, { file });
  const found = crsFromName(name);
  if (!found.known) {
    return ioFail('crs_unsupported', `the file's CRS ${name} is not one Fulv reads (EPSG:4326, 4490, CGCS2000 Gauss-Krüger 4491–4554)`, { file });
  }
  return { ok: true, value: { crs: found.crs, how: 'declared' } };
}

function readFeature(value: unknown, i: number, layer: string): SourceFeature {
  const problems: SourceFeature['problems'] = [];
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'Feature') {
    const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : typeof value;
    problems.push({ code: 'malformed', severity: 'error', reason: `feature ${i + 1} is ${JSON.stringify(type ?? null)}, not a GeoJSON Feature` });
    return { geometry: null, properties: {}, sourceLayer: layer, problems };
  }
  const f = value as { id?: unknown; properties?: unknown; geometry?: unknown };
  const shape = geometryShapeProblem(f.geometry);
  if (shape) problems.push({ ...shape, severity: 'error' });
  const id = attributeValue(f.id);
  return {
    geometry: shape ? null : (f.geometry as Geometry),
    properties: sourceProperties(f.properties),
    ...(typeof id === 'string' || typeof id === 'number' ? { fileId: id } : {}),
    sourceLayer: layer,
    problems,
  };
}

/** The features a GeoJSON text holds: a collection's, a single Feature, or a geometry as one. */
function featureValues(value: unknown, file: string): IoResult<unknown[]> {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (type === 'FeatureCollection') {
    const features = (value as { features?: unknown }).features;
    if (Array.isArray(features)) return { ok: true, value: features };
    return ioFail('geojson_not_feature_collection', 'the file is a FeatureCollection without a "features" array', { file });
  }
  if (type === 'Feature') return { ok: true, value: [value] };
  if (typeof type === 'string' && GEOMETRY_TYPES.includes(type)) return { ok: true, value: [{ type: 'Feature', properties: {}, geometry: value }] };
  return ioFail('geojson_not_feature_collection', `the file's "type" is ${JSON.stringify(type ?? null)}: GeoJSON is a FeatureCollection, a Feature or a geometry`, { file });
}

export function readGeojson(bytes: Uint8Array, file: string, encoding?: TextEncodingName): IoResult<SourceRead> {
  const decoded = decodeDocument(bytes, file, encoding);
  if (!decoded.ok) return decoded;
  const { text } = decoded.value;
  const deep = jsonTooDeep(text);
  if (deep) return ioFail('json_too_deep', `the JSON nests deeper than ${MAX_JSON_DEPTH} levels at line ${deep.line}, column ${deep.column}; no GeoJSON needs that`, { file, line: deep.line });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = jsonErrorWhere(text, (error as Error).message);
    return ioFail('json_invalid', `not valid JSON: ${where.detail}`, { file, ...(where.line ? { line: where.line } : {}) });
  }
  const members = featureValues(value, file);
  if (!members.ok) return members;
  const crs = layerCrs(value as { crs?: unknown }, file);
  if (!crs.ok) return crs;
  const layer = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const features = members.value.map((f, i) => readFeature(f, i, layer));
  const notices = decoded.value.encoding.name === 'gbk'
    ? [fileNotice('encoding_detected', 'the file is not UTF-8 as GeoJSON requires; it was read as GBK')]
    : [];
  return {
    ok: true,
    value: {
      format: 'geojson', fileName: file, layers: [{ name: layer, crs: crs.value }], features,
      encoding: decoded.value.encoding.name === 'utf-8' && decoded.value.encoding.how !== 'chosen' ? null : decoded.value.encoding,
      notices,
    },
  };
}

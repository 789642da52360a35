// GeoJSON: a FeatureCollection, lon/lat by RFC 7946, or in the CRS its legacy `crs` member names
// (GDAL writes one for projected data, e.g. urn:ogc:def:crs:EPSG::4527). Coordinates are read
// easting first whatever EPSG's axis order says, as GDAL and every GeoJSON tool do.
import type { Geometry } from 'geojson';
import { WGS84_GEOGRAPHIC } from '../crs/crs-catalogue.ts';
import { crsFromName } from '../crs/crs-names.ts';
import { geometryShapeProblem } from '../geometry/geometry-shape.ts';
import type { SourceFeature } from '../import-types.ts';
import { ioFail, type IoResult } from '../io-result.ts';
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

export function readGeojson(bytes: Uint8Array, file: string, encoding?: TextEncodingName): IoResult<SourceRead> {
  const decoded = decodeDocument(bytes, file, encoding);
  if (!decoded.ok) return decoded;
  const { text } = decoded.value;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = jsonErrorWhere(text, (error as Error).message);
    return ioFail('json_invalid', `not valid JSON: ${where.detail}`, { file, ...(where.line ? { line: where.line } : {}) });
  }
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (type !== 'FeatureCollection' || !Array.isArray((value as { features?: unknown }).features)) {
    const what = type === 'FeatureCollection' ? 'a FeatureCollection without a "features" array'
      : typeof type === 'string' && (type === 'Feature' || GEOMETRY_TYPES.includes(type)) ? `a single ${type}`
        : `"type" ${JSON.stringify(type ?? null)}`;
    return ioFail('geojson_not_feature_collection', `the file is ${what}; Fulv imports a GeoJSON FeatureCollection`, { file });
  }
  const crs = layerCrs(value as { crs?: unknown }, file);
  if (!crs.ok) return crs;
  const layer = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const features = ((value as { features: unknown[] }).features).map((f, i) => readFeature(f, i, layer));
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

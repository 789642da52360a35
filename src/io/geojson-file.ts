// Reads a GeoJSON file a user opens for viewing. Checks what breaks a map or misleads a user:
// not JSON, not GeoJSON, and projected metres in a file that claims longitude/latitude.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { fail, ok, type Result } from '../lib/result.ts';
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth.ts';

export const MAX_VIEW_FILE_BYTES = 200 * 1024 * 1024;

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function firstPosition(geometry: Geometry | null): Position | undefined {
  if (!geometry) return undefined;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.map(firstPosition).find(Boolean);
  let c: unknown = geometry.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) ? (c as Position) : undefined;
}

function asFeatures(value: unknown): Result<Feature[]> {
  if (typeof value !== 'object' || value === null) return fail('not a GeoJSON object');
  const v = value as { type?: unknown; features?: unknown };
  if (v.type === 'FeatureCollection') {
    if (!Array.isArray(v.features)) return fail('a FeatureCollection without a "features" array');
    return ok(v.features as Feature[]);
  }
  if (v.type === 'Feature') return ok([value as Feature]);
  if (typeof v.type === 'string' && GEOMETRY_TYPES.has(v.type)) return ok([{ type: 'Feature', properties: {}, geometry: value as Geometry }]);
  return fail(`"type" is ${JSON.stringify(v.type ?? null)}, not a GeoJSON type`);
}

/** Parses text into a FeatureCollection with a stable string `id` property per feature. */
export function readGeojsonForView(text: string, byteLength: number): Result<FeatureCollection> {
  if (byteLength > MAX_VIEW_FILE_BYTES) return fail(`file is ${Math.round(byteLength / 1048576)} MB; the limit is ${MAX_VIEW_FILE_BYTES / 1048576} MB`);
  const deep = jsonTooDeep(text);
  if (deep) return fail(`the JSON nests deeper than ${MAX_JSON_DEPTH} levels (line ${deep.line}, column ${deep.column})`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON (${(e as Error).message})`);
  }
  const features = asFeatures(value);
  if (!features.ok) return features;
  const out: Feature[] = [];
  const seen = new Set<string>();
  for (const [i, f] of features.value.entries()) {
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') return fail(`feature ${i + 1} is not a GeoJSON Feature`);
    const p = firstPosition(f.geometry);
    if (p && (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90)) {
      return fail(`feature ${i + 1} has coordinates (${p[0]}, ${p[1]}) outside longitude/latitude: projected coordinates need a CRS-aware import`);
    }
    const props = { ...(f.properties ?? {}) };
    // The map keys hover and selection on `id`, so it must be unique within the file.
    let id = String(props.id ?? f.id ?? `feature-${i + 1}`);
    if (seen.has(id)) id = `${id}#${i + 1}`;
    seen.add(id);
    out.push({ type: 'Feature', geometry: f.geometry, properties: { ...props, id } });
  }
  return ok({ type: 'FeatureCollection', features: out });
}

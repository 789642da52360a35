// File layout chosen for reviewable diffs: one feature, mine or target row per line.
import type { FeatureCollection } from 'geojson';

function isFlat(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.every((c) => c === null || typeof c !== 'object' || (Array.isArray(c) && c.every((x) => x === null || typeof x !== 'object')));
}

/** JSON with every record (an object of plain values) on a line of its own. */
export function recordsPerLine(value: unknown, pad = ''): string {
  if (isFlat(value)) return JSON.stringify(value);
  const inner = `${pad}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + recordsPerLine(v, inner)).join(',\n')}\n${pad}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${recordsPerLine(v, inner)}`).join(',\n')}\n${pad}}`;
}

export function featuresPerLine(collection: FeatureCollection): string {
  const lines = collection.features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

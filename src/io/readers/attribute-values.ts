// Attribute values as Fulv keeps them from a file: strings, finite numbers, booleans or null.
// Nested objects and arrays (GeoJSON allows them) are kept as their JSON text.
import type { AttributeValue, SourceProperties } from '../import-types.ts';

export function attributeValue(value: unknown): AttributeValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return JSON.stringify(value);
}

export function sourceProperties(properties: unknown): SourceProperties {
  const out: SourceProperties = {};
  if (typeof properties !== 'object' || properties === null) return out;
  for (const [key, value] of Object.entries(properties)) out[key] = attributeValue(value);
  return out;
}

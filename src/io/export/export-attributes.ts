// The attribute row written for a feature: its own properties, then the source attributes an
// import kept (renamed src_… where they clash), then the ellipsoidal area in m², 亩 and 公顷,
// computed here on the CGCS2000 ellipsoid whatever the file said before. Fulv's own coded fields
// are written as codes or as the app's Chinese labels (value-labels.ts); source attributes as read.
import type { Geometry } from 'geojson';
import { ellipsoidalArea } from '../../domain/ellipsoidal-area.ts';
import { m2ToHa, m2ToMu } from '../../domain/units.ts';
import type { AttributeValue } from '../import-types.ts';
import { attributeValue } from '../readers/attribute-values.ts';
import type { ExportFeature } from './export-types.ts';
import { exportValue, type ExportValueStyle } from './value-labels.ts';

export const AREA_FIELDS = ['area_m2', 'area_mu', 'area_ha'] as const;

export type AttributeRow = Record<string, AttributeValue>;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** m² to the centimetre², 亩 and 公顷 to the equivalent: more than survey precision, less than noise. */
export function areaAttributes(geometry: Geometry | null): Record<(typeof AREA_FIELDS)[number], number | null> {
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return { area_m2: null, area_mu: null, area_ha: null };
  const m2 = ellipsoidalArea(geometry);
  return { area_m2: round(m2, 2), area_mu: round(m2ToMu(m2), 5), area_ha: round(m2ToHa(m2), 6) };
}

export function exportAttributes(feature: ExportFeature, values: ExportValueStyle = 'codes'): AttributeRow {
  const row: AttributeRow = {};
  const properties = (feature.properties ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(properties)) {
    if (key !== 'source_attributes') row[key] = exportValue(key, attributeValue(value), values);
  }
  const kept = properties['source_attributes'];
  if (typeof kept === 'object' && kept !== null) {
    for (const [key, value] of Object.entries(kept)) row[Object.hasOwn(row, key) ? `src_${key}` : key] = attributeValue(value);
  }
  for (const key of AREA_FIELDS) delete row[key];
  return { ...row, ...areaAttributes(feature.geometry) };
}

/** Field names in order of first use across a layer. */
export function fieldOrder(rows: readonly AttributeRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) names.add(key);
  return [...names];
}

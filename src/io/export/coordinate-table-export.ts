// A coordinate table (拐点坐标表) in a Gauss-Krüger zone, as plans print them and the table
// reader reads them back: 图斑编号, 圈号 (1 = first shell; holes and further parts follow), 点号
// (J1…, the closing vertex repeats J1), X = northing, Y = easting (metres, 4 decimals), then the
// feature's attributes and areas on every row of the feature. An attribute named like one of the
// five table columns is written as name_2 (and reported), so no two columns share a name. Cells
// go through the shared CSV writer: UTF-8 with a BOM, never a formula.
import type { Position } from 'geojson';
import type { CrsDefinition } from '../crs/crs-catalogue.ts';
import { crsTransform } from '../crs/crs-transform.ts';
import { windPolygon } from '../geometry/ring-winding.ts';
import { csvLine, UTF8_BOM } from '../table/csv-text.ts';
import { distinctFieldNames } from './distinct-field-names.ts';
import { exportAttributes, fieldOrder } from './export-attributes.ts';
import type { ExportLayer, ExportProblem } from './export-types.ts';
import type { ExportValueStyle } from './value-labels.ts';

export const TABLE_HEADER = ['图斑编号', '圈号', '点号', 'X', 'Y'] as const;

function polygonsOf(geometry: ExportLayer['features'][number]['geometry']): Position[][][] | null {
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  return null;
}

export function writeCoordinateTable(layer: ExportLayer, crs: CrsDefinition, problems: ExportProblem[], values: ExportValueStyle = 'codes'): string {
  const t = crsTransform(crs);
  const rows = layer.features.map((f) => exportAttributes(f, values));
  const attributes = fieldOrder(rows).filter((f) => f !== 'id');
  const names = distinctFieldNames(TABLE_HEADER, attributes);
  for (const [key, name] of names) {
    if (key !== name) problems.push({ layer: layer.name, featureIndex: null, code: 'field_renamed', reason: `field ${key} is ${name} in the table, beside the generated column ${key}` });
  }
  const lines = [csvLine([...TABLE_HEADER, ...attributes.map((a) => names.get(a)!)])];
  layer.features.forEach((feature, i) => {
    const polygons = polygonsOf(feature.geometry);
    if (!polygons) {
      problems.push({ layer: layer.name, featureIndex: i, code: feature.geometry ? 'geometry_not_exportable' : 'no_geometry', reason: `a coordinate table holds polygons; feature ${i + 1} is ${feature.geometry?.type ?? 'without geometry'} and was left out` });
      return;
    }
    const row = rows[i]!;
    const id = row['id'] ?? `#${i + 1}`;
    const tail = attributes.map((a) => row[a] ?? null);
    let ringNumber = 0;
    let farthest = 0;
    for (const polygon of polygons) {
      // Clockwise shells, as surveyors number 界址点 (clockwise from the north-west corner).
      for (const ring of windPolygon(polygon, 'esri')) {
        ringNumber++;
        ring.forEach((p, k) => {
          const [easting, northing] = t.fromLonLat(p[0]!, p[1]!);
          farthest = Math.max(farthest, Math.abs(p[0]! - (crs.tm?.lon0 ?? p[0]!)));
          const point = `J${k === ring.length - 1 ? 1 : k + 1}`;
          lines.push(csvLine([id, ringNumber, point, northing.toFixed(4), easting.toFixed(4), ...tail]));
        });
      }
    }
    const halfWidth = (crs.gk?.width ?? 3) / 2;
    if (farthest > halfWidth + 0.05) {
      problems.push({ layer: layer.name, featureIndex: i, code: 'outside_zone', reason: `feature ${i + 1} lies ${farthest.toFixed(2)}° from the central meridian ${crs.tm?.lon0}°E, outside the zone; its coordinates are valid but distorted` });
    }
  });
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

// A zipped Shapefile per export: for each layer and shape family a .shp, .shx, .dbf (UTF-8),
// .cpg ("UTF-8") and .prj (ESRI WKT of the output CRS). A Shapefile holds one shape family, so
// a layer with polygons and lines (zones) becomes zones_polygons.* and zones_lines.*; a layer of
// one family keeps its name. DBF field names follow dbf-field-names.ts and are returned.
import type { CrsDefinition } from '../crs/crs-catalogue.ts';
import { esriWkt } from '../crs/esri-wkt.ts';
import { ioFail, type IoResult } from '../io-result.ts';
import { dbfFieldNames } from '../shapefile/dbf-field-names.ts';
import { writeDbf } from '../shapefile/dbf-writer.ts';
import { shapeFamily, writeShp, type ShapeFamily } from '../shapefile/shp-writer.ts';
import { exportAttributes, fieldOrder } from './export-attributes.ts';
import type { ExportFile, ExportLayer, ExportProblem } from './export-types.ts';
import { outputGeometry } from './geojson-export.ts';
import type { ExportValueStyle } from './value-labels.ts';

const FAMILY_SUFFIX: Record<ShapeFamily, string> = { polygon: 'polygons', line: 'lines', point: 'points', multipoint: 'multipoints' };
const encoder = new TextEncoder();

export interface ShapefileFiles {
  files: ExportFile[];
  fieldNames: Record<string, string>;
}

export function writeShapefileLayer(layer: ExportLayer, crs: CrsDefinition, problems: ExportProblem[], values: ExportValueStyle = 'codes'): IoResult<ShapefileFiles> {
  const prj = esriWkt(crs);
  if (!prj) return ioFail('export_crs_unsupported', `cannot write a .prj for ${crs.code ?? crs.name}`);
  const groups = new Map<ShapeFamily, number[]>();
  layer.features.forEach((f, i) => {
    const family = shapeFamily(f.geometry);
    if (!family) {
      problems.push({ layer: layer.name, featureIndex: i, code: f.geometry ? 'geometry_not_exportable' : 'no_geometry', reason: `feature ${i + 1} has ${f.geometry?.type ?? 'no geometry'} and was left out` });
      return;
    }
    groups.set(family, [...(groups.get(family) ?? []), i]);
  });
  const rows = layer.features.map((f) => exportAttributes(f, values));
  const names = dbfFieldNames(fieldOrder(rows));
  const fieldNames = Object.fromEntries(names);
  for (const [key, name] of names) {
    if (key !== name) problems.push({ layer: layer.name, featureIndex: null, code: 'field_renamed', reason: `field ${key} is ${name} in the .dbf (10-byte limit)` });
  }
  const files: ExportFile[] = [];
  for (const [family, indices] of groups) {
    const base = groups.size > 1 ? `${layer.name}_${FAMILY_SUFFIX[family]}` : layer.name;
    const geometries = indices.map((i) => outputGeometry(layer.features[i]!.geometry!, crs));
    const { shp, shx } = writeShp(family, geometries);
    const dbf = writeDbf([...names].map(([key, name]) => ({ key, name })), indices.map((i) => rows[i]!));
    for (const t of dbf.truncated) {
      problems.push({ layer: layer.name, featureIndex: indices[t.row]!, code: 'text_truncated', reason: `${t.key} of feature ${indices[t.row]! + 1} was cut to 254 bytes, the .dbf limit` });
    }
    files.push(
      { name: `${base}.shp`, bytes: shp, mediaType: 'application/octet-stream' },
      { name: `${base}.shx`, bytes: shx, mediaType: 'application/octet-stream' },
      { name: `${base}.dbf`, bytes: dbf.bytes, mediaType: 'application/octet-stream' },
      { name: `${base}.prj`, bytes: encoder.encode(prj), mediaType: 'text/plain' },
      { name: `${base}.cpg`, bytes: encoder.encode('UTF-8'), mediaType: 'text/plain' },
    );
  }
  return { ok: true, value: { files, fieldNames } };
}

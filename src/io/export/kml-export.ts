// KML out, for Google Earth and 奥维: one Document per layer inside the root Document, attributes as typed SchemaData (so
// GDAL, QGIS and ArcGIS read them as fields), the areas among them. Coordinates are lon/lat with
// 9 decimals (0.1 mm). Every text is XML-escaped: attribute values are data, never markup.
import type { Geometry, Position } from 'geojson';
import { fieldOrder, exportAttributes, type AttributeRow } from './export-attributes.ts';
import type { ExportLayer } from './export-types.ts';
import type { ExportValueStyle } from './value-labels.ts';
import { outputGeometry } from './geojson-export.ts';
import { WGS84_GEOGRAPHIC } from '../crs/crs-catalogue.ts';

export function xmlText(value: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than written as invalid XML.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function coordinates(ring: Position[]): string {
  return `<coordinates>${ring.map((p) => `${p[0]},${p[1]}`).join(' ')}</coordinates>`;
}

function polygon(rings: Position[][]): string {
  const [shell, ...holes] = rings;
  return `<Polygon><outerBoundaryIs><LinearRing>${coordinates(shell!)}</LinearRing></outerBoundaryIs>`
    + holes.map((h) => `<innerBoundaryIs><LinearRing>${coordinates(h)}</LinearRing></innerBoundaryIs>`).join('') + '</Polygon>';
}

function geometryKml(g: Geometry): string {
  switch (g.type) {
    case 'Point': return `<Point>${coordinates([g.coordinates])}</Point>`;
    case 'MultiPoint': return `<MultiGeometry>${g.coordinates.map((p) => `<Point>${coordinates([p])}</Point>`).join('')}</MultiGeometry>`;
    case 'LineString': return `<LineString>${coordinates(g.coordinates)}</LineString>`;
    case 'MultiLineString': return `<MultiGeometry>${g.coordinates.map((l) => `<LineString>${coordinates(l)}</LineString>`).join('')}</MultiGeometry>`;
    case 'Polygon': return polygon(g.coordinates);
    case 'MultiPolygon': return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
    case 'GeometryCollection': return `<MultiGeometry>${g.geometries.map(geometryKml).join('')}</MultiGeometry>`;
  }
}

function kmlType(rows: readonly AttributeRow[], name: string): string {
  const values = rows.map((r) => r[name]).filter((v) => v !== null && v !== undefined);
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'bool';
  if (values.length > 0 && values.every((v) => typeof v === 'number')) return values.every((v) => Number.isInteger(v)) ? 'int' : 'double';
  return 'string';
}

/**
 * A bool field's value as 1 or 0: both are xsd:boolean, and GDAL reads a bool field as an
 * integer, so "true" would come back as 0.
 */
function simpleData(value: string | number | boolean): string {
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

function schemaId(layer: string): string {
  return `${layer.replace(/[^A-Za-z0-9_]/g, '_') || 'layer'}_fields`;
}

/** A layer is a Document of its own, with its Schema inside: GDAL's libkml finds the fields of a KMZ only so. */
function layerDocument(layer: ExportLayer, values: ExportValueStyle): string {
  const rows = layer.features.map((f) => exportAttributes(f, values));
  const fields = fieldOrder(rows);
  const id = schemaId(layer.name);
  const schema = `<Schema name="${xmlText(layer.name)}" id="${id}">${fields.map((f) => `<SimpleField name="${xmlText(f)}" type="${kmlType(rows, f)}"/>`).join('')}</Schema>`;
  const placemarks = layer.features.map((f, i) => {
    const row = rows[i]!;
    const label = row['name'];
    const data = fields.filter((k) => row[k] !== null && row[k] !== undefined).map((k) => `<SimpleData name="${xmlText(k)}">${xmlText(simpleData(row[k]!))}</SimpleData>`).join('');
    const geometry = f.geometry ? geometryKml(outputGeometry(f.geometry, WGS84_GEOGRAPHIC)) : '';
    return `<Placemark>${label !== null && label !== undefined && label !== '' ? `<name>${xmlText(String(label))}</name>` : ''}`
      + `<ExtendedData><SchemaData schemaUrl="#${id}">${data}</SchemaData></ExtendedData>${geometry}</Placemark>`;
  });
  return `<Document id="${id.replace(/_fields$/, '')}"><name>${xmlText(layer.name)}</name>\n${schema}\n${placemarks.join('\n')}\n</Document>`;
}

export function writeKml(layers: readonly ExportLayer[], title: string, values: ExportValueStyle = 'codes'): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
    + `<name>${xmlText(title)}</name>\n${layers.map((l) => layerDocument(l, values)).join('\n')}\n</Document></kml>\n`;
}

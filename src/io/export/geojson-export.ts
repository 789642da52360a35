// GeoJSON out: RFC 7946 (lon/lat, shells counter-clockwise, no `crs` member) with the areas in
// each feature's properties. Lon/lat keep 9 decimals (0.1 mm), so a round trip stays within a
// millimetre. A projected CRS (CLI --to-crs) writes metres to 0.1 mm with the legacy `crs` member
// that GDAL and QGIS read; that file is no longer RFC 7946.
import type { Geometry } from 'geojson';
import type { CrsDefinition } from '../crs/crs-catalogue.ts';
import { crsTransform } from '../crs/crs-transform.ts';
import { mapPositions } from '../geometry/map-positions.ts';
import { windGeometry } from '../geometry/ring-winding.ts';
import { exportAttributes } from './export-attributes.ts';
import type { ExportLayer } from './export-types.ts';
import type { ExportValueStyle } from './value-labels.ts';

const roundTo = (decimals: number) => {
  const f = 10 ** decimals;
  return (v: number): number => Math.round(v * f) / f;
};

export function outputGeometry(geometry: Geometry, crs: CrsDefinition): Geometry {
  const wound = windGeometry(geometry, 'rfc7946');
  if (crs.kind === 'geographic') {
    const r = roundTo(9);
    return mapPositions(wound, (x, y) => [r(x), r(y)]);
  }
  const t = crsTransform(crs);
  const r = roundTo(4);
  return mapPositions(wound, (lon, lat) => {
    const [x, y] = t.fromLonLat(lon, lat);
    return [r(x), r(y)];
  });
}

export function writeGeojson(layer: ExportLayer, crs: CrsDefinition, values: ExportValueStyle = 'codes'): string {
  const features = layer.features.map((f) => JSON.stringify({
    type: 'Feature',
    properties: exportAttributes(f, values),
    geometry: f.geometry ? outputGeometry(f.geometry, crs) : null,
  }));
  const crsMember = crs.kind === 'projected' && crs.code ? `"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${crs.code.slice(5)}"}},\n` : '';
  return `{"type":"FeatureCollection","name":${JSON.stringify(layer.name)},\n${crsMember}"features":[\n${features.join(',\n')}\n]}\n`;
}

import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { exportLayers } from '../../../src/io/export/export-layers.ts';
import { dbfFieldNames } from '../../../src/io/shapefile/dbf-field-names.ts';
import { ellipsoidalArea } from '../../../src/domain/ellipsoidal-area.ts';
import { exportParcels } from '../../helpers/export-parcels.ts';

const parcels = { name: 'parcels', features: exportParcels };

describe('export options and limits', () => {
  it('refuses a projected CRS for KML and a geographic one for a coordinate table', () => {
    const kml = exportLayers([parcels], 'kml', { crs: 'EPSG:4527' });
    expect(!kml.ok && kml.code).toBe('export_crs_unsupported');
    const csv = exportLayers([parcels], 'csv', { crs: 'EPSG:4490' });
    expect(!csv.ok && csv.code).toBe('export_crs_unsupported');
    const unknown = exportLayers([parcels], 'shapefile', { crs: 'EPSG:2383' });
    expect(!unknown.ok && unknown.code).toBe('export_crs_unsupported');
    expect(exportLayers([{ name: 'x', features: [] }], 'geojson')).toMatchObject({ ok: false, code: 'export_empty' });
  });

  it('picks the 3° zone of the parcels\' centre for a table: 118.6°E is zone 40', () => {
    const out = exportLayers([parcels], 'csv');
    const text = out.ok ? new TextDecoder().decode(out.value.files[0]!.bytes) : '';
    expect(text.split('\r\n')[1]).toMatch(/^P-001,1,J1,44\d{5}\.\d{4},40\d{6}\.\d{4},/);
  });

  it('writes the areas in m², 亩 and 公顷: 1 亩 = 10000/15 m², 1 公顷 = 10000 m²', () => {
    const out = exportLayers([parcels], 'geojson');
    const json = out.ok ? JSON.parse(new TextDecoder().decode(out.value.files[0]!.bytes)) as { features: { properties: Record<string, number> }[] } : null;
    const p = json!.features[0]!.properties;
    expect(p['area_m2']).toBeCloseTo(ellipsoidalArea(exportParcels[0]!.geometry), 2);
    expect(p['area_mu']).toBeCloseTo((p['area_m2']! * 15) / 10000, 4);
    expect(p['area_ha']).toBeCloseTo(p['area_m2']! / 10000, 6);
  });

  it('splits a layer of polygons and lines into two Shapefiles', () => {
    const zones = { name: 'zones', features: [
      { geometry: exportParcels[0]!.geometry, properties: { id: 'Z1', zone_type: 'scenic_area' } },
      { geometry: { type: 'LineString' as const, coordinates: [[118.6, 40], [118.7, 40.1]] }, properties: { id: 'Z2', zone_type: 'traffic_line' } },
    ] };
    const out = exportLayers([zones], 'shapefile', {}, 'zones');
    const names = out.ok ? Object.keys(unzipSync(out.value.files[0]!.bytes)).sort() : [];
    expect(names).toEqual(['zones_lines.cpg', 'zones_lines.dbf', 'zones_lines.prj', 'zones_lines.shp', 'zones_lines.shx',
      'zones_polygons.cpg', 'zones_polygons.dbf', 'zones_polygons.prj', 'zones_polygons.shp', 'zones_polygons.shx']);
  });

  it('shortens DBF field names to 10 bytes as documented, keeping them distinct', () => {
    const names = dbfFieldNames(['damage_type', '图斑编号', '图斑编码', 'mine feature category', 'mine feature subcategory', 'area_m2']);
    expect([...names.values()]).toEqual(['damage_typ', '图斑编', '图斑_1', 'mine featu', 'mine fea_1', 'area_m2']);
    for (const n of names.values()) expect(new TextEncoder().encode(n).length).toBeLessThanOrEqual(10);
  });
});

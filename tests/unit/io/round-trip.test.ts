import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { exportLayers } from '../../../src/io/export/export-layers.ts';
import type { ExportFormat } from '../../../src/io/export/export-types.ts';
import type { ImportPreview } from '../../../src/io/import-types.ts';
import { readImport } from '../../../src/io/read-import.ts';
import { dbfFieldNames } from '../../../src/io/shapefile/dbf-field-names.ts';
import { exportParcels, expectedAttributes } from '../../helpers/export-parcels.ts';
import { equalAreaReference } from '../../helpers/equal-area-reference.ts';
import { geometryDistance } from '../../helpers/geometry-compare.ts';

async function roundTrip(format: ExportFormat, crs?: string, fromCrs?: string): Promise<ImportPreview> {
  const out = exportLayers([{ name: 'parcels', features: exportParcels }], format, crs ? { crs } : {}, 'parcels');
  if (!out.ok) throw new Error(out.reason);
  const r = await readImport(out.value.files.map((f) => ({ name: f.name, bytes: f.bytes })), { layer: 'parcels', ...(fromCrs ? { sourceCrs: fromCrs } : {}) });
  if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
  return r.value;
}

function expectGeometry(p: ImportPreview, idKey = 'id'): void {
  expect(p.features).toHaveLength(exportParcels.length);
  for (const original of exportParcels) {
    const back = p.features.find((f) => f.properties[idKey] === original.properties.id)!;
    expect(geometryDistance(back.geometry!, original.geometry)).toBeLessThan(0.001);
    expect(back.geometryError).toBeNull();
  }
}

/** `asText`: CSV carries no types, so its values are compared as the text a spreadsheet shows. */
function expectAttributes(p: ImportPreview, rename: (key: string) => string = (k) => k, asText = false): void {
  for (const original of exportParcels) {
    const back = p.features.find((f) => f.properties[rename('id')] === original.properties.id)!;
    const expected = Object.fromEntries(Object.entries(expectedAttributes(original)).map(([k, v]) => [rename(k), v === '' ? expect.toBeOneOf(['', null]) : asText ? String(v) : v]));
    const actual = asText ? Object.fromEntries(Object.entries(back.properties).map(([k, v]) => [k, v === null ? null : String(v)])) : back.properties;
    expect(actual).toMatchObject(expected);
    // The areas written, against an independent equal-area measure: 1 亩 = 10000/15 m², 1 公顷 = 10000 m².
    const m2 = equalAreaReference(original.geometry as Polygon | MultiPolygon);
    const area = (key: string) => Number(back.properties[rename(key)]);
    expect(Math.abs(area('area_m2') - m2) / m2, `${original.properties.id} m²`).toBeLessThan(1e-6);
    expect(Math.abs(area('area_mu') - (m2 * 15) / 10000) / ((m2 * 15) / 10000), `${original.properties.id} 亩`).toBeLessThan(1e-4);
    expect(Math.abs(area('area_ha') - m2 / 10000) / (m2 / 10000), `${original.properties.id} 公顷`).toBeLessThan(1e-4);
  }
}

describe('round trips keep geometry within 1 mm and attributes intact', () => {
  it('GeoJSON (RFC 7946)', async () => {
    const p = await roundTrip('geojson');
    expectGeometry(p);
    expectAttributes(p);
  });

  it('GeoJSON in CGCS2000 zone 40, with a crs member', async () => {
    const p = await roundTrip('geojson', 'EPSG:4528');
    expect(p.crs.code).toBe('EPSG:4528');
    expectGeometry(p);
  });

  it.each([['EPSG:4490'], ['EPSG:4528'], ['EPSG:4549']])('Shapefile in %s, DBF names as documented', async (crs) => {
    const p = await roundTrip('shapefile', crs);
    expect(p.crs.code).toBe(crs);
    expect(p.encoding).toEqual({ name: 'utf-8', how: 'declared' });
    const names = dbfFieldNames([...Object.keys(expectedAttributes(exportParcels[0]!)), 'area_m2', 'area_mu', 'area_ha']);
    expect(names.get('damage_type')).toBe('damage_typ');
    expectGeometry(p);
    expectAttributes(p, (k) => names.get(k) ?? k);
  });

  it.each(['kml', 'kmz'] as const)('%s', async (format) => {
    const p = await roundTrip(format);
    expectGeometry(p);
    expectAttributes(p);
  });

  it('CSV coordinate table in zone 40 (8-digit Y), the id under 图斑编号', async () => {
    const p = await roundTrip('csv', 'EPSG:4528');
    expect(p.crs).toMatchObject({ code: 'EPSG:4528', how: 'detected' });
    expectGeometry(p, '图斑编号');
    expectAttributes(p, (k) => (k === 'id' ? '图斑编号' : k), true);
  });

  it('CSV coordinate table without zone prefix (CM 120E), read back with the zone given', async () => {
    const p = await roundTrip('csv', 'EPSG:4549', 'EPSG:4549');
    expectGeometry(p, '图斑编号');
  });
});

// QGIS and GDAL open the database directly: GDAL's PostgreSQL driver (the one QGIS uses) reads the
// views with one geometry type each in EPSG:4490, Chinese labels, and areas that agree with an
// independent equal-area computation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { demoProgramme } from '../helpers/demo-files.ts';
import { equalAreaReference } from '../helpers/equal-area-reference.ts';
import { tool } from '../helpers/gdal.ts';
import { DEMO_ID, startTestServer, type TestServer } from '../helpers/server-app.ts';

describe('GIS views', () => {
  let server: TestServer;
  let connection: string;
  beforeAll(async () => {
    server = await startTestServer();
    const url = new URL(server.database.url);
    connection = `PG:host=${url.hostname} port=${url.port} dbname=${url.pathname.slice(1)} user=postgres`;
  });
  afterAll(async () => server?.close());

  it('lists each layer view with a single geometry type in CGCS2000', () => {
    const out = tool('ogrinfo', ['-ro', '-q', connection]);
    for (const [layer, type] of [['gis_parcels', 'Multi Polygon'], ['gis_treated', 'Multi Polygon'], ['gis_mines', 'Point'], ['gis_zone_areas', 'Multi Polygon'], ['gis_zone_lines', 'Multi Line String'], ['gis_photos', 'Point']]) {
      expect(out, layer).toContain(`${layer} (${type})`);
    }
    const summary = tool('ogrinfo', ['-ro', '-so', connection, 'gis_parcels']);
    expect(summary).toMatch(/ID\["EPSG",4490\]/);
    expect(summary).toMatch(/Feature Count: 18\d/);
  });

  it('gives each parcel its mine and township in Chinese, its status label and its area in m² and 亩', () => {
    const demo = demoProgramme();
    const parcel = demo.parcels.features.find((f) => f.properties.id === 'QA-M04-P1')!;
    const mine = demo.mines.find((m) => m.id === parcel.properties.mine_id)!;
    const township = demo.townships.find((t) => t.id === mine.township_id)!;
    const json = tool('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', connection, 'gis_parcels', '-where', `programme_id = '${DEMO_ID}' and id = 'QA-M04-P1'`]);
    const read = JSON.parse(json) as FeatureCollection<MultiPolygon, Record<string, unknown>>;
    expect(read.features).toHaveLength(1);
    const properties = read.features[0]!.properties;
    expect(properties).toMatchObject({ mine_name: mine.name, township_name: township.name, status: 'treated', status_zh: '已治理' });
    const reference = equalAreaReference(parcel.geometry);
    expect(Math.abs(Number(properties['area_m2']) - reference)).toBeLessThan(1);
    expect(Number(properties['area_mu'])).toBeCloseTo((reference * 15) / 10_000, 2);
  });

  it('shows a treated polygon deleted through the API as gone, and a status decided by a reviewer', async () => {
    const [treated] = (await server.pool.query<{ id: string }>(`select id from treated where programme_id = $1 and parcel_id = 'QA-M04-P1'`, [DEMO_ID])).rows;
    const deleted = await server.call('surveyor', 'POST', `/api/programmes/${DEMO_ID}/treated-edits`, { kind: 'delete-treated', id: treated!.id, baseRevision: 1 });
    expect(deleted.statusCode, deleted.body).toBe(200);
    const out = tool('ogrinfo', ['-ro', '-q', connection, 'gis_treated', '-where', `id = '${treated!.id}'`]);
    expect(out).not.toContain(treated!.id);
    const accepted = await server.call('reviewer', 'POST', `/api/programmes/${DEMO_ID}/parcels/QA-M05-P1/review`, { action: 'accept', baseRevision: 0 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const parcel = tool('ogrinfo', ['-ro', '-q', connection, 'gis_parcels', '-where', "id = 'QA-M05-P1'"]);
    expect(parcel).toMatch(/status_zh \(String\) = 已验收/);
  });
});

// A GeoTIFF's CRS from its GeoKeys: the codes Fulv knows are read with the catalogue's
// definitions (checked against PROJ in crs-catalogue.test.ts), web mercator with its spherical
// formulas (hand-computed below), anything else refused with the code it found.
import { describe, expect, it } from 'vitest';
import { crsTransform } from '../../../src/io/crs/crs-transform.ts';
import { geotiffCrs, WEB_MERCATOR } from '../../../src/io/imagery/geotiff-crs.ts';

describe('the CRS of a GeoTIFF', () => {
  it('reads geographic CGCS2000 and WGS 84, as GDAL writes them', () => {
    expect(geotiffCrs({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4490 })).toMatchObject({ ok: true, value: { code: 'EPSG:4490', kind: 'geographic' } });
    expect(geotiffCrs({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 })).toMatchObject({ ok: true, value: { code: 'EPSG:4326' } });
  });

  it('reads the CGCS2000 Gauss-Krüger zones, with and without the zone in the easting', () => {
    expect(geotiffCrs({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 4527 })).toMatchObject({ ok: true, value: { code: 'EPSG:4527', gk: { width: 3, zone: 39, prefixed: true } } });
    expect(geotiffCrs({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 4548 })).toMatchObject({ ok: true, value: { gk: { width: 3, zone: 39, prefixed: false } } });
    expect(geotiffCrs({ ProjectedCSTypeGeoKey: 4491 })).toMatchObject({ ok: true, value: { gk: { width: 6, zone: 13 } } });
  });

  it('reads web mercator, whose x is the sphere’s arc length and y = R·ln tan(45° + φ/2)', () => {
    for (const code of [3857, 900913]) expect(geotiffCrs({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: code })).toEqual({ ok: true, value: WEB_MERCATOR });
    const R = 6378137;
    const [x, y] = crsTransform(WEB_MERCATOR).fromLonLat(118.6, 40);
    expect(x).toBeCloseTo((R * 118.6 * Math.PI) / 180, 3);
    expect(y).toBeCloseTo(R * Math.log(Math.tan(Math.PI / 4 + (40 * Math.PI) / 360)), 3);
  });

  it('refuses other datums, UTM, user-defined and missing systems, naming what it found', () => {
    const beijing = geotiffCrs({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4214 });
    expect(beijing).toMatchObject({ ok: false, code: 'unknown_crs' });
    expect(!beijing.ok && beijing.reason).toContain('EPSG:4214');
    expect(geotiffCrs({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32650 })).toMatchObject({ ok: false, code: 'unknown_crs' });
    const user = geotiffCrs({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32767 });
    expect(!user.ok && user.reason).toContain('user-defined');
    expect(geotiffCrs({ GTModelTypeGeoKey: 1 })).toMatchObject({ ok: false, code: 'unknown_crs' });
    expect(geotiffCrs(null)).toMatchObject({ ok: false, code: 'unknown_crs' });
    // A geographic code where the model says projected is a broken file, not lon/lat.
    expect(geotiffCrs({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 4490 })).toMatchObject({ ok: false, code: 'unknown_crs' });
  });
});

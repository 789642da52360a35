import { describe, expect, it } from 'vitest';
import { esriWkt } from '../../../src/io/crs/esri-wkt.ts';
import { crsFromEpsg } from '../../../src/io/crs/crs-catalogue.ts';
import { crsFromPrj } from '../../../src/io/crs/prj-crs.ts';
import { tool } from '../../helpers/gdal.ts';

const wkt = (code: number, format: string): string => tool('projinfo', [`EPSG:${code}`, '-o', format, '-q', '--single-line']).trim();

describe('reading the CRS of a .prj', () => {
  it.each([
    [4527, 'WKT1_ESRI'], [4527, 'WKT1_GDAL'], [4527, 'WKT2_2019'],
    [4549, 'WKT1_ESRI'], [4548, 'WKT1_ESRI'], [4508, 'WKT1_ESRI'], [4491, 'WKT1_ESRI'], [4490, 'WKT1_ESRI'], [4326, 'WKT1_ESRI'],
  ])('EPSG:%i written by PROJ as %s', (code, format) => {
    const r = crsFromPrj(wkt(code, format), 'x.prj');
    expect(r.ok && r.value.code).toBe(`EPSG:${code}`);
  });

  it('matches an ESRI .prj without authority by its parameters, with the zone from the false easting', () => {
    const text = wkt(4528, 'WKT1_ESRI');
    expect(text).not.toMatch(/AUTHORITY|\bID\[/);
    const r = crsFromPrj(text, 'x.prj');
    expect(r.ok && r.value.code).toBe('EPSG:4528');
  });

  it('reads a Transverse Mercator that is no CGCS2000 zone with its own parameters (UTM 50N)', () => {
    const r = crsFromPrj(wkt(32650, 'WKT1_ESRI'), 'x.prj');
    expect(r.ok && r.value.code).toBeNull();
    expect(r.ok && r.value.proj4).toMatch(/\+lon_0=117 .*\+k=0\.9996 .*\+x_0=500000/);
  });

  it.each([
    [2383, 'Xian 1980', /Xian|6378140/],
    [2436, 'Beijing 1954', /Beijing|6378245/],
  ])('refuses EPSG:%i (%s): it needs a datum transformation', (code, _name, reason) => {
    const r = crsFromPrj(wkt(code, 'WKT1_ESRI'), 'x.prj');
    expect(!r.ok && r.code).toBe('crs_unsupported');
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it('refuses projections other than Transverse Mercator, and text that is not WKT', () => {
    const lambert = crsFromPrj(wkt(3415, 'WKT1_ESRI'), 'x.prj');
    expect(!lambert.ok && lambert.code).toBe('crs_unsupported');
    const garbage = crsFromPrj('this is not a projection', 'x.prj');
    expect(!garbage.ok && garbage.code).toBe('prj_unknown');
  });

  it('writes the .prj PROJ writes for ESRI software', () => {
    for (const code of [4490, 4527, 4549, 4491, 4502]) expect(esriWkt(crsFromEpsg(code)!)).toBe(wkt(code, 'WKT1_ESRI'));
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { crsFromEpsg, knownEpsgCodes } from '../../../src/io/crs/crs-catalogue.ts';
import { crsFromName } from '../../../src/io/crs/crs-names.ts';
import { crsTransform } from '../../../src/io/crs/crs-transform.ts';
import { zoneFromEastings } from '../../../src/io/crs/zone-from-eastings.ts';
import { cs2cs, tool } from '../../helpers/gdal.ts';

/** +key=value pairs of a PROJ string, without the flags that carry no geometry. */
function projParameters(proj: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const token of proj.trim().split(/\s+/)) {
    const [key, value] = token.replace(/^\+/, '').split('=');
    if (['no_defs', 'type', 'units'].includes(key!) || value === undefined) continue;
    out[key!] = String(Number(value)) === value || !Number.isNaN(Number(value)) ? String(Number(value)) : value;
  }
  return out;
}

describe('the CGCS2000 systems, against the EPSG registry as PROJ ships it', () => {
  const names = new Map(tool('projinfo', ['--list-crs', 'projected']).split('\n').map((line) => {
    const match = /^EPSG:(\d+) "(.*)"/.exec(line);
    return match ? [Number(match[1]), match[2]!] : [0, ''];
  }));

  // Parameters of the first, last and Qian'an codes of each series (the rest follow the same
  // arithmetic, and their names are checked below for all 64).
  const codes = [4490, 4491, 4496, 4501, 4502, 4508, 4512, 4513, 4527, 4528, 4533, 4534, 4548, 4549, 4554];
  const registry = new Map<number, string>();
  beforeAll(async () => {
    tool('projinfo', ['EPSG:4490', '-o', 'PROJ', '-q']);
    const run = promisify(execFile);
    await Promise.all(codes.map(async (code) => {
      const { stdout } = await run('projinfo', [`EPSG:${code}`, '-o', 'PROJ', '-q', '--single-line']);
      registry.set(code, stdout.trim().split('\n').at(-1)!);
    }));
  });

  it.each(codes)('EPSG:%i has the registry\'s parameters', (code) => {
    const ours = crsFromEpsg(code)!;
    expect(projParameters(ours.proj4)).toEqual(projParameters(registry.get(code)!));
  });

  it.each(knownEpsgCodes().filter((c) => c > 4490))('EPSG:%i has the registry\'s name', (code) => {
    expect(crsFromEpsg(code)!.name).toBe(names.get(code));
  });

  it('reads the names files use for a CRS', () => {
    for (const name of ['EPSG:4527', 'urn:ogc:def:crs:EPSG::4527', 'http://www.opengis.net/def/crs/EPSG/0/4527']) {
      const r = crsFromName(name);
      expect(r.known && r.crs.code).toBe('EPSG:4527');
    }
    const crs84 = crsFromName('urn:ogc:def:crs:OGC:1.3:CRS84');
    expect(crs84.known && crs84.crs.kind).toBe('geographic');
    expect(crsFromName('EPSG:2383')).toEqual({ known: false, epsg: 2383 });
  });

  it('finds the zone in 8-digit eastings and asks when they have 6 digits', () => {
    const z39 = zoneFromEastings([39_512_345.6, 39_498_000]);
    expect(z39.kind === 'zone' && z39.crs.code).toBe('EPSG:4527');
    const z20 = zoneFromEastings([20_400_000]);
    expect(z20.kind === 'zone' && z20.crs.code).toBe('EPSG:4498');
    expect(zoneFromEastings([512_345]).kind).toBe('no_prefix');
    expect(zoneFromEastings([39_512_345, 40_400_000]).kind).toBe('mixed');
    expect(zoneFromEastings([24_500_000])).toEqual({ kind: 'unknown_prefix', prefix: 24 });
  });
});

describe('reprojection agrees with PROJ cs2cs to 1 mm, zones 39 and 40 on both sides of 118.5°E', () => {
  // Qian'an straddles 118.5°E, the border of 3° zones 39 (CM 117°E) and 40 (CM 120°E).
  const points: [number, number][] = [[39.95, 118.30], [40.02, 118.49], [40.08, 118.51], [40.2, 118.7], [39.8, 119.4], [40.5, 117.6]];
  it.each(['EPSG:4527', 'EPSG:4528', 'EPSG:4548', 'EPSG:4549'])('%s, forward and inverse', (code) => {
    const crs = crsFromName(code);
    if (!crs.known) throw new Error(code);
    const t = crsTransform(crs.crs);
    const expected = cs2cs('EPSG:4490', code, points);
    points.forEach(([lat, lon], i) => {
      const [easting, northing] = t.fromLonLat(lon, lat);
      expect(Math.abs(northing - expected[i]![0])).toBeLessThan(0.001);
      expect(Math.abs(easting - expected[i]![1])).toBeLessThan(0.001);
    });
    const back = cs2cs(code, 'EPSG:4490', expected);
    expected.forEach(([northing, easting], i) => {
      const [lon, lat] = t.toLonLat(easting, northing);
      // 1 mm is about 1e-8° of latitude and 1.2e-8° of longitude at 40°N.
      expect(Math.abs(lat - back[i]![0]) * 111_000).toBeLessThan(0.001);
      expect(Math.abs(lon - back[i]![1]) * 85_000).toBeLessThan(0.001);
    });
  });
});

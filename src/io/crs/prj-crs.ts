// Which CRS a .prj (or any WKT) describes. ESRI's WKT1 (what ArcGIS and QGIS write next to a
// Shapefile), GDAL's WKT1 and WKT2 are read alike: an EPSG authority code when there is one,
// else the ellipsoid and Transverse Mercator parameters, matched against the CGCS2000 systems.
// Older Chinese datums (Beijing 1954, Xian 1980) sit on other ellipsoids; going from them to
// CGCS2000 needs local transformation parameters, so they are refused rather than misplaced.
import { ioFail, type IoResult } from '../io-result.ts';
import {
  CGCS2000_GEOGRAPHIC, crsFromEpsg, gaussKrugerCrs, GRS80, transverseMercatorProj4, WGS84_GEOGRAPHIC,
  type CrsDefinition, type GaussKrugerZone, type TransverseMercator,
} from './crs-catalogue.ts';
import { child, children, find, parseWkt, type WktNode } from './wkt-tree.ts';

const PROJECTED = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const GEOGRAPHIC = ['GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS', 'BASEGEOGCRS', 'GEODETICCRS'];
const COMPOUND = ['COMPD_CS', 'COMPOUNDCRS'];
const WGS84_RF = 298.257223563;

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function nameOf(node: WktNode): string {
  return typeof node.args[0] === 'string' ? node.args[0] : node.keyword;
}

function authorityCode(node: WktNode): number | null {
  const id = child(node, 'AUTHORITY', 'ID');
  if (!id || typeof id.args[0] !== 'string' || id.args[0].toUpperCase() !== 'EPSG') return null;
  const code = Number(id.args[1]);
  return Number.isInteger(code) ? code : null;
}

function ellipsoid(root: WktNode): { a: number; rf: number; name: string } | null {
  const node = find(root, 'SPHEROID', 'ELLIPSOID');
  if (!node) return null;
  const [name, a, rf] = node.args;
  return typeof a === 'number' && typeof rf === 'number' ? { a, rf, name: String(name) } : null;
}

function parameters(root: WktNode): Map<string, number> {
  const holder = child(root, 'CONVERSION') ?? root;
  const out = new Map<string, number>();
  for (const p of children(holder, 'PARAMETER')) {
    if (typeof p.args[0] === 'string' && typeof p.args[1] === 'number') out.set(squash(p.args[0]), p.args[1]);
  }
  return out;
}

function parameter(params: Map<string, number>, names: string[], fallback: number | null): number | null {
  for (const name of names) {
    const value = params.get(name);
    if (value !== undefined) return value;
  }
  return fallback;
}

function linearUnit(root: WktNode): number {
  const wkt1 = children(root, 'UNIT').at(-1);
  const unit = wkt1 ?? find(root, 'LENGTHUNIT');
  return unit && typeof unit.args[1] === 'number' ? unit.args[1] : 1;
}

function isGrs80(e: { a: number; rf: number }): boolean {
  return e.a === GRS80.a && Math.abs(e.rf - GRS80.rf) < 1e-6;
}

/** The EPSG system with these parameters, if it is one of the CGCS2000 Gauss-Krüger zones. */
function matchGaussKruger(tm: TransverseMercator, name: string): CrsDefinition | null {
  if (!isGrs80(tm) || tm.lat0 !== 0 || tm.scale !== 1 || tm.falseNorthing !== 0) return null;
  const threeDegreeName = /3[_ -]?deg/i.test(name);
  let gk: GaussKrugerZone | null = null;
  if (tm.falseEasting === 500_000) {
    // 6° CM 117E (EPSG:4508) and 3° CM 117E (EPSG:4548) have identical parameters; the name
    // tells them apart, and without a name the 3° zones of large-scale survey maps are meant.
    const sixDegree = !threeDegreeName && /GK|Gauss/i.test(name) && (tm.lon0 + 3) % 6 === 0;
    gk = sixDegree ? { width: 6, zone: (tm.lon0 + 3) / 6, prefixed: false } : { width: 3, zone: tm.lon0 / 3, prefixed: false };
  } else {
    const zone = (tm.falseEasting - 500_000) / 1_000_000;
    if (zone * 3 === tm.lon0) gk = { width: 3, zone, prefixed: true };
    else if (zone * 6 - 3 === tm.lon0) gk = { width: 6, zone, prefixed: true };
  }
  return gk ? gaussKrugerCrs(gk) : null;
}

function projected(root: WktNode, e: { a: number; rf: number }, file: string): IoResult<CrsDefinition> {
  const method = find(root, 'PROJECTION', 'METHOD');
  const methodName = method ? squash(nameOf(method)) : '';
  if (!['transversemercator', 'gausskruger', 'gausskrueger'].includes(methodName)) {
    return ioFail('crs_unsupported', `projection ${method ? nameOf(method) : '(none)'} is not supported; Fulv reads Gauss-Krüger / Transverse Mercator and longitude/latitude`, { file });
  }
  const unit = linearUnit(root);
  if (unit !== 1) return ioFail('crs_unsupported', `linear unit ${unit} m is not supported; only metres`, { file });
  const params = parameters(root);
  const lon0 = parameter(params, ['centralmeridian', 'longitudeofnaturalorigin', 'longitudeoforigin', 'longitudeofcenter'], null);
  if (lon0 === null) return ioFail('prj_unknown', 'the projection has no central meridian', { file });
  const tm: TransverseMercator = {
    lon0,
    lat0: parameter(params, ['latitudeoforigin', 'latitudeofnaturalorigin'], 0)!,
    scale: parameter(params, ['scalefactor', 'scalefactoratnaturalorigin'], 1)!,
    falseEasting: parameter(params, ['falseeasting'], 0)!,
    falseNorthing: parameter(params, ['falsenorthing'], 0)!,
    a: e.a, rf: e.rf,
  };
  const name = nameOf(root);
  const known = matchGaussKruger(tm, name);
  if (known) return { ok: true, value: known };
  return { ok: true, value: { code: null, name, kind: 'projected', proj4: transverseMercatorProj4(tm), tm, gk: null } };
}

export function crsFromPrj(text: string, file: string): IoResult<CrsDefinition> {
  let root = parseWkt(text.replace(/^\uFEFF/, '').trim());
  if (!root) return ioFail('prj_unknown', 'the .prj is not Well-Known Text', { file });
  if (COMPOUND.includes(root.keyword)) root = children(root, ...PROJECTED, ...GEOGRAPHIC)[0] ?? root;
  const isProjected = PROJECTED.includes(root.keyword);
  if (!isProjected && !GEOGRAPHIC.includes(root.keyword)) {
    return ioFail('prj_unknown', `the .prj describes a ${root.keyword}, not a projected or geographic CRS`, { file });
  }
  const epsg = authorityCode(root);
  const byCode = epsg === null ? null : crsFromEpsg(epsg);
  if (byCode) return { ok: true, value: byCode };
  const e = ellipsoid(root);
  if (!e) return ioFail('prj_unknown', 'the .prj names no ellipsoid', { file });
  const datum = find(root, 'DATUM');
  if (e.a !== GRS80.a || (Math.abs(e.rf - GRS80.rf) > 1e-6 && Math.abs(e.rf - WGS84_RF) > 1e-6)) {
    return ioFail('crs_unsupported', `datum ${datum ? nameOf(datum) : e.name} (ellipsoid a = ${e.a} m, 1/f = ${e.rf}) is not CGCS2000 or WGS 84; `
      + 'moving it to CGCS2000 needs local transformation parameters: convert the file to CGCS2000 first', { file });
  }
  if (isProjected) return projected(root, e, file);
  return { ok: true, value: isGrs80(e) ? CGCS2000_GEOGRAPHIC : WGS84_GEOGRAPHIC };
}

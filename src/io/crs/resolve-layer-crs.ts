// Deciding the CRS of a layer's coordinates, and refusing the combinations that would put data
// in the wrong place: projected metres in a file that claims (or, by its format, must be)
// longitude/latitude; eastings of one zone in a file that names another. A silent file (no .prj,
// a coordinate table) gets its CRS detected from the coordinates, and the preview says so.
import { geometryShapeProblem } from '../geometry/geometry-shape.ts';
import { somePosition } from '../geometry/map-positions.ts';
import type { ImportProblem, Provenance, SourceFeature } from '../import-types.ts';
import { ioFail, type IoResult } from '../io-result.ts';
import { fileNotice, type SourceLayer } from '../readers/source-read.ts';
import { CGCS2000_GEOGRAPHIC, type CrsDefinition } from './crs-catalogue.ts';
import { crsTransform } from './crs-transform.ts';
import { zoneFromEastings } from './zone-from-eastings.ts';

export interface ResolvedCrs {
  crs: CrsDefinition;
  how: Provenance;
  notice: ImportProblem | null;
}

interface Survey {
  xs: number[];
  outsideLonLat: [number, number] | null;
  count: number;
  bbox: [number, number, number, number];
}

function survey(features: readonly SourceFeature[]): Survey {
  const xs: number[] = [];
  let outsideLonLat: [number, number] | null = null;
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    if (!f.geometry || geometryShapeProblem(f.geometry)) continue;
    somePosition(f.geometry, (x, y) => {
      xs.push(x);
      if (!outsideLonLat && (Math.abs(x) > 180 || Math.abs(y) > 90)) outsideLonLat = [x, y];
      if (x < bbox[0]) bbox[0] = x;
      if (y < bbox[1]) bbox[1] = y;
      if (x > bbox[2]) bbox[2] = x;
      if (y > bbox[3]) bbox[3] = y;
      return false;
    });
  }
  return { xs, outsideLonLat, count: xs.length, bbox };
}

function zoneHint(xs: readonly number[]): string {
  const zone = zoneFromEastings(xs);
  if (zone.kind === 'zone') return `; they look like ${zone.crs.name} (${zone.crs.code}): choose that CRS to import`;
  if (zone.kind === 'no_prefix') return '; they look like Gauss-Krüger metres without a zone number: choose the CRS to import';
  return '';
}

function verify(crs: CrsDefinition, s: Survey, file: string, claim: string): IoResult<null> {
  if (s.count === 0) return { ok: true, value: null };
  if (crs.kind === 'geographic') {
    if (s.outsideLonLat) {
      const [x, y] = s.outsideLonLat;
      return ioFail('projected_in_geographic', `${claim} longitude/latitude, but has coordinates such as (${x}, ${y})${zoneHint(s.xs)}`, { file });
    }
    return { ok: true, value: null };
  }
  if (!s.outsideLonLat) return ioFail('crs_mismatch', `the coordinates look like longitude/latitude, not ${crs.code ?? crs.name} metres`, { file });
  if (crs.gk?.prefixed) {
    const other = s.xs.find((x) => Math.floor(x / 1_000_000) !== crs.gk!.zone);
    if (other !== undefined) return ioFail('crs_mismatch', `easting ${other} is not in zone ${crs.gk.zone} of ${crs.code}${zoneHint(s.xs)}`, { file });
  }
  const transform = crsTransform(crs);
  const lon0 = crs.tm?.lon0 ?? 0;
  const corners: [number, number][] = [[s.bbox[0], s.bbox[1]], [s.bbox[2], s.bbox[3]], [s.bbox[0], s.bbox[3]], [s.bbox[2], s.bbox[1]]];
  for (const [x, y] of corners) {
    const [lon, lat] = transform.toLonLat(x, y);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon - lon0) > 9 || Math.abs(lat) > 84) {
      return ioFail('crs_mismatch', `coordinate (${x}, ${y}) lies far outside the zone of ${crs.code ?? crs.name}${zoneHint(s.xs)}`, { file });
    }
  }
  return { ok: true, value: null };
}

function detect(s: Survey, file: string, format: string): IoResult<ResolvedCrs> {
  if (s.count > 0 && !s.outsideLonLat) {
    return { ok: true, value: { crs: CGCS2000_GEOGRAPHIC, how: 'detected', notice: fileNotice('crs_assumed', `the ${format} names no CRS; its coordinates are within longitude/latitude ranges and were read as CGCS2000 longitude/latitude`) } };
  }
  const zone = zoneFromEastings(s.xs);
  if (zone.kind === 'zone') {
    return { ok: true, value: { crs: zone.crs, how: 'detected', notice: fileNotice('crs_detected', `the ${format} names no CRS; its 8-digit eastings carry zone ${zone.crs.gk!.zone}: ${zone.crs.name} (${zone.crs.code})`) } };
  }
  if (zone.kind === 'mixed') return ioFail('table_mixed_zones', `the eastings carry different zone numbers (${zone.prefixes.join(', ')}); split the file by zone`, { file });
  if (zone.kind === 'unknown_prefix') return ioFail('crs_unsupported', `the eastings carry zone number ${zone.prefix}, which is not a CGCS2000 Gauss-Krüger zone of China (6°: 13–23, 3°: 25–45)`, { file });
  if (zone.kind === 'no_prefix') {
    return ioFail('crs_required', 'the eastings have 6 digits and carry no zone number: choose the CRS (central meridian; EPSG:4534–4554 for 3° zones, 4502–4512 for 6° zones)', { file });
  }
  return ioFail('crs_required', `the ${format} names no CRS and its coordinates are neither longitude/latitude nor Gauss-Krüger eastings: choose the CRS`, { file });
}

export function resolveLayerCrs(layer: SourceLayer, features: readonly SourceFeature[], chosen: CrsDefinition | null, file: string, format: string): IoResult<ResolvedCrs> {
  const s = survey(features);
  if (chosen) {
    const checked = verify(chosen, s, file, `the chosen CRS ${chosen.code ?? chosen.name} is`);
    return checked.ok ? { ok: true, value: { crs: chosen, how: 'chosen', notice: null } } : checked;
  }
  if (layer.crs) {
    const claim = layer.crs.how === 'default' ? `the ${format} has no CRS and so, by its specification, is` : `the ${format} declares ${layer.crs.crs.code ?? layer.crs.crs.name},`;
    const checked = verify(layer.crs.crs, s, file, claim);
    return checked.ok ? { ok: true, value: { crs: layer.crs.crs, how: layer.crs.how, notice: null } } : checked;
  }
  return detect(s, file, format);
}

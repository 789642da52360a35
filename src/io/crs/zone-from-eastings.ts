// Chinese survey coordinates name their zone in the easting: an 8-digit easting 39 512 345.67 is
// 3° zone 39; a 6-digit one carries no zone and the user must say which central meridian. The
// zone numbers of 6° (13–23) and 3° (25–45) zones do not overlap, so the prefix alone decides.
import { gaussKrugerCrs, type CrsDefinition } from './crs-catalogue.ts';

export type EastingZone =
  | { kind: 'zone'; crs: CrsDefinition }
  | { kind: 'no_prefix' }
  | { kind: 'unknown_prefix'; prefix: number }
  | { kind: 'mixed'; prefixes: number[] }
  | { kind: 'not_projected' };

/** The zone of a set of eastings; the prefix must be the same for all of them. */
export function zoneFromEastings(eastings: Iterable<number>): EastingZone {
  const prefixes = new Set<number>();
  let plain = 0;
  let seen = 0;
  for (const x of eastings) {
    seen++;
    if (x >= 10_000_000 && x < 100_000_000) prefixes.add(Math.floor(x / 1_000_000));
    else if (x >= 0 && x < 1_000_000) plain++;
    else return { kind: 'not_projected' };
  }
  if (seen === 0) return { kind: 'not_projected' };
  if (prefixes.size === 0) return { kind: 'no_prefix' };
  if (prefixes.size > 1 || plain > 0) return { kind: 'mixed', prefixes: [...prefixes].sort((a, b) => a - b) };
  const prefix = [...prefixes][0]!;
  const crs = prefix >= 25 ? gaussKrugerCrs({ width: 3, zone: prefix, prefixed: true }) : gaussKrugerCrs({ width: 6, zone: prefix, prefixed: true });
  return crs ? { kind: 'zone', crs } : { kind: 'unknown_prefix', prefix };
}

// Reads the committed demo programme the way an independent checker would: straight from disk.
import { readFileSync } from 'node:fs';
import type { Programme } from '../../src/domain/model.ts';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../data/demo/${name}`, import.meta.url), 'utf8'));

export function demoProgramme(): Programme {
  const meta = read('programme.json') as Omit<Programme, 'parcels' | 'treated' | 'zones'>;
  return {
    ...meta,
    parcels: read('parcels.geojson') as Programme['parcels'],
    treated: read('treated.geojson') as Programme['treated'],
    zones: read('zones.geojson') as Programme['zones'],
  };
}

// The pattern of a selected parcel's overlap with the protection buffers: red diagonal stripes on
// nothing, so the parcel and treated polygons beneath keep their own colours between the stripes
// and the conflict is never mistaken for a legend colour. Made in code, added when the style asks.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { CONFLICT_COLOUR } from './palette.ts';

export const CONFLICT_HATCH = 'conflict-hatch';

const SIZE = 12;
const STRIPE = 3;

/** RGBA pixels of one tile of the pattern; (x + y) mod SIZE makes stripes that meet across tiles. */
export function hatchPixels(colour: string = CONFLICT_COLOUR): { width: number; height: number; data: Uint8Array } {
  const n = parseInt(colour.slice(1), 16);
  const data = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if ((x + y) % SIZE >= STRIPE) continue;
      data.set([(n >> 16) & 255, (n >> 8) & 255, n & 255, 255], (y * SIZE + x) * 4);
    }
  }
  return { width: SIZE, height: SIZE, data };
}

/** Supplies the pattern whenever a style needs it (again after a style reload). */
export function provideConflictHatch(map: MapLibreMap): void {
  map.on('styleimagemissing', (e: { id: string }) => {
    if (e.id === CONFLICT_HATCH && !map.hasImage(CONFLICT_HATCH)) map.addImage(CONFLICT_HATCH, hatchPixels());
  });
}

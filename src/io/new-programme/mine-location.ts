// A mine's representative point: the pole of inaccessibility (polylabel) of the largest polygon
// among its parcels, so that it lies inside a parcel even when the parcel is concave.
import polylabel from 'polylabel';
import type { Position } from 'geojson';
import type { ParcelFeature } from '../../domain/model.ts';

/** Shoelace area in square degrees: only to tell the largest part, never shown. */
function ringSize(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return Math.abs(sum) / 2;
}

export function mineLocation(parcels: readonly ParcelFeature[]): [number, number] {
  let best: Position[][] | null = null;
  let size = -1;
  for (const p of parcels) {
    const polygons = p.geometry.type === 'Polygon' ? [p.geometry.coordinates] : p.geometry.coordinates;
    for (const polygon of polygons) {
      const s = ringSize(polygon[0] ?? []);
      if (s > size) [best, size] = [polygon, s];
    }
  }
  if (!best) throw new Error('a mine needs at least one parcel');
  const outer = best[0]!;
  const span = Math.max(...outer.map((p) => p[0]!)) - Math.min(...outer.map((p) => p[0]!));
  const [x, y] = polylabel(best as number[][][], Math.max(span / 1000, 1e-7));
  return [x!, y!];
}

// The drinking-water source area (水源地保护区) along the Luan River, drawn after the mines: it
// lies on a stretch of river about a kilometre from the nearest mine and is grown until its
// edge comes within the 500 m default buffer of some parcel, without covering any.
import type { ZoneFeature } from '../../src/domain/model.ts';
import type { XY } from './frame.ts';
import { isValidArea, metricPolygon } from './geojson.ts';
import { distance, insideRing, ringDistance } from './metric.ts';
import type { LaidMine } from './parcels.ts';
import type { Rng } from './prng.ts';
import { blob } from './shapes.ts';
import type { Space } from './space.ts';

export function waterSource(rng: Rng, river: XY[], mines: LaidMine[], space: Space): ZoneFeature {
  const parts = mines.flatMap((m) => m.parcels.flatMap((p) => p.parts));
  // The river point whose nearest parcel is about a kilometre off leaves room to grow.
  const clearance = (q: XY) => Math.min(...parts.map((p) => distance(q, p.circle.centre) - p.circle.radius));
  const i = river
    .map((q, k) => ({ k, miss: Math.abs(clearance(q) - 1000) }))
    .reduce((best, c) => (c.miss < best.miss ? c : best)).k;
  const [a, b] = [river[Math.max(0, i - 4)]!, river[Math.min(river.length - 1, i + 4)]!];
  const along = Math.atan2(b[1] - a[1], b[0] - a[0]);
  const unit = blob(rng, [0, 0], { vertices: 40, aspect: 3, rotation: along, roughness: 0.12 }, { inner: 1 });
  const centre = river[i]!;
  // Grow in 20 m steps of the inner radius; stop at the last size that still keeps off every parcel.
  let best: XY[] | null = null;
  for (let inner = 150; inner < 3000; inner += 20) {
    const ring = unit.ring.map(([x, y]): XY => [centre[0] + x * inner, centre[1] + y * inner]);
    const reach = unit.circle.radius * inner;
    const near = parts.filter((p) => distance(p.circle.centre, centre) < p.circle.radius + reach + 600);
    if (near.some((p) => insideRing(p.ring[0]!, ring) || ringDistance(p.ring, ring) < 80)) break;
    best = ring;
  }
  if (!best || !parts.some((p) => ringDistance(p.ring, best!) <= 450)) throw new Error('the water-source area constrains no mine');
  const geometry = metricPolygon(best);
  if (!isValidArea(geometry)) throw new Error('Z-WS-01 is not a valid polygon');
  space.addArea(best);
  return {
    type: 'Feature',
    properties: {
      id: 'Z-WS-01', name: '滦河迁安段饮用水水源保护区', name_en: "Luan River (Qian'an) Drinking-Water Source Area",
      zone_type: 'water_source', note: '一级、二级保护区合并示意，范围为演示用',
    },
    geometry,
  };
}

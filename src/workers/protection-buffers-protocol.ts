import type { FeatureCollection } from 'geojson';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { ZoneGeometry, ZoneProperties } from '../domain/model.ts';

export interface BufferRequest {
  zones: FeatureCollection<ZoneGeometry, ZoneProperties>;
  distances: BufferDistances;
}

/** One unioned buffer feature per zone type, with properties { id, zone_type, distance_m }. */
export type BufferReply = { ok: true; collection: FeatureCollection } | { ok: false; reason: string };

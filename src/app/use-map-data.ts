// What the map draws, layer by layer, and the selected feature as drawn: parcels with their
// status (or as of the reviewer's date), the treated polygons of that date, zones, buffers, the
// selected parcel's overlap, GPS, the files viewed, mine labels and any import preview.
import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import type { BufferCollection } from '../domain/buffer-features.ts';
import type { Programme } from '../domain/model.ts';
import type { FeatureRef } from '../map/programme-map.ts';
import { mineLabelPoints } from './mine-label-points.ts';
import type { ReviewState } from './use-review.ts';

const NOTHING: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface MapDataInput {
  programme: Programme | null;
  review: Pick<ReviewState, 'parcels' | 'treated'>;
  buffers: BufferCollection | null;
  overlap: FeatureCollection;
  gps: FeatureCollection;
  gem: FeatureCollection | null;
  context: FeatureCollection | null;
  /** A file opened to view. */
  imported: FeatureCollection | null;
  importPreview: FeatureCollection | null;
}

export function useMapData(input: MapDataInput, selection: FeatureRef | null) {
  const { programme, review, buffers, overlap, gps, gem, context, imported, importPreview } = input;
  const mines = programme?.mines;
  const minePoints = useMemo(() => (mines ? mineLabelPoints(mines) : null), [mines]);
  const data = useMemo(() => {
    const d: Partial<Record<string, FeatureCollection>> = {};
    if (programme) Object.assign(d, { parcels: review.parcels ?? programme.parcels, treated: review.treated ?? programme.treated, zones: programme.zones });
    if (buffers) d.buffers = buffers;
    d.overlap = overlap;
    d.gps = gps;
    if (gem) d.gem = gem;
    if (minePoints) d.mines = minePoints;
    if (context) d.context = context;
    // Always given, so that a preview taken away leaves the source empty rather than drawn.
    d.imported = importPreview ?? imported ?? NOTHING;
    return d;
  }, [programme, review.parcels, review.treated, buffers, overlap, gps, gem, minePoints, context, imported, importPreview]);

  const selectedFeature = useMemo(() => {
    if (!selection) return null;
    const fc = data[selection.source];
    return fc?.features.find((f) => String(f.properties?.id) === selection.id) ?? null;
  }, [selection, data]);
  return { data, selectedFeature };
}

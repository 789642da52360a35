// The selected parcel's overlap with the buffers, drawn on the map; redone when figures change.
import { useEffect, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const NO_FEATURES: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function useParcelOverlap(parcelId: string | null, overlapOf: (id: string) => Promise<Polygon | MultiPolygon | null>, results: unknown): FeatureCollection {
  const [overlap, setOverlap] = useState<FeatureCollection>(NO_FEATURES);
  useEffect(() => {
    if (!parcelId) return setOverlap(NO_FEATURES);
    let current = true;
    void overlapOf(parcelId).then((geometry) => {
      if (current) setOverlap(geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: { id: parcelId } }] } : NO_FEATURES);
    });
    return () => { current = false; };
  }, [parcelId, overlapOf, results]);
  return overlap;
}

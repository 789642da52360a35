// Taking the map to what the user asked for (a search hit, a conflict row, an imported file)
// and selecting it. Fitting waits for the render that opens the inspector, so the map is
// fitted at its new size.
import { useCallback, useEffect, useState } from 'react';
import { featureBounds, type Bounds } from '../domain/feature-bounds.ts';
import type { Programme } from '../domain/model.ts';
import type { SearchHit } from '../domain/programme-search.ts';
import type { FeatureRef, ProgrammeMap } from '../map/programme-map.ts';

export function useMapFocus(map: ProgrammeMap | null, programme: Programme | null, select: (ref: FeatureRef) => void) {
  const [fitTarget, setFitTarget] = useState<Bounds | null>(null);
  useEffect(() => {
    if (!map || !fitTarget) return;
    map.fitBounds(fitTarget);
    setFitTarget(null);
  }, [map, fitTarget]);

  const showParcel = useCallback((parcelId: string) => {
    if (!programme) return;
    const parcel = programme.parcels.features.find((f) => f.properties.id === parcelId);
    setFitTarget(parcel ? featureBounds(parcel) : null);
    select({ source: 'parcels', id: parcelId });
  }, [programme, select]);

  const onPick = useCallback((hit: SearchHit) => {
    if (!programme) return;
    const parcels = programme.parcels.features.filter((f) => (hit.kind === 'mine' ? f.properties.mine_id === hit.id : f.properties.id === hit.id));
    setFitTarget(featureBounds({ type: 'FeatureCollection', features: parcels }));
    if (hit.kind === 'parcel') select({ source: 'parcels', id: hit.id });
    else if (parcels[0]) select({ source: 'parcels', id: parcels[0].properties.id });
  }, [programme, select]);

  return { showParcel, onPick, fitTo: setFitTarget };
}

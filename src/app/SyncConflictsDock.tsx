// The sync conflicts of the open programme, wired to where they are stored and to the map: the
// shown conflict's two shapes are drawn and brought into view.
import { useCallback, useEffect, useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import { featureBounds } from '../domain/feature-bounds.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';
import { syncConflictDatabaseSource } from '../persistence/sync-conflict-database.ts';
import type { SyncConflictSource } from '../store/sync-conflict.ts';
import { SyncConflicts } from '../ui/SyncConflicts.tsx';
import { useSyncConflicts } from './use-sync-conflicts.ts';

/** `source` replaces the programme's own conflict database (the sync engine's store, a test's). */
export function SyncConflictsDock(props: { programmeId: string; map: ProgrammeMap | null; source?: SyncConflictSource }) {
  const { programmeId, map, source: given } = props;
  const own = useMemo(() => (given ? null : syncConflictDatabaseSource(programmeId)), [given, programmeId]);
  useEffect(() => () => own?.close(), [own]);
  const { conflicts, resolve } = useSyncConflicts(given ?? own);
  const showShapes = useCallback((shapes: FeatureCollection | null) => {
    if (!map) return;
    map.showConflictShapes(shapes);
    const bounds = shapes && featureBounds(shapes);
    if (bounds) map.fitBounds(bounds);
  }, [map]);
  return <SyncConflicts conflicts={conflicts} onResolve={resolve} onShowShapes={showShapes} />;
}

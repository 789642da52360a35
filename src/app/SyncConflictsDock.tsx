// The sync conflicts of the open programme, wired to where they are stored and to the map: the
// shown conflict's two shapes are drawn and brought into view.
import { useCallback, useEffect, useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import { featureBounds } from '../domain/feature-bounds.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';
import { syncConflictDatabaseSource } from '../persistence/sync-conflict-database.ts';
import type { SyncConflictSource } from '../store/sync-conflict.ts';
import { SyncConflicts } from '../ui/SyncConflicts.tsx';
import { useScreenClass } from '../ui/shells/screen-class.ts';
import { useSyncConflicts } from './use-sync-conflicts.ts';

/** `source` replaces the programme's own conflict database (the sync engine's store, a test's). */
export function SyncConflictsDock(props: { programmeId: string; map: ProgrammeMap | null; source?: SyncConflictSource }) {
  const { programmeId, map, source: given } = props;
  const screen = useScreenClass();
  const own = useMemo(() => (given ? null : syncConflictDatabaseSource(programmeId)), [given, programmeId]);
  useEffect(() => () => own?.close(), [own]);
  const { conflicts, resolve } = useSyncConflicts(given ?? own);
  const showShapes = useCallback((shapes: FeatureCollection | null) => {
    if (!map) return;
    map.showConflictShapes(shapes);
    const bounds = shapes && featureBounds(shapes);
    if (!bounds) return;
    // Clear of the conflicts' panel: a bottom sheet on a phone (60% of the height), a side panel otherwise.
    const covered = screen === 'phone' ? { bottom: Math.round(innerHeight * 0.6) + 24, right: 24 } : { bottom: 48, right: 456 };
    map.map.resize();
    map.map.fitBounds(bounds, { padding: { top: 48, left: 24, ...covered }, maxZoom: 18, duration: 600 });
  }, [map, screen]);
  return <SyncConflicts conflicts={conflicts} onResolve={resolve} onShowShapes={showShapes} />;
}

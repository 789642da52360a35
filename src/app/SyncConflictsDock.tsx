// The sync conflicts and refused edits of the open programme, read from the sync engine's store
// and wired to the map: the shown conflict's two shapes are drawn and brought into view.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { FeatureCollection } from 'geojson';
import { featureBounds } from '../domain/feature-bounds.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import { fieldConflictSource } from '../persistence/sync/field-conflict-source.ts';
import { SyncConflicts } from '../ui/SyncConflicts.tsx';
import { useScreenClass } from '../ui/shells/screen-class.ts';
import { useSyncConflicts } from './use-sync-conflicts.ts';

/** `who` names the user deciding, for the journal. */
export function SyncConflictsDock(props: { store: FieldStore; map: ProgrammeMap | null; who: string }) {
  const { store, map } = props;
  const screen = useScreenClass();
  const who = useRef(props.who);
  useEffect(() => {
    who.current = props.who;
  }, [props.who]);
  const source = useMemo(() => fieldConflictSource(store, () => who.current), [store]);
  const { conflicts, refused, resolve, dismiss } = useSyncConflicts(source);
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
  return <SyncConflicts conflicts={conflicts} refused={refused} onResolve={resolve} onDismiss={dismiss} onShowShapes={showShapes} />;
}

// An import's preview on the map: drawn in the "opened file" layer and zoomed to while the dialog
// shows it; once the dialog is cancelled, closed or has imported, the preview goes (every feature,
// imported or not: what was imported is drawn by its own layer) and the camera returns to where
// the user had it, layer visibility included.
import { useEffect, useRef } from 'react';
import type { FeatureCollection } from 'geojson';
import { featureBounds, type Bounds } from '../domain/feature-bounds.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';

interface Camera { center: [number, number]; zoom: number; bearing: number; pitch: number }

export function useImportPreview(
  map: ProgrammeMap | null,
  preview: FeatureCollection | null,
  fitTo: (bounds: Bounds | null) => void,
  importedVisible: boolean,
  setImportedVisible: (visible: boolean) => void,
): void {
  const before = useRef<{ camera: Camera; visible: boolean } | null>(null);
  const visible = useRef(importedVisible);
  visible.current = importedVisible;
  useEffect(() => {
    if (!map) return;
    if (preview) {
      if (!before.current) {
        const m = map.map;
        before.current = { camera: { center: m.getCenter().toArray() as [number, number], zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() }, visible: visible.current };
      }
      setImportedVisible(true);
      fitTo(featureBounds(preview));
    } else if (before.current) {
      const { camera, visible: was } = before.current;
      before.current = null;
      map.map.jumpTo(camera);
      setImportedVisible(was);
    }
  }, [map, preview, fitTo, setImportedVisible]);
}

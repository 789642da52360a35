// Treated polygons made and changed on the map: a new one is shown at once while it saves (and
// selected once saved), a reshape is one edit, and split and hole are made by GEOS and taken by
// the store as one edit or refused with the reason on the drawing bar.
import { useCallback } from 'react';
import type { Polygon } from 'geojson';
import type { BufferCollection } from '../domain/buffer-features.ts';
import type { Programme, TreatedFeature } from '../domain/model.ts';
import type { FeatureRef, ProgrammeMap } from '../map/programme-map.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import { createTreated, reshapeTreated } from '../store/edits-from-snapshot.ts';
import type { Translate } from '../ui/i18n/translate.ts';
import { holeEdit, shortcutRefusalText, splitEdit, type ShortcutOutcome } from './geometry-shortcuts.ts';
import { newTreatedFeature } from './new-treated.ts';
import type { SurveySettings } from './survey-settings.ts';
import { useTreatedDrawing } from './use-treated-drawing.ts';

export interface TreatedEditingInput {
  store: FieldStore | null;
  map: ProgrammeMap | null;
  programme: Programme | null;
  buffers: BufferCollection | null;
  survey: SurveySettings;
  who: string;
  track: <T>(work: Promise<T>) => Promise<T | null>;
  onSelect: (ref: FeatureRef) => void;
}

export function useTreatedEditing(t: Translate, { store, map, programme, buffers, survey, who, track, onSelect }: TreatedEditingInput) {
  const createFeature = useCallback((feature: TreatedFeature) => {
    if (!store) return;
    // On the map at once, while the save runs; taken away again if it fails.
    const unshow = map?.preview('treated', feature);
    void track(store.transact(createTreated(store.getSnapshot(), feature), who)).then((saved) => {
      if (saved) onSelect({ source: 'treated', id: feature.properties.id });
      else unshow?.();
    });
  }, [store, map, who, track, onSelect]);
  const createFromShape = useCallback((shape: Polygon) => {
    if (programme) createFeature(newTreatedFeature(programme, shape, survey.surveyor.trim(), survey.measure));
  }, [programme, survey, createFeature]);

  const shortcut = (outcome: Promise<ShortcutOutcome>): void => {
    void outcome.then((result) => {
      if (!store) return;
      if (result.ok) void track(store.transact(result.edit, who));
      else drawing.setRefusal(shortcutRefusalText(t, result.refusal));
    });
  };
  const drawing = useTreatedDrawing(map, programme, buffers, t, {
    onDrawn: createFromShape,
    onReshaped: (id, shape) => {
      if (store) void track(store.transact(reshapeTreated(store.getSnapshot(), id, shape), who));
    },
    onHole: (id, shape) => { if (store) shortcut(holeEdit(store.getSnapshot(), id, shape)); },
    onSplitLine: (id, line) => { if (store) shortcut(splitEdit(store.getSnapshot(), id, line)); },
  });
  return { drawing, createFeature, createFromShape };
}

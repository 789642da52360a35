// The buffer distances in use are the open programme's (stored in its database, journaled and
// undoable); the planner's own presets are remembered on this device.
import { useCallback, useState } from 'react';
import { GENERAL_PRESET, type BufferDistances, type BufferPreset } from '../domain/buffer-presets.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import { setBufferDistances } from '../store/edits-from-snapshot.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { loadUserPresets, saveUserPresets } from './app-settings.ts';

export function useBufferSettings(store: FieldStore | null, snapshot: FieldSnapshot | null, who: string, track: <T>(work: Promise<T>) => Promise<T | null>) {
  const distances = snapshot?.bufferDistances ?? GENERAL_PRESET.distances;
  const [userPresets, setUserPresets] = useState<BufferPreset[]>(loadUserPresets);
  const changeDistances = useCallback((d: BufferDistances) => {
    if (store) void track(store.transact(setBufferDistances(store.getSnapshot(), d), who));
  }, [store, who, track]);
  const savePreset = useCallback((name: string) => {
    setUserPresets((old) => {
      const next = [...old.filter((p) => p.name !== name), { name, name_en: name, distances, source: 'user' }];
      saveUserPresets(next);
      return next;
    });
  }, [distances]);
  const deletePreset = useCallback((name: string) => {
    setUserPresets((old) => {
      const next = old.filter((p) => p.name !== name);
      saveUserPresets(next);
      return next;
    });
  }, []);
  return { distances, userPresets, changeDistances, savePreset, deletePreset };
}

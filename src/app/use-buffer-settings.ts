// The buffer distances in use and the planner's own presets, both remembered on this device.
import { useCallback, useState } from 'react';
import type { BufferDistances, BufferPreset } from '../domain/buffer-presets.ts';
import { loadBufferDistances, loadUserPresets, saveBufferDistances, saveUserPresets } from './app-settings.ts';

export function useBufferSettings() {
  const [distances, setDistances] = useState<BufferDistances>(loadBufferDistances);
  const [userPresets, setUserPresets] = useState<BufferPreset[]>(loadUserPresets);
  const changeDistances = useCallback((d: BufferDistances) => {
    setDistances(d);
    saveBufferDistances(d);
  }, []);
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

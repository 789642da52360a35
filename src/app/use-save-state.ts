// "Saving…", "Saved" or why not, for the last change sent to the field store. "Saved" is shown
// only when the store's promise resolves, i.e. when the change is on disk.
import { useCallback, useState } from 'react';
import { FieldStoreError } from '../persistence/field-store-error.ts';
import type { SaveState } from '../ui/EditHistory.tsx';
import type { Translate } from '../ui/i18n/translate.ts';

export function storeErrorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof FieldStoreError)) return t('survey.saveFailed', { reason: error instanceof Error ? error.message : String(error) });
  switch (error.code) {
    case 'quota_exceeded': return t('storage.quota');
    case 'stale_revision': return t('storage.stale');
    case 'closed': return t('storage.closed', { message: error.message });
    case 'still_needed': return t('storage.stillNeeded');
    case 'history_conflict': {
      const step = error.problems[0];
      const why = step?.code === 'still_needed' ? t('storage.historyConflict.stillNeeded') : '';
      return t(step?.field === 'redo' ? 'storage.historyConflict.redo' : 'storage.historyConflict.undo', { why });
    }
    default: return t('survey.saveFailed', { reason: error.message });
  }
}

export function useSaveState(t: Translate): { save: SaveState; track: <T>(work: Promise<T>) => Promise<T | null> } {
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const track = useCallback(async <T,>(work: Promise<T>): Promise<T | null> => {
    setSave({ state: 'saving' });
    try {
      const result = await work;
      setSave({ state: 'saved' });
      return result;
    } catch (error) {
      setSave({ state: 'failed', message: storeErrorMessage(t, error) });
      return null;
    }
  }, [t]);
  return { save, track };
}

// The export dialog's "programme archive" button: the whole programme as the store holds it now
// (its live treated polygons, targets, acceptance records, area level and buffer distances, all
// from the programme itself: store.programmeContent()) in one GeoPackage download.
import { useCallback, useState } from 'react';
import { FieldStoreError } from '../persistence/field-store-error.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import type { Translate } from '../ui/i18n/translate.ts';
import type { MessageKey } from '../ui/i18n/zh.ts';
import { saveFile } from '../ui/save-file.ts';
import { programmeArchiveFile } from './programme-archive-file.ts';
import { storeErrorMessage } from './use-save-state.ts';

export interface ArchiveExport {
  onRun: () => void;
  busy: boolean;
  message: { text: string; error: boolean } | null;
}

export function useArchiveExport(t: Translate, store: Pick<FieldStore, 'programmeContent'> | null): ArchiveExport {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ArchiveExport['message']>(null);
  const run = useCallback(async () => {
    if (!store) return;
    setBusy(true);
    setMessage(null);
    try {
      const file = await programmeArchiveFile(await store.programmeContent());
      if (file.ok) {
        saveFile(file.value.bytes as Uint8Array<ArrayBuffer>, file.value.name, file.value.mediaType);
        setMessage({ text: t('export.done', { files: file.value.name }), error: false });
      } else {
        setMessage({ text: t('export.failed', { reason: t(`ioError.${file.code}` as MessageKey) }), error: true });
      }
    } catch (error) {
      setMessage({ text: t('export.failed', { reason: error instanceof FieldStoreError ? storeErrorMessage(t, error) : t('export.bug') }), error: true });
    } finally {
      setBusy(false);
    }
  }, [store, t]);
  return { onRun: () => void run(), busy, message };
}

// The export dialog's "programme archive" button: the whole programme as it is now (its live
// treated polygons, targets, acceptance records and buffer distances) in one GeoPackage download.
import { useCallback, useState } from 'react';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { Programme } from '../domain/model.ts';
import type { ProgrammeAreaLevel } from '../domain/programme-content.ts';
import type { ParcelReview } from '../domain/review.ts';
import type { Translate } from '../ui/i18n/translate.ts';
import type { MessageKey } from '../ui/i18n/zh.ts';
import { saveFile } from '../ui/save-file.ts';
import { programmeArchiveFile } from './programme-archive-file.ts';

export interface ArchiveExport {
  onRun: () => void;
  busy: boolean;
  message: { text: string; error: boolean } | null;
}

export function useArchiveExport(
  t: Translate, programme: Programme | null, reviews: ReadonlyMap<string, ParcelReview>, distances: BufferDistances, areaLevel: ProgrammeAreaLevel = 'county',
): ArchiveExport {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ArchiveExport['message']>(null);
  const run = useCallback(async () => {
    if (!programme) return;
    setBusy(true);
    setMessage(null);
    try {
      const file = await programmeArchiveFile({ programme, areaLevel, bufferDistances: distances, reviews: [...reviews.values()] });
      if (file.ok) {
        saveFile(file.value.bytes as Uint8Array<ArrayBuffer>, file.value.name, file.value.mediaType);
        setMessage({ text: t('export.done', { files: file.value.name }), error: false });
      } else {
        setMessage({ text: t('export.failed', { reason: `${t(`ioError.${file.code}` as MessageKey)}（${file.reason}）` }), error: true });
      }
    } catch (error) {
      setMessage({ text: t('export.failed', { reason: (error as Error).message }), error: true });
    } finally {
      setBusy(false);
    }
  }, [programme, reviews, distances, areaLevel, t]);
  return { onRun: () => void run(), busy, message };
}

// What the user reads after choosing a programme archive (.gpkg) to open: what it held and under
// which id it was kept, or why nothing was made — in the UI's language. A refusal names the
// problem's kind by its code (the reader's English reason names table, fid and column for the log).
import type { ProgrammeContent } from '../domain/programme-content.ts';
import type { IoErrorCode } from '../io/io-result.ts';
import type { ProgrammeEntry } from '../persistence/programme-registry.ts';
import type { Translate } from '../ui/i18n/translate.ts';
import type { MessageKey } from '../ui/i18n/zh.ts';

export function archiveOpenedMessage(t: Translate, language: 'zh' | 'en', content: ProgrammeContent, entry: ProgrammeEntry): string {
  const p = content.programme;
  const name = (language === 'en' && entry.nameEn) || entry.name;
  const counts = t('programmes.archive.opened', {
    name, mines: p.mines.length, parcels: p.parcels.features.length, zones: p.zones.features.length, treated: p.treated.features.length, reviews: content.reviews.length,
  });
  return entry.id === p.id ? counts : `${counts}${t('programmes.archive.newId', { wanted: p.id, id: entry.id })}`;
}

export function archiveRefusedMessage(t: Translate, file: string, code: IoErrorCode): string {
  return t('programmes.archive.refused', { file, reason: t(`ioError.${code}` as MessageKey) });
}

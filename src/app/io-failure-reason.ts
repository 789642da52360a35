// Why a file could not be read or written, in the UI's language: the failure's code translated,
// with the limit or line it names. The reader's or writer's English reason (which names fields,
// tables and fids for a log) never goes inside the translated text.
import type { Translate } from '../ui/i18n/translate.ts';
import type { MessageKey } from '../ui/i18n/zh.ts';

export function ioFailureReason(t: Translate, code: string, where: { line?: number | undefined; limit?: string | undefined } = {}): string {
  return t(`ioError.${code}` as MessageKey) + (where.limit ? t('import.limit', { limit: where.limit }) : '') + (where.line ? t('import.atLine', { line: where.line }) : '');
}

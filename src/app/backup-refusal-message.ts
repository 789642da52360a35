// Why a restore was refused, in the UI's language. The refusals a user can act on (update Fulv,
// a file not written by Fulv, a history naming features nobody holds) are translated from their
// codes; any other problem is shown with the store's English reason.
import { FieldStoreError } from '../persistence/field-store-error.ts';
import { NEWER_SCHEMA, UNSAFE_ENTRY } from '../persistence/backup/backup-safety.ts';
import { UNKNOWN_FEATURE } from '../persistence/backup/backup-references.ts';
import type { Problem } from '../store/problem.ts';
import type { Translate } from '../ui/i18n/translate.ts';

const SHOWN = 3;

function problemText(t: Translate, problem: Problem): string {
  const params = problem.params ?? {};
  switch (problem.code) {
    case NEWER_SCHEMA: return t('backup.refusal.newerSchema', params);
    case UNSAFE_ENTRY: return t('backup.refusal.unsafeEntry', params);
    case UNKNOWN_FEATURE: {
      const where = t(params['source'] === 'review' ? 'backup.refusal.reviewRecord' : 'backup.refusal.journalEntry', params);
      const kind = t(params['kind'] === 'photo' ? 'backup.refusal.kind.photo' : params['kind'] === 'parcel' ? 'backup.refusal.kind.parcel' : 'backup.refusal.kind.treated');
      return t('backup.refusal.unknownFeature', { ...params, where, kind });
    }
    default: return problem.reason.replace(/[.\s]+$/, '');
  }
}

export function backupRefusalReason(t: Translate, error: unknown): string {
  if (!(error instanceof FieldStoreError)) return error instanceof Error ? error.message : String(error);
  if (error.problems.length === 0) return error.message.replace(/[.\s]+$/, '');
  const shown = error.problems.slice(0, SHOWN).map((p) => problemText(t, p));
  const more = error.problems.length > SHOWN ? t('backup.refusal.more', { count: error.problems.length - SHOWN }) : '';
  return `${shown.join(t('backup.refusal.separator'))}${more}`;
}

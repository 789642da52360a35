// Why a restore was refused, in the UI's language. Refusals of the file as a whole (not a backup,
// another programme, a newer Fulv, a missing or damaged part, an unsafe entry) and a history
// naming features nobody holds are translated from their codes; a problem with one record
// (its geometry, an attribute, a photo) is shown with the store's English reason, which names it.
import { FieldStoreError } from '../persistence/field-store-error.ts';
import { NEWER_SCHEMA, UNSAFE_ENTRY } from '../persistence/backup/backup-safety.ts';
import { UNKNOWN_FEATURE } from '../persistence/backup/backup-references.ts';
import type { Problem } from '../store/problem.ts';
import type { MessageKey, Translate } from '../ui/i18n/translate.ts';

const SHOWN = 3;

const FILE_REFUSALS: Partial<Record<string, MessageKey>> = {
  backup_not_zip: 'backup.refusal.notZip',
  backup_not_fulv: 'backup.refusal.notFulv',
  backup_newer_format: 'backup.refusal.newerFormat',
  backup_damaged_manifest: 'backup.refusal.damagedManifest',
  backup_other_programme: 'backup.refusal.otherProgramme',
  backup_missing_part: 'backup.refusal.missingPart',
  backup_bad_part: 'backup.refusal.badPart',
};

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
    default: {
      const key = FILE_REFUSALS[problem.code];
      return key ? t(key, params) : problem.reason.replace(/[.\s]+$/, '');
    }
  }
}

export function backupRefusalReason(t: Translate, error: unknown): string {
  if (!(error instanceof FieldStoreError)) return error instanceof Error ? error.message : String(error);
  if (error.problems.length === 0) return error.message.replace(/[.\s]+$/, '');
  const shown = error.problems.slice(0, SHOWN).map((p) => problemText(t, p));
  const more = error.problems.length > SHOWN ? t('backup.refusal.more', { count: error.problems.length - SHOWN }) : '';
  return `${shown.join(t('backup.refusal.separator'))}${more}`;
}

// The sync status of a programme linked to a team server: edits waiting, the last sync, offline
// or failing, and the edits the server did not take (conflicts, refusals), listed on demand.
import { useState } from 'react';
import type { SyncActivity } from '../persistence/sync/sync-engine.ts';
import type { SyncState } from '../store/field-snapshot.ts';
import type { SyncConflict } from '../store/sync-records.ts';
import { useI18n } from './i18n/language-context.tsx';

function activityText(t: ReturnType<typeof useI18n>['t'], activity: SyncActivity | null): string | null {
  switch (activity?.state) {
    case 'offline': return t('sync.offline');
    case 'syncing': return t('sync.syncing');
    case 'elsewhere': return t('sync.elsewhere');
    case 'unauthenticated': return t('sync.loginNeeded');
    case 'failed': return t('sync.failed', { message: activity.message, seconds: Math.ceil(activity.retryInMs / 1000) });
    default: return null;
  }
}

const what = (conflict: SyncConflict): string => (conflict.mine[0] ?? conflict.base[0])?.id ?? conflict.edit.kind;

/** `imagesMissing`: pulled photos whose image the last sync could not download. */
export function SyncStatus(props: { sync: SyncState; activity: SyncActivity | null; onSyncNow: () => void; readProblems: () => Promise<SyncConflict[]>; imagesMissing?: number }) {
  const { t, language } = useI18n();
  const { sync } = props;
  const [problems, setProblems] = useState<SyncConflict[] | null>(null);
  const time = sync.lastSyncAt ? new Date(sync.lastSyncAt).toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }) : null;
  const state = activityText(t, props.activity);
  const problemCount = sync.conflicts + sync.refused;
  return (
    <section className="sync-status" aria-label={t('sync.label')}>
      <p role="status">
        <span>{sync.waiting > 0 ? t('sync.waiting', { count: sync.waiting }) : t('sync.allSent')}</span>
        {' · '}
        <span>{time ? t('sync.last', { time }) : t('sync.never')}</span>
        {state && <>{' · '}<span>{state}</span></>}
        {(props.imagesMissing ?? 0) > 0 && <>{' · '}<span>{t('sync.imagesMissing', { count: props.imagesMissing ?? 0 })}</span></>}
      </p>
      <button type="button" onClick={props.onSyncNow} disabled={props.activity?.state === 'syncing'}>{t('sync.now')}</button>
      {problemCount > 0 && (
        <button type="button" aria-label={t('sync.problemsOpen')} aria-expanded={problems !== null}
          onClick={() => (problems ? setProblems(null) : void props.readProblems().then(setProblems))}>
          {t('sync.problems', { conflicts: sync.conflicts, refused: sync.refused })}
        </button>
      )}
      {problems && (
        <ul aria-label={t('sync.problemsOpen')}>
          {problems.map((p) => (
            <li key={p.clientEditId}>
              {p.status === 'conflict' ? t('sync.conflictItem', { what: what(p) }) : t('sync.refusedItem', { what: what(p), message: p.message })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

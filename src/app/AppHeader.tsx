// The bar above the map: the title, search, language and settings; and the storage alerts above it.
import type { ReactNode } from 'react';
import type { Programme } from '../domain/model.ts';
import type { SearchHit } from '../domain/programme-search.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { SearchBox } from '../ui/SearchBox.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import type { useFieldStore } from './use-field-store.ts';
import { storeErrorMessage } from './use-save-state.ts';

export function AppHeader(props: { programme: Programme | null; onPick: (hit: SearchHit) => void; onSettings: () => void; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      <p className="subtitle">{t('app.subtitle')}</p>
      {props.children}
      {props.programme && <SearchBox programme={props.programme} onPick={props.onPick} />}
      <LanguageSwitch />
      <button type="button" onClick={props.onSettings}>{t('settings.open')}</button>
    </header>
  );
}

export function StorageAlerts(props: { problem: ReturnType<typeof useFieldStore>['problem']; snapshot: FieldSnapshot | null }) {
  const { t } = useI18n();
  const { problem, snapshot } = props;
  return (
    <>
      {problem && (
        <p role="alert" className="storage-alert">
          {problem.kind === 'blocked' ? t('storage.blocked')
            : problem.kind === 'failed' ? t('storage.failed', { reason: problem.error.message })
            : storeErrorMessage(t, problem.error)}
        </p>
      )}
      {snapshot?.connection.state === 'closed' && <p role="alert" className="storage-alert">{t('storage.closed', { message: snapshot.connection.message })}</p>}
    </>
  );
}

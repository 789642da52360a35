// The programme switcher and its actions, wired to the registry and the open store: deleting asks
// first (with a backup offered), restoring a backup makes a programme this browser lacks, and
// opening a programme archive (.gpkg) makes a new programme from it — under a new id when this
// browser holds its id already, so an archive opened twice never overwrites the first copy.
import { useState } from 'react';
import { FieldStoreError } from '../persistence/field-store-error.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { ProgrammeDeleteDialog } from '../ui/ProgrammeDeleteDialog.tsx';
import { ProgrammeMenu } from '../ui/ProgrammeMenu.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import { saveFile } from '../ui/save-file.ts';
import { archiveOpenedMessage, archiveRefusedMessage } from './archive-opened-message.ts';
import { backupRefusalReason } from './backup-refusal-message.ts';
import { openProgrammeArchive } from './programme-archive-file.ts';
import type { Programmes } from './use-programmes.ts';
import { storeErrorMessage } from './use-save-state.ts';

type Message = { text: string; error: boolean } | null;

export function ProgrammeControls(props: { programmes: Programmes; store: FieldStore | null; snapshot: FieldSnapshot | null; onCreateRequested: () => void }) {
  const { t, language } = useI18n();
  const { programmes, store, snapshot } = props;
  const [message, setMessage] = useState<Message>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteMessage, setDeleteMessage] = useState<Message>(null);
  const current = programmes.current;
  const name = (language === 'en' && current?.nameEn) || current?.name || '';
  const restoreRefusalReason = (error: unknown): string => {
    if (error instanceof FieldStoreError && error.code === 'already_exists') return t('programmes.refusal.present');
    if (error instanceof FieldStoreError && error.code === 'no_programme') return t('programmes.refusal.version1');
    return backupRefusalReason(t, error);
  };
  const photos = snapshot ? [...snapshot.photosByFeature.values()].reduce((n, list) => n + list.length, 0) : 0;
  return (
    <>
      <ProgrammeMenu
        programmes={programmes.entries}
        currentId={programmes.current?.id ?? null}
        demoRemoved={programmes.demoRemoved}
        message={message}
        onSwitch={(id) => {
          setMessage(null);
          programmes.switchTo(id);
        }}
        onCreateRequested={props.onCreateRequested}
        onDeleteRequested={() => {
          setDeleteMessage(null);
          setDeleting(true);
        }}
        onAddDemo={() => void programmes.addDemo()}
        onRestore={(file) => {
          programmes.restoreFromBackup(file).then(
            (entry) => setMessage({ text: t('programmes.restored', { name: (language === 'en' && entry.nameEn) || entry.name }), error: false }),
            (error: unknown) => setMessage({ text: t('programmes.restoreRefused', { file: file.name, reason: restoreRefusalReason(error) }), error: true }),
          );
        }}
        onOpenArchive={(file) => {
          setMessage({ text: t('programmes.archive.opening', { file: file.name }), error: false });
          void (async () => {
            const content = await openProgrammeArchive(file);
            if (!content.ok) return setMessage({ text: archiveRefusedMessage(t, file.name, content.code), error: true });
            const entry = await programmes.createProgramme(content.value);
            setMessage({ text: archiveOpenedMessage(t, language, content.value, entry), error: false });
          })().catch((error: unknown) => setMessage({ text: t('programmes.archive.refused', { file: file.name, reason: storeErrorMessage(t, error) }), error: true }));
        }}
      />
      <ProgrammeDeleteDialog
        open={deleting}
        name={name}
        counts={{ parcels: snapshot?.programme.parcels.features.length ?? 0, treated: snapshot?.programme.treated.features.length ?? 0, photos }}
        unexported={snapshot?.unexportedCount ?? 0}
        message={deleteMessage}
        onDownloadBackup={() => {
          store?.exportBackup().then(
            (file) => {
              saveFile(file.bytes, file.fileName, file.mediaType);
              setDeleteMessage({ text: t('backup.downloaded', { name: file.fileName }), error: false });
            },
            (error: unknown) => setDeleteMessage({ text: storeErrorMessage(t, error), error: true }),
          );
        }}
        onConfirm={() => {
          setDeleting(false);
          programmes.removeCurrent().then(
            () => setMessage({ text: t('programmes.deleted', { name }), error: false }),
            (error: unknown) => setMessage({ text: t('programmes.deleteFailed', { reason: storeErrorMessage(t, error) }), error: true }),
          );
        }}
        onCancel={() => setDeleting(false)}
      />
    </>
  );
}

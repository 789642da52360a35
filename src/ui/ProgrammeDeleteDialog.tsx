// Asks before a programme is deleted, naming it and what it holds, and offers a backup first.
import { useId } from 'react';
import { useI18n } from './i18n/language-context.tsx';
import { useModalDialog } from './modal-dialog.ts';

export interface ProgrammeDeleteDialogProps {
  open: boolean;
  name: string;
  counts: { parcels: number; treated: number; photos: number };
  unexported: number;
  message: { text: string; error: boolean } | null;
  onDownloadBackup: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ProgrammeDeleteDialog(props: ProgrammeDeleteDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const dialog = useModalDialog(props.open);
  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={props.onCancel} className="programme-delete">
      <h2 id={titleId}>{t('programmes.confirm.title', { name: props.name })}</h2>
      <p>{t('programmes.confirm.counts', props.counts)}</p>
      {props.unexported > 0 && <p className="note">{t('programmes.confirm.unexported', { count: props.unexported })}</p>}
      {props.message && <p role={props.message.error ? 'alert' : 'status'}>{props.message.text}</p>}
      <div className="button-row">
        <button type="button" onClick={props.onDownloadBackup}>{t('programmes.confirm.backup')}</button>
        <button type="button" className="danger" onClick={props.onConfirm}>{t('programmes.confirm.delete')}</button>
        <button type="button" onClick={props.onCancel}>{t('programmes.confirm.cancel')}</button>
      </div>
    </dialog>
  );
}

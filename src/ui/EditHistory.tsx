// Undo and redo of stored edits, and whether the last edit is on disk.
import { useI18n } from './i18n/language-context.tsx';

export type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

export function EditHistory(props: { canUndo: boolean; canRedo: boolean; onUndo: () => void; onRedo: () => void; save: SaveState }) {
  const { t } = useI18n();
  const { save } = props;
  return (
    <section className="edit-history" aria-label={t('survey.history')}>
      <div className="button-row">
        <button type="button" onClick={props.onUndo} disabled={!props.canUndo} aria-keyshortcuts="Control+Z">{t('survey.undo')}</button>
        <button type="button" onClick={props.onRedo} disabled={!props.canRedo} aria-keyshortcuts="Control+Shift+Z">{t('survey.redo')}</button>
      </div>
      <p role="status" className={save.state === 'failed' ? 'error' : 'status'} data-save-state={save.state}>
        {save.state === 'saving' ? t('survey.saving') : save.state === 'saved' ? t('survey.saved') : save.state === 'failed' ? t('survey.saveFailed', { reason: save.message }) : ''}
      </p>
    </section>
  );
}

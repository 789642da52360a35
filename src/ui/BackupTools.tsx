// The surveyor's safety net: how many edits are not in a backup yet, download one, restore one.
import { useId } from 'react';
import { useI18n } from './i18n/language-context.tsx';

export function BackupTools(props: { unexported: number; onDownload: () => void; onRestore: (file: File) => void; message: { text: string; error: boolean } | null }) {
  const { t } = useI18n();
  const fileId = useId();
  return (
    <section className="backup-tools" aria-label={t('backup.title')}>
      <h3>{t('backup.title')}</h3>
      <p className="note">{props.unexported > 0 ? t('backup.unexported', { count: props.unexported }) : t('backup.allExported')}</p>
      <div className="button-row">
        <button type="button" onClick={props.onDownload}>{t('backup.download')}</button>
        <label htmlFor={fileId} className="file-button">{t('backup.restore')}</label>
        <input
          id={fileId} type="file" accept=".zip,.fulv,application/zip" className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onRestore(file);
            e.target.value = '';
          }}
        />
      </div>
      {props.message && <p role={props.message.error ? 'alert' : 'status'} className={props.message.error ? 'error' : 'status'}>{props.message.text}</p>}
    </section>
  );
}

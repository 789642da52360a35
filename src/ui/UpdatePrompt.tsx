// "A new version is available — reload": shown when an update waits. The reload button waits
// (disabled, with the reason) while a save, a drawing or unsaved form input is in progress.
import { useId } from 'react';
import { useI18n } from './i18n/language-context.tsx';
import './offline.css';
import type { MessageKey } from './i18n/zh.ts';

export type UpdateWait = 'saving' | 'drawing' | 'unsaved';

const WAIT_TEXT: Record<UpdateWait, MessageKey> = {
  saving: 'update.waitSaving',
  drawing: 'update.waitDrawing',
  unsaved: 'update.waitUnsaved',
};

export function UpdatePrompt(props: { wait: UpdateWait | null; onReload: () => void; onLater: () => void }) {
  const { t } = useI18n();
  const waitId = useId();
  return (
    <section className="update-prompt" role="region" aria-label={t('update.label')}>
      <p role="status">{t('update.available')}</p>
      <button type="button" className="primary" onClick={props.onReload} disabled={props.wait !== null} aria-describedby={props.wait ? waitId : undefined}>
        {t('update.reload')}
      </button>
      <button type="button" onClick={props.onLater}>{t('update.later')}</button>
      {props.wait && <p id={waitId} className="note">{t(WAIT_TEXT[props.wait])}</p>}
    </section>
  );
}

// What the last import did, once its dialog has closed: a live region (announced when the text
// arrives), kept until dismissed or the next import begins.
import { useI18n } from './i18n/language-context.tsx';

export function ImportSummary({ text, onDismiss }: { text: string | null; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-label={t('import.summaryRegion')} className={text ? 'import-summary' : 'import-summary empty'}>
      {text && (
        <>
          <p>{text}</p>
          <button type="button" className="icon" aria-label={t('import.summaryDismiss')} onClick={onDismiss}>×</button>
        </>
      )}
    </div>
  );
}

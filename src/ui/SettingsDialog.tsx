// Settings: the optional online basemap. The app stays offline unless the user turns this on.
// Sections that act at once (offline basemaps, tile caching) come in as children, below the form.
import { useId, useState, type ReactNode } from 'react';
import { isValidTileUrl, type BasemapSettings } from '../map/basemap.ts';
import { useI18n } from './i18n/language-context.tsx';
import { useModalDialog } from './modal-dialog.ts';

export function SettingsDialog(props: { open: boolean; basemap: BasemapSettings; onSave: (b: BasemapSettings) => void; onClose: () => void; children?: ReactNode }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(props.basemap);
  const [error, setError] = useState<string | null>(null);
  const ids = { enabled: useId(), url: useId(), tms: useId(), attribution: useId(), hint: useId() };
  // Each opening starts from the settings in use.
  const dialog = useModalDialog(props.open, () => {
    setDraft(props.basemap);
    setError(null);
  });

  const save = () => {
    if (draft.enabled && !isValidTileUrl(draft.url.trim())) {
      setError(t('settings.basemapInvalid'));
      return;
    }
    props.onSave({ ...draft, url: draft.url.trim() });
  };

  return (
    <dialog ref={dialog} aria-labelledby={`${ids.enabled}-title`} onClose={props.onClose} className="settings">
      <form method="dialog" noValidate onSubmit={(e) => { e.preventDefault(); save(); }}>
        <header>
          <h2 id={`${ids.enabled}-title`}>{t('settings.title')}</h2>
          <button type="button" className="icon" aria-label={t('settings.close')} onClick={props.onClose}>×</button>
        </header>
        <fieldset>
          <legend>{t('settings.basemap')}</legend>
          <label htmlFor={ids.enabled} className="inline">
            <input id={ids.enabled} type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
            {t('settings.basemapEnabled')}
          </label>
          <label htmlFor={ids.url}>{t('settings.basemapUrl')}</label>
          <input id={ids.url} type="url" value={draft.url} aria-describedby={ids.hint} onChange={(e) => setDraft({ ...draft, url: e.target.value })} />
          <p id={ids.hint} className="note">{t('settings.basemapUrlHint')}</p>
          <label htmlFor={ids.tms} className="inline">
            <input id={ids.tms} type="checkbox" checked={draft.tms} onChange={(e) => setDraft({ ...draft, tms: e.target.checked })} />
            {t('settings.basemapTms')}
          </label>
          <label htmlFor={ids.attribution}>{t('settings.basemapAttribution')}</label>
          <input id={ids.attribution} type="text" value={draft.attribution} onChange={(e) => setDraft({ ...draft, attribution: e.target.value })} />
        </fieldset>
        {error && <p role="alert" className="error">{error}</p>}
        <footer><button type="submit">{t('settings.save')}</button></footer>
      </form>
      {props.children}
    </dialog>
  );
}

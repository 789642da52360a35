// The programme switcher in the header (项目 / Programme) and the programme's actions: new,
// delete (asks first), add the demo back, restore a programme from a backup, open a programme archive.
import { useId, useState } from 'react';
import { useI18n } from './i18n/language-context.tsx';

export interface ProgrammeChoice {
  id: string;
  name: string;
  nameEn?: string | undefined;
  demo: boolean;
}

export interface ProgrammeMenuProps {
  programmes: readonly ProgrammeChoice[];
  currentId: string | null;
  demoRemoved: boolean;
  message: { text: string; error: boolean } | null;
  onSwitch: (id: string) => void;
  onCreateRequested: () => void;
  onDeleteRequested: () => void;
  onAddDemo: () => void;
  onRestore: (file: File) => void;
  onOpenArchive: (file: File) => void;
}

export function ProgrammeMenu(props: ProgrammeMenuProps) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const ids = { select: useId(), panel: useId(), file: useId(), archive: useId() };
  const act = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div className="programme-menu">
      <label htmlFor={ids.select} className="visually-hidden">{t('programmes.label')}</label>
      <select id={ids.select} value={props.currentId ?? ''} onChange={(e) => props.onSwitch(e.target.value)} disabled={props.programmes.length === 0}>
        {props.currentId === null && <option value="">—</option>}
        {props.programmes.map((p) => <option key={p.id} value={p.id}>{language === 'en' && p.nameEn ? p.nameEn : p.name}{p.demo ? t('programmes.demoSuffix') : ''}</option>)}
      </select>
      <button type="button" aria-expanded={open} aria-controls={ids.panel} onClick={() => setOpen(!open)}>{t('programmes.actions')}</button>
      <div id={ids.panel} role="group" aria-label={t('programmes.actions')} className="programme-actions" hidden={!open}>
        <button type="button" onClick={act(props.onCreateRequested)}>{t('programmes.new')}</button>
        {props.currentId && <button type="button" onClick={act(props.onDeleteRequested)}>{t('programmes.delete')}</button>}
        {props.demoRemoved && <button type="button" onClick={act(props.onAddDemo)}>{t('programmes.addDemo')}</button>}
        <label htmlFor={ids.file} className="file-button">{t('programmes.restore')}</label>
        <input
          id={ids.file} type="file" accept=".zip,application/zip" className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) act(() => props.onRestore(file))();
          }}
        />
        <label htmlFor={ids.archive} className="file-button">{t('programmes.archive.open')}</label>
        <input
          id={ids.archive} type="file" accept=".gpkg,application/geopackage+sqlite3" className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) act(() => props.onOpenArchive(file))();
          }}
        />
      </div>
      {props.message && <p role={props.message.error ? 'alert' : 'status'} className={props.message.error ? 'error' : 'status'}>{props.message.text}</p>}
      {props.programmes.length === 0 && <p className="note">{t('programmes.none')}</p>}
    </div>
  );
}

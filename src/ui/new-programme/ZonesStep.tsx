// Step 4: protection zones from one or several files, each with one zone type or a field giving it.
import { useId } from 'react';
import { ZONE_TYPES, type ZoneType } from '../../domain/model.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { PARCEL_FILE_TYPES } from './ParcelsStep.tsx';
import type { WizardModel, ZoneFile } from './wizard-model.ts';

function ZoneFileRow({ file, onChange }: { file: ZoneFile; onChange: (patch: Partial<ZoneFile> | null) => void }) {
  const { t } = useI18n();
  const id = useId();
  const name = file.preview.fileName;
  const value = file.zoneType ? `type:${file.zoneType}` : `field:${file.zoneField ?? ''}`;
  const fields = file.preview.fields.filter((f) => f.type === 'string').map((f) => f.name);
  return (
    <li>
      <span>{t('wizard.zoneFileRead', { name, count: file.preview.featureCount })}</span>
      <label htmlFor={id}>{t('wizard.zoneTypeOf', { name })}</label>
      <select id={id} value={value} onChange={(e) => {
        const [kind, rest] = [e.target.value.slice(0, e.target.value.indexOf(':')), e.target.value.slice(e.target.value.indexOf(':') + 1)];
        onChange(kind === 'type' ? { zoneType: rest as ZoneType, zoneField: null } : { zoneType: null, zoneField: rest || null });
      }}>
        {!file.zoneType && !file.zoneField && <option value="field:">{t('wizard.chooseZoneType')}</option>}
        {fields.map((f) => <option key={f} value={`field:${f}`}>{t('wizard.zoneFromField', { field: f })}</option>)}
        {ZONE_TYPES.map((z) => <option key={z} value={`type:${z}`}>{t(`zone.${z}`)}</option>)}
      </select>
      <button type="button" onClick={() => onChange(null)}>{t('wizard.removeZoneFile', { name })}</button>
    </li>
  );
}

export function ZonesStep({ wizard }: { wizard: WizardModel }) {
  const { t } = useI18n();
  const ids = { file: useId(), hint: useId(), list: useId() };
  const { zones } = wizard.choices;
  return (
    <>
      <label htmlFor={ids.file} className="file-button">{t('wizard.zonesFile')}</label>
      <input
        id={ids.file} type="file" className="visually-hidden" multiple accept={PARCEL_FILE_TYPES} aria-describedby={ids.hint} disabled={wizard.busy !== null}
        onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; if (files.length > 0) wizard.onZoneFiles(files); }}
      />
      <p id={ids.hint} className="hint">{t('wizard.zonesHint')}</p>
      {zones.length === 0 ? <p>{t('wizard.noZones')}</p> : (
        <>
          <h3 id={ids.list}>{t('wizard.zonesList')}</h3>
          <ul aria-labelledby={ids.list} className="zone-files">
            {zones.map((z, i) => <ZoneFileRow key={`${i}/${z.preview.fileName}`} file={z} onChange={(patch) => wizard.onZoneFile(i, patch)} />)}
          </ul>
        </>
      )}
    </>
  );
}

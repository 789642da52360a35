// Step 2: the parcels file (Shapefile, GeoJSON, KML, GPX or a coordinate table).
import { useId } from 'react';
import { CrsOptions } from '../CrsOptions.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { WizardModel } from './wizard-model.ts';

export const PARCEL_FILE_TYPES = '.zip,.shp,.shx,.dbf,.prj,.cpg,.geojson,.json,.kml,.kmz,.gpx,.csv,.txt';

export function ParcelsStep({ wizard }: { wizard: WizardModel }) {
  const { t } = useI18n();
  const ids = { file: useId(), hint: useId(), crs: useId() };
  const { choices, result } = wizard;
  return (
    <>
      <label htmlFor={ids.crs}>{t('wizard.crs')}</label>
      <select id={ids.crs} value={choices.crs} onChange={(e) => wizard.onChoose({ crs: e.target.value })}>
        <option value="">{t('wizard.crsAuto')}</option>
        <CrsOptions />
      </select>
      <label htmlFor={ids.file} className="file-button">{t('wizard.parcelsFile')}</label>
      <input
        id={ids.file} type="file" className="visually-hidden" multiple accept={PARCEL_FILE_TYPES} aria-describedby={ids.hint} disabled={wizard.busy !== null}
        onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; if (files.length > 0) wizard.onParcelFiles(files); }}
      />
      <p id={ids.hint} className="hint">{t('wizard.parcelsHint')}</p>
      <p role="status">
        {choices.parcels ? t('wizard.parcelsRead', { name: choices.parcels.fileName, count: result?.summary.parcels ?? 0 }) : t('wizard.noParcels')}
      </p>
    </>
  );
}

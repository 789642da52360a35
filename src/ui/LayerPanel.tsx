// Toggles for each layer group, the parcel colouring, and opening a GeoJSON file to view.
import { useId } from 'react';
import type { LayerGroup } from '../map/layer-groups.ts';
import type { ParcelStyleMode } from '../map/programme-style.ts';
import { useI18n } from './i18n/language-context.tsx';
import type { MessageKey } from './i18n/zh.ts';

export interface LayerPanelProps {
  visible: Record<LayerGroup, boolean>;
  available: Record<LayerGroup, boolean>;
  onToggle: (group: LayerGroup, visible: boolean) => void;
  parcelStyle: ParcelStyleMode;
  onParcelStyle: (mode: ParcelStyleMode) => void;
  onOpenFile: (file: File) => void;
  status: string | null;
  /** The analysis has not yet delivered the buffers: their layer is ticked but still empty. */
  buffersComputing: boolean;
}

const ORDER: LayerGroup[] = ['parcels', 'treated', 'zones', 'buffers', 'context', 'gem', 'imported'];

export function LayerPanel(props: LayerPanelProps) {
  const { t } = useI18n();
  const styleId = useId();
  const fileId = useId();
  return (
    <section className="layer-panel" aria-label={t('layers.panel')}>
      <h2>{t('layers.title')}</h2>
      <ul>
        {ORDER.filter((g) => props.available[g]).map((group) => (
          <li key={group}>
            <label>
              <input
                type="checkbox"
                checked={props.visible[group]}
                onChange={(e) => props.onToggle(group, e.target.checked)}
              />
              {t(`layers.${group}` as MessageKey)}
            </label>
            {group === 'buffers' && props.buffersComputing && <span role="status" className="note busy">{t('layers.buffersComputing')}</span>}
          </li>
        ))}
      </ul>
      {props.visible.gem && <p className="note">{t('layers.gemAttribution')}</p>}
      <label htmlFor={styleId}>{t('layers.styleBy')}</label>
      <select id={styleId} value={props.parcelStyle} onChange={(e) => props.onParcelStyle(e.target.value as ParcelStyleMode)}>
        <option value="damage_type">{t('layers.styleBy.damage_type')}</option>
        <option value="status">{t('layers.styleBy.status')}</option>
      </select>
      <label htmlFor={fileId} className="file-button">{t('layers.openFile')}</label>
      <input
        id={fileId}
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        className="visually-hidden"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onOpenFile(file);
          e.target.value = '';
        }}
      />
      <p className="note">{t('layers.openFileHint')}</p>
      {props.status && <p role="status" className="status">{props.status}</p>}
    </section>
  );
}

// The layers role's panel: layer switches and parcel styling, opening a file to view, import and
// export, and the legend.
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { LayerGroup } from '../map/layer-groups.ts';
import type { ParcelStyleMode } from '../map/programme-style.ts';
import { LayerPanel } from '../ui/LayerPanel.tsx';
import { Legend } from '../ui/Legend.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';

export interface LayersRoleProps {
  visible: Record<LayerGroup, boolean>;
  /** Whether a file is open to view (the "opened file" layer has something to show). */
  fileOpen: boolean;
  /** Whether the demo's context layer (township borders, villages) is there to switch. */
  contextLoaded: boolean;
  /** The buffers are still being computed: the layer is switched on but has nothing yet. */
  buffersComputing: boolean;
  asOf: string | null;
  periodFrom: string | null;
  onToggle: (group: LayerGroup, visible: boolean) => void;
  parcelStyle: ParcelStyleMode;
  onParcelStyle: (mode: ParcelStyleMode) => void;
  onOpenFile: (file: File) => void;
  fileStatus: string | null;
  canImport: boolean;
  canExport: boolean;
  onImport: () => void;
  onExport: () => void;
  distances: BufferDistances;
}

export function LayersRole(props: LayersRoleProps) {
  const { t } = useI18n();
  return (
    <>
      <LayerPanel
        visible={props.visible}
        available={{ parcels: true, treated: true, zones: true, buffers: true, context: props.contextLoaded, gem: true, imported: props.fileOpen }}
        buffersComputing={props.buffersComputing}
        onToggle={props.onToggle}
        parcelStyle={props.parcelStyle}
        onParcelStyle={props.onParcelStyle}
        onOpenFile={props.onOpenFile}
        status={props.fileStatus}
      />
      <div className="button-row">
        <button type="button" onClick={props.onImport} disabled={!props.canImport}>{t('interchange.import')}</button>
        <button type="button" onClick={props.onExport} disabled={!props.canExport}>{t('interchange.export')}</button>
      </div>
      <Legend parcelStyle={props.parcelStyle} distances={props.distances} asOf={props.asOf} periodFrom={props.periodFrom} />
    </>
  );
}

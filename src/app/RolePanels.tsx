// The four roles' panels (layers, survey, planner, review) wired to the programme, its analysis
// and its review, as the tabs every layout shows.
import type { FeatureCollection } from 'geojson';
import { BUILT_IN_PRESETS } from '../domain/buffer-presets.ts';
import type { ConflictQuery } from '../domain/conflict-list.ts';
import type { Programme } from '../domain/model.ts';
import type { LayerGroup } from '../map/layer-groups.ts';
import type { ParcelStyleMode } from '../map/programme-style.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { PlannerPanel } from '../ui/PlannerPanel.tsx';
import { LayersRole } from './LayersRole.tsx';
import { ReviewTab } from './ReviewTab.tsx';
import { RoleTabs, type Role } from './RoleTabs.tsx';
import { SurveyRole, type SurveyRoleProps } from './SurveyRole.tsx';
import type { AnalysisState } from './use-analysis.ts';
import type { useBufferSettings } from './use-buffer-settings.ts';
import type { ReviewState } from './use-review.ts';
import type { useViewedFiles } from './use-viewed-files.ts';

export interface RolePanelsProps {
  active: Role;
  onActivate: (role: Role) => void;
  programme: Programme | null;
  store: FieldStore | null;
  snapshot: FieldSnapshot | null;
  analysis: AnalysisState;
  review: ReviewState;
  buffers: ReturnType<typeof useBufferSettings>;
  layers: {
    visible: Record<LayerGroup, boolean>;
    onToggle: (group: LayerGroup, visible: boolean) => void;
    parcelStyle: ParcelStyleMode;
    onParcelStyle: (mode: ParcelStyleMode) => void;
    viewed: ReturnType<typeof useViewedFiles>;
    /** The import being previewed, shown in the "opened file" layer. */
    importPreview: FeatureCollection | null;
    onImport: () => void;
    onExport: () => void;
  };
  survey: Omit<SurveyRoleProps, 'store' | 'snapshot' | 'programme'>;
  conflictQuery: ConflictQuery;
  onConflictQuery: (query: ConflictQuery) => void;
  selectedParcel: string | null;
  onShowParcel: (id: string) => void;
}

export function RolePanels(props: RolePanelsProps) {
  const { programme, store, snapshot, analysis, review, buffers, layers } = props;
  return (
    <RoleTabs
      active={props.active}
      onActivate={props.onActivate}
      panels={{
        layers: (
          <LayersRole
            visible={layers.visible}
            fileOpen={layers.viewed.imported !== null || layers.importPreview !== null}
            contextLoaded={layers.viewed.context !== null}
            buffersComputing={programme !== null && analysis.buffers === null && analysis.error === null}
            asOf={review.asOf}
            periodFrom={review.periodFrom}
            onToggle={layers.onToggle}
            parcelStyle={layers.parcelStyle}
            onParcelStyle={layers.onParcelStyle}
            onOpenFile={(f) => void layers.viewed.openFile(f)}
            fileStatus={layers.viewed.fileStatus}
            canImport={store !== null}
            canExport={programme !== null}
            onImport={layers.onImport}
            onExport={layers.onExport}
            distances={buffers.distances}
          />
        ),
        survey: <SurveyRole store={store} snapshot={snapshot} programme={programme} {...props.survey} />,
        planner: programme && (
          <PlannerPanel
            programme={programme}
            results={analysis.results}
            pending={analysis.pending}
            progress={analysis.progress}
            error={analysis.error}
            buffers={{
              distances: buffers.distances,
              builtIn: BUILT_IN_PRESETS,
              userPresets: buffers.userPresets,
              onChange: buffers.changeDistances,
              onSavePreset: buffers.savePreset,
              onDeletePreset: buffers.deletePreset,
            }}
            query={props.conflictQuery}
            onQuery={props.onConflictQuery}
            selectedId={props.selectedParcel}
            onShow={props.onShowParcel}
          />
        ),
        review: programme && (
          <ReviewTab
            review={review}
            programme={programme}
            store={store}
            canUndo={snapshot?.canUndo ?? false}
            canRedo={snapshot?.canRedo ?? false}
            selectedParcel={props.selectedParcel}
            onShowParcel={props.onShowParcel}
          />
        ),
      }}
    />
  );
}

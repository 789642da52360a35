// The selected feature's inspector, with the treated polygon's editor when one is selected.
import type { Feature } from 'geojson';
import type { ParcelResult } from '../domain/analysis-types.ts';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { GpsFix } from '../domain/gps-trace.ts';
import type { Programme, TreatedFeature } from '../domain/model.ts';
import type { FeatureRef } from '../map/programme-map.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { Inspector } from '../ui/Inspector.tsx';
import type { InspectorKind } from '../ui/inspector-rows.ts';
import { TreatedEditor } from './TreatedEditor.tsx';
import type { useTreatedDrawing } from './use-treated-drawing.ts';

const SOURCE_KIND: Record<string, InspectorKind> = { parcels: 'parcel', treated: 'treated', zones: 'zone', gem: 'imported', imported: 'imported' };

export interface InspectorPanelProps {
  selection: FeatureRef;
  feature: Feature;
  programme: Programme;
  store: FieldStore | null;
  snapshot: FieldSnapshot | null;
  distances: BufferDistances;
  parcelResult: ParcelResult | undefined;
  analysisPending: boolean;
  who: string;
  fix: GpsFix | null;
  drawing: ReturnType<typeof useTreatedDrawing>;
  onClose: () => void;
  track: <T>(work: Promise<T>) => Promise<T | null>;
}

export function InspectorPanel(props: InspectorPanelProps) {
  const { selection, store, snapshot, drawing } = props;
  return (
    <Inspector
      kind={SOURCE_KIND[selection.source] ?? 'imported'}
      feature={props.feature}
      programme={props.programme}
      distances={props.distances}
      parcelResult={props.parcelResult}
      analysisPending={props.analysisPending}
      onClose={props.onClose}
      editor={selection.source === 'treated' && store && snapshot ? (
        <TreatedEditor
          store={store}
          snapshot={snapshot}
          feature={props.feature as TreatedFeature}
          who={props.who}
          fix={props.fix}
          editing={drawing.state === 'editing' && drawing.editedId === selection.id}
          onEditShape={drawing.editShape}
          onFinishShape={drawing.stop}
          onPickRing={drawing.selectRing}
          onSplit={drawing.startSplit}
          onHole={drawing.startHole}
          onDeleted={props.onClose}
          track={props.track}
        />
      ) : undefined}
    />
  );
}

// The survey role's panel wired to the app: the parcel actions (whole parcel treated, hand-over
// for acceptance) and the GPS boundary, around the survey tab.
import { useState, type ReactNode } from 'react';
import type { Polygon } from 'geojson';
import { drawnShapeProblem } from '../domain/drawn-shape.ts';
import { tracePolygon } from '../domain/gps-trace.ts';
import type { Programme, TreatedFeature } from '../domain/model.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { surveyorSubmit } from '../store/review-edits.ts';
import type { SaveState } from '../ui/EditHistory.tsx';
import type { SurveyParcelActionsProps } from '../ui/SurveyParcelActions.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import { wholeParcelFeature } from './new-treated.ts';
import type { SurveySettings } from './survey-settings.ts';
import { SurveyTab, type SurveyTabProps } from './SurveyTab.tsx';
import type { useGpsTrace } from './use-gps-trace.ts';
import { refusalText } from './use-treated-drawing.ts';

export interface SurveyRoleProps {
  store: FieldStore | null;
  snapshot: FieldSnapshot | null;
  programme: Programme | null;
  map: ProgrammeMap | null;
  survey: SurveySettings;
  onSurvey: (patch: Partial<SurveySettings>) => void;
  who: string;
  drawing: SurveyTabProps['drawing'];
  drawingBar: ReactNode;
  parcel: SurveyParcelActionsProps['parcel'];
  gpsTrace: ReturnType<typeof useGpsTrace>;
  createFeature: (feature: TreatedFeature) => void;
  createFromShape: (shape: Polygon) => void;
  track: <T>(work: Promise<T>) => Promise<T | null>;
  save: SaveState;
  onUndo: () => void;
  onRedo: () => void;
}

export function SurveyRole(props: SurveyRoleProps) {
  const { t } = useI18n();
  const { store, programme, map, survey, gpsTrace, parcel, who, track } = props;
  const [gpsRefusal, setGpsRefusal] = useState<string | null>(null);
  return (
    <SurveyTab
      store={store}
      snapshot={props.snapshot}
      surveyor={survey.surveyor}
      onSurveyor={(surveyor) => props.onSurvey({ surveyor })}
      drawing={props.drawing}
      drawingBar={props.drawingBar}
      parcelActions={{
        parcel,
        onWholeParcel: () => {
          const feature = programme && parcel && wholeParcelFeature(programme, parcel.id, survey.surveyor.trim(), survey.measure);
          if (feature) props.createFeature(feature);
        },
        onSubmit: async (note) => {
          const edit = store && parcel && surveyorSubmit(store.getSnapshot(), parcel.id, who, note, new Date());
          return edit ? (await track(store.transact(edit, who))) !== null : false;
        },
      }}
      save={props.save}
      onUndo={props.onUndo}
      onRedo={props.onRedo}
      gps={{
        on: gpsTrace.on,
        onToggle: gpsTrace.setOn,
        gps: gpsTrace.gps,
        accuracyLimit: survey.accuracyLimit,
        onAccuracyLimit: (accuracyLimit) => props.onSurvey({ accuracyLimit }),
        vertices: gpsTrace.trace.length,
        walking: gpsTrace.walking,
        onWalking: gpsTrace.setWalking,
        onAddVertex: gpsTrace.addVertex,
        onCenter: () => { if (map && gpsTrace.fix) map.flyTo([gpsTrace.fix.lon, gpsTrace.fix.lat]); },
        onClear: () => { gpsTrace.clear(); setGpsRefusal(null); },
        onFinish: () => {
          const shape = tracePolygon(gpsTrace.trace);
          const problem = shape && drawnShapeProblem(shape);
          if (!shape) return;
          if (problem) return setGpsRefusal(refusalText(t, problem));
          setGpsRefusal(null);
          gpsTrace.clear();
          props.createFromShape(shape);
        },
        message: gpsRefusal ?? gpsTrace.message,
      }}
    />
  );
}

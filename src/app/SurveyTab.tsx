// The field surveyor's tab: who is surveying, drawing, the selected parcel (whole parcel treated,
// hand-over for acceptance), GPS, undo/redo with the "saved" state, and backups. The drawing and
// GPS state live in App (the inspector needs them too).
import { useEffect, useId, useState, type ReactNode } from 'react';
import { parcelFinder } from '../domain/parcel-finder.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { BackupTools } from '../ui/BackupTools.tsx';
import { DrawTools } from '../ui/DrawTools.tsx';
import { EditHistory, type SaveState } from '../ui/EditHistory.tsx';
import { GpsTools, type GpsToolsProps } from '../ui/GpsTools.tsx';
import { SurveyParcelActions, type SurveyParcelActionsProps } from '../ui/SurveyParcelActions.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import { backupRefusalReason } from './backup-refusal-message.ts';
import { storeErrorMessage } from './use-save-state.ts';

export interface SurveyTabProps {
  store: FieldStore | null;
  snapshot: FieldSnapshot | null;
  surveyor: string;
  onSurveyor: (name: string) => void;
  drawing: {
    state: 'idle' | 'drawing' | 'editing';
    snapping: boolean;
    setSnapping: (on: boolean) => void;
    crosshair: boolean;
    setCrosshair: (on: boolean) => void;
    startDrawing: () => void;
    purpose: { kind: 'new' | 'hole' | 'split' };
  };
  /** The drawing bar while drawing, unless the layout shows it elsewhere (the phone's sheet peek). */
  drawingBar: ReactNode;
  parcelActions: Omit<SurveyParcelActionsProps, 'who' | 'canAct'>;
  gps: GpsToolsProps;
  save: SaveState;
  onUndo: () => void;
  onRedo: () => void;
}

function download(bytes: Uint8Array<ArrayBuffer>, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SurveyTab(props: SurveyTabProps) {
  const { t } = useI18n();
  const surveyorId = useId();
  const [backupMessage, setBackupMessage] = useState<{ text: string; error: boolean } | null>(null);
  const { store, snapshot, drawing } = props;
  const ready = store !== null && props.surveyor.trim() !== '';
  const parcels = snapshot?.programme.parcels.features;
  // The index that finds a drawn polygon's parcel is built once per version of the parcels: here,
  // while the surveyor gets ready, not in the click that closes the first polygon (about 50 ms
  // at 50,000 parcels).
  useEffect(() => {
    if (!parcels || typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => parcelFinder(parcels));
    return () => cancelIdleCallback(id);
  }, [parcels]);

  return (
    <section className="survey" aria-label={t('survey.panel')}>
      <h2>{t('survey.panel')}</h2>
      <label htmlFor={surveyorId}>{t('survey.surveyor')}</label>
      <input id={surveyorId} type="text" value={props.surveyor} maxLength={100} autoComplete="name" onChange={(e) => props.onSurveyor(e.target.value)} />
      <DrawTools
        drawing={drawing.state === 'drawing'}
        canDraw={ready}
        onDraw={drawing.startDrawing}
        snapping={drawing.snapping}
        onSnapping={drawing.setSnapping}
        crosshair={drawing.crosshair}
        onCrosshair={drawing.setCrosshair}
        purpose={drawing.purpose.kind}
        bar={props.drawingBar}
      />
      <SurveyParcelActions {...props.parcelActions} who={props.surveyor.trim()} canAct={ready} />
      <EditHistory canUndo={snapshot?.canUndo ?? false} canRedo={snapshot?.canRedo ?? false} onUndo={props.onUndo} onRedo={props.onRedo} save={props.save} />
      <GpsTools {...props.gps} />
      <BackupTools
        unexported={snapshot?.unexportedCount ?? 0}
        message={backupMessage}
        onDownload={() => {
          if (!store) return;
          store.exportBackup().then(
            (file) => {
              download(file.bytes, file.fileName, file.mediaType);
              setBackupMessage({ text: t('backup.downloaded', { name: file.fileName }), error: false });
            },
            (error: unknown) => setBackupMessage({ text: storeErrorMessage(t, error), error: true }),
          );
        }}
        onRestore={(file) => {
          if (!store) return;
          store.restoreBackup(file).then(
            () => setBackupMessage({ text: t('backup.restored', { name: file.name }), error: false }),
            (error: unknown) => setBackupMessage({ text: t('backup.refused', { name: file.name, reason: backupRefusalReason(t, error) }), error: true }),
          );
        }}
      />
    </section>
  );
}

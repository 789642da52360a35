// The composition root's React tree: one programme on a map, with the four roles' panels, the
// inspector, search and settings around it, laid out by the shell for the screen's size.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { gpsFeatures } from '../map/gps-features.ts';
import { DEFAULT_CONFLICT_QUERY, type ConflictQuery } from '../domain/conflict-list.ts';
import { featureBounds } from '../domain/feature-bounds.ts';
import type { BasemapSettings } from '../map/basemap.ts';
import type { FeatureRef, ProgrammeMap } from '../map/programme-map.ts';
import type { LayerGroup } from '../map/layer-groups.ts';
import type { ParcelStyleMode } from '../map/programme-style.ts';
import { MapView } from '../ui/MapView.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import { useSurveySettings } from './survey-settings.ts';
import { useAnalysis } from './use-analysis.ts';
import { useTreatedEditing } from './use-treated-editing.ts';
import { useMapData } from './use-map-data.ts';
import { useSurveyParcel } from './use-survey-parcel.ts';
import { TreatedDrawingBar } from './TreatedDrawingBar.tsx';
import { ProgrammeStatus } from './ProgrammeStatus.tsx';
import { loadBasemap } from './app-settings.ts';
import { AppDialogs } from './AppDialogs.tsx';
import { RolePanels } from './RolePanels.tsx';
import type { Role } from './RoleTabs.tsx';
import { ReviewOverlay } from './ReviewOverlay.tsx';
import { useReview } from './use-review.ts';
import { useExport } from './use-export.ts';
import { useArchiveExport } from './use-archive-export.ts';
import { useImport } from './use-import.ts';
import { useImportPreview } from './use-import-preview.ts';
import { useNewProgramme } from './use-new-programme.ts';
import { useFieldStore } from './use-field-store.ts';
import { useProgrammes } from './use-programmes.ts';
import { ProgrammeControls } from './ProgrammeControls.tsx';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import { AppUpdateBanner } from './AppUpdateBanner.tsx';
import { useGpsTrace } from './use-gps-trace.ts';
import { useSaveState } from './use-save-state.ts';
import { useUndoShortcuts } from './use-undo-shortcuts.ts';
import { useBufferSettings } from './use-buffer-settings.ts';
import { useMapFocus } from './use-map-focus.ts';
import { useViewedFiles } from './use-viewed-files.ts';
import { DesktopShell } from '../ui/shells/DesktopShell.tsx';
import type { LayoutSlots } from '../ui/shells/layout-slots.ts';
import { MapSlot } from '../ui/shells/MapSlot.tsx';
import { PhoneShell } from '../ui/shells/PhoneShell.tsx';
import { useScreenClass } from '../ui/shells/screen-class.ts';
import { TabletShell } from '../ui/shells/TabletShell.tsx';
import { AppHeader, StorageAlerts } from './AppHeader.tsx';
import { useTeamServer } from './team-server/use-team-server.ts';
import { useParcelOverlap } from './use-parcel-overlap.ts';
import { InspectorPanel } from './InspectorPanel.tsx';
import { SyncStatus } from '../ui/SyncStatus.tsx';
import { syncToken } from './sync-token.ts';
import { useSync } from './use-sync.ts';

export function App() {
  const { t, language } = useI18n();
  const screen = useScreenClass();
  const programmes = useProgrammes();
  const field = useFieldStore(programmes.target);
  const { createProgramme } = programmes;
  const wizard = useNewProgramme(t, useCallback(async (content: ProgrammeContent) => void (await createProgramme(content)), [createProgramme]));
  const { store, snapshot } = field;
  const sync = useSync(store, snapshot, syncToken);
  const seed = programmes.target?.seed ?? null;
  // The stored programme once the database is open; the bundled demo (read-only) only if its
  // database cannot be opened, so that nobody works on a stale view while it opens.
  const programme = snapshot?.programme ?? (field.problem?.kind === 'failed' ? seed?.programme ?? null : null);
  const [survey, changeSurvey] = useSurveySettings();
  const who = survey.surveyor.trim() || 'anonymous';
  const { save, track } = useSaveState(t);
  const importer = useImport(t, store, programme, who);
  const loadError = programmes.loadError;
  const { noteNames } = programmes;
  const [heldId, heldName, heldNameEn] = [snapshot?.programme.id, snapshot?.programme.name, snapshot?.programme.name_en];
  useEffect(() => {
    if (heldId && heldName) noteNames(heldId, heldName, heldNameEn);
  }, [heldId, heldName, heldNameEn, noteNames]);
  const [map, setMap] = useState<ProgrammeMap | null>(null);
  const [visible, setVisible] = useState<Record<LayerGroup, boolean>>({ parcels: true, treated: true, zones: true, buffers: true, context: true, gem: false, imported: true });
  const [parcelStyle, setParcelStyle] = useState<ParcelStyleMode>('damage_type');
  const [basemap, setBasemap] = useState<BasemapSettings>(loadBasemap);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const teamServer = useTeamServer(t, language === 'zh' ? 'zh-CN' : 'en-GB', settingsOpen, programmes, store, snapshot, programmes.current?.areaLevel ?? 'county');
  const [selection, setSelection] = useState<FeatureRef | null>(null);
  const [sideTab, setSideTab] = useState<Role>('layers');
  const showImported = useCallback(() => setVisible((v) => ({ ...v, imported: true })), []);
  const viewed = useViewedFiles(map, t, visible.gem, showImported);
  const { gem, context, imported } = viewed;
  const { showParcel, onPick, fitTo } = useMapFocus(map, programme, setSelection);
  const setImportedVisible = useCallback((v: boolean) => setVisible((old) => (old.imported === v ? old : { ...old, imported: v })), []);
  useImportPreview(map, importer.previewCollection, fitTo, visible.imported, setImportedVisible);
  const bufferSettings = useBufferSettings(store, snapshot, who, track);
  const { distances } = bufferSettings;
  const [conflictQuery, setConflictQuery] = useState<ConflictQuery>(DEFAULT_CONFLICT_QUERY);
  const analysis = useAnalysis(programme, distances);
  const review = useReview(programme, snapshot);
  const exporter = useExport(t, language, programme, review.statuses);
  const archiveExport = useArchiveExport(t, store);
  const selectedParcel = selection?.source === 'parcels' ? selection.id : null;
  const overlap = useParcelOverlap(selectedParcel, analysis.overlapOf, analysis.results);

  // The map's element, moved into whichever layout is shown (see MapSlot).
  const [mapHost] = useState(() => Object.assign(document.createElement('div'), { className: 'map-host' }));
  // Zoom to each programme once both the map and its data are there; a switch starts afresh.
  const framed = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !programme || framed.current === programme.id) return;
    framed.current = programme.id;
    setSelection(null);
    const bounds = featureBounds(programme.parcels, programme.zones);
    if (bounds) map.fitBounds(bounds, false);
  }, [map, programme]);

  const { drawing, createFeature, createFromShape } = useTreatedEditing(t, { store, map, programme, buffers: analysis.buffers, survey, who, track, onSelect: setSelection });
  const gpsTrace = useGpsTrace(t, survey.accuracyLimit);
  const gpsData = useMemo(() => gpsFeatures(gpsTrace.fix, gpsTrace.trace), [gpsTrace.fix, gpsTrace.trace]);

  const undo = useCallback(() => { if (store) void track(store.undo(who)); }, [store, who, track]);
  const redo = useCallback(() => { if (store) void track(store.redo(who)); }, [store, who, track]);
  useUndoShortcuts(undo, redo);

  const { data, selectedFeature } = useMapData({
    programme, review, buffers: analysis.buffers, overlap, gps: gpsData, gem, context, imported, importPreview: importer.previewCollection,
  }, selection);
  const surveyParcel = useSurveyParcel(snapshot, selection);

  const onReady = useCallback((m: ProgrammeMap) => {
    setMap(m);
    // End-to-end tests wait on the map's own idle state through this handle.
    (window as unknown as { __fulvMap?: unknown }).__fulvMap = m.map;
  }, []);

  const drawingNow = drawing.state === 'drawing';
  const drawingBar = <TreatedDrawingBar drawing={drawing} fix={gpsTrace.fix} />;
  // On a phone the drawing bar sits in the sheet's peek, above the map being drawn on.
  const barInPeek = screen === 'phone' && drawingNow;
  const closeInspector = () => { drawing.stop(); setSelection(null); };

  const slots: LayoutSlots = {
    banners: (
      <>
        <AppUpdateBanner saving={save.state === 'saving'} drawing={drawing.state !== 'idle'} />
        <StorageAlerts problem={field.problem} snapshot={snapshot} />
      </>
    ),
    header: (
      <AppHeader programme={programme} onPick={onPick} onSettings={() => setSettingsOpen(true)}>
        <ProgrammeControls programmes={programmes} store={store} snapshot={snapshot} onCreateRequested={() => wizard.setOpen(true)} />
        {store && snapshot?.sync && <SyncStatus sync={snapshot.sync} activity={sync.activity} onSyncNow={sync.syncNow} imagesMissing={sync.imagesMissing} readProblems={store.sync.conflicts} />}
      </AppHeader>
    ),
    roles: (
      <RolePanels
        active={sideTab}
        onActivate={setSideTab}
        programme={programme}
        store={store}
        snapshot={snapshot}
        analysis={analysis}
        review={review}
        buffers={bufferSettings}
        layers={{
          visible,
          onToggle: (g, v) => setVisible((old) => ({ ...old, [g]: v })),
          parcelStyle,
          onParcelStyle: setParcelStyle,
          viewed,
          importPreview: importer.previewCollection,
          onImport: () => importer.setOpen(true),
          onExport: () => exporter.setOpen(true),
        }}
        survey={{
          map, survey, onSurvey: changeSurvey, who, drawing, drawingBar: barInPeek ? null : drawingBar, parcel: surveyParcel,
          gpsTrace, createFeature, createFromShape, track, save, onUndo: undo, onRedo: redo,
        }}
        conflictQuery={conflictQuery}
        onConflictQuery={setConflictQuery}
        selectedParcel={selectedParcel}
        onShowParcel={showParcel}
      />
    ),
    overlay: programme && review.overlay && (
      <ReviewOverlay
        review={review}
        programme={programme}
        snapshot={snapshot}
        store={store}
        results={analysis.results}
        analysisPending={analysis.pending > 0}
        treatedAsOf={analysis.treatedAsOf}
        buffers={analysis.buffers}
        view={() => (map ? { center: map.map.getCenter().toArray() as [number, number], zoom: map.map.getZoom() } : { center: [118.7, 40.05], zoom: 10 })}
      />
    ),
    map: <MapSlot host={mapHost} />,
    inspector: programme && selection && selectedFeature ? (
      <InspectorPanel
        selection={selection}
        feature={selectedFeature}
        programme={programme}
        store={store}
        snapshot={snapshot}
        distances={distances}
        parcelResult={analysis.results?.parcels.find((p) => p.id === selection.id)}
        analysisPending={analysis.pending > 0}
        who={who}
        fix={gpsTrace.fix}
        drawing={drawing}
        onClose={closeInspector}
        track={track}
      />
    ) : null,
    status: <ProgrammeStatus programme={programme} loadError={loadError} asOf={review.asOf} treated={review.treated} />,
    dialogs: (
      <AppDialogs
        programme={programme}
        map={map}
        store={store}
        who={who}
        importer={importer}
        exporter={exporter}
        archiveExport={archiveExport}
        wizard={wizard}
        settings={{ open: settingsOpen, onClose: () => setSettingsOpen(false), basemap, onBasemap: setBasemap, server: teamServer }}
      />
    ),
  };
  const mapView = createPortal(
    <MapView
      data={data} visible={visible} parcelStyle={parcelStyle} basemap={basemap} selection={selection} onSelect={setSelection} onReady={onReady}
      crosshair={drawing.state === 'drawing' && drawing.crosshair && drawing.purpose.kind !== 'split'}
    />,
    mapHost,
  );
  if (screen === 'phone') {
    return <>{mapView}<PhoneShell {...slots} drawingBar={barInPeek ? <section className="sheet-peek" aria-label={t('layout.drawing')}>{drawingBar}</section> : null} inspectorKey={selection ? `${selection.source}/${selection.id}` : null} /></>;
  }
  return <>{mapView}{screen === 'tablet' ? <TabletShell {...slots} /> : <DesktopShell {...slots} />}</>;
}

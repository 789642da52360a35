// The composition root's React tree: one programme on a map, with layers, legend, search,
// inspector and settings around it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { Polygon } from 'geojson';
import { drawnShapeProblem } from '../domain/drawn-shape.ts';
import { tracePolygon } from '../domain/gps-trace.ts';
import type { TreatedFeature } from '../domain/model.ts';
import { gpsFeatures } from '../map/gps-features.ts';
import { createTreated, reshapeTreated } from '../store/edits-from-snapshot.ts';
import { BUILT_IN_PRESETS, type BufferDistances, type BufferPreset } from '../domain/buffer-presets.ts';
import { DEFAULT_CONFLICT_QUERY, type ConflictQuery } from '../domain/conflict-list.ts';
import { featureBounds, type Bounds } from '../domain/feature-bounds.ts';
import type { SearchHit } from '../domain/programme-search.ts';
import { readGeojsonForView } from '../io/geojson-file.ts';
import type { BasemapSettings } from '../map/basemap.ts';
import type { FeatureRef, ProgrammeMap } from '../map/programme-map.ts';
import type { LayerGroup } from '../map/layer-groups.ts';
import type { ParcelStyleMode } from '../map/programme-style.ts';
import { Inspector } from '../ui/Inspector.tsx';
import type { InspectorKind } from '../ui/inspector-rows.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { LayerPanel } from '../ui/LayerPanel.tsx';
import { Legend } from '../ui/Legend.tsx';
import { MapView } from '../ui/MapView.tsx';
import { PlannerPanel } from '../ui/PlannerPanel.tsx';
import { SearchBox } from '../ui/SearchBox.tsx';
import { SettingsDialog } from '../ui/SettingsDialog.tsx';
import { SideTabs } from '../ui/SideTabs.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import {
  loadBasemap, loadBufferDistances, loadUserPresets, saveBasemap, saveBufferDistances, saveUserPresets,
} from './app-settings.ts';
import { loadDemoContext, loadDemoProgramme, loadGemSample, type Seed } from './demo-programme.ts';
import { mineLabelPoints } from './mine-label-points.ts';
import { newTreatedFeature, wholeParcelFeature } from './new-treated.ts';
import { loadSurveySettings, saveSurveySettings, type SurveySettings } from './survey-settings.ts';
import { SurveyTab } from './SurveyTab.tsx';
import { TreatedEditor } from './TreatedEditor.tsx';
import { holeEdit, shortcutRefusalText, splitEdit, type ShortcutOutcome } from './geometry-shortcuts.ts';
import { useAnalysis } from './use-analysis.ts';
import { ReviewOverlay } from './ReviewOverlay.tsx';
import { ReviewTab } from './ReviewTab.tsx';
import { useReview } from './use-review.ts';
import { useExport } from './use-export.ts';
import { useImport } from './use-import.ts';
import { ExportDialog } from '../ui/ExportDialog.tsx';
import { ImportDialog } from '../ui/ImportDialog.tsx';
import { useFieldStore } from './use-field-store.ts';
import { AppUpdateBanner } from './AppUpdateBanner.tsx';
import { useOfflineBasemaps } from './use-offline-basemaps.ts';
import { useTileCache } from './use-tile-cache.ts';
import { OfflineBasemaps } from '../ui/OfflineBasemaps.tsx';
import { TileCacheTools } from '../ui/TileCacheTools.tsx';
import { useGpsTrace } from './use-gps-trace.ts';
import { allowsTileUrl } from './page-policy.ts';
import { storeErrorMessage, useSaveState } from './use-save-state.ts';
import { refusalText, useTreatedDrawing } from './use-treated-drawing.ts';
import { parcelStatusNow, surveyorSubmit } from '../store/review-edits.ts';
import { useUndoShortcuts } from './use-undo-shortcuts.ts';

type SideTab = 'layers' | 'survey' | 'planner' | 'review';
const NO_FEATURES: FeatureCollection = { type: 'FeatureCollection', features: [] };

const SOURCE_KIND: Record<string, InspectorKind> = { parcels: 'parcel', treated: 'treated', zones: 'zone', gem: 'imported', imported: 'imported' };

export function App() {
  const { t, language } = useI18n();
  const [seed, setSeed] = useState<Seed | null>(null);
  const field = useFieldStore(seed);
  const { store, snapshot } = field;
  // The stored programme once the database is open; the bundled one (read-only) only if the
  // database cannot be opened, so that nobody works on a stale view while it opens.
  const programme = snapshot?.programme ?? (field.problem?.kind === 'failed' ? seed?.programme ?? null : null);
  const [survey, setSurvey] = useState<SurveySettings>(loadSurveySettings);
  const changeSurvey = useCallback((patch: Partial<SurveySettings>) => {
    setSurvey((old) => {
      const next = { ...old, ...patch };
      saveSurveySettings(next);
      return next;
    });
  }, []);
  const who = survey.surveyor.trim() || 'anonymous';
  const { save, track } = useSaveState(t);
  const importer = useImport(t, store, programme, who);
  // An import's preview is drawn on the map (in the "opened file" layer) and zoomed to.
  useEffect(() => {
    if (!importer.previewCollection) return;
    setVisible((v) => ({ ...v, imported: true }));
    setFitTarget(featureBounds(importer.previewCollection));
  }, [importer.previewCollection]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [map, setMap] = useState<ProgrammeMap | null>(null);
  const [visible, setVisible] = useState<Record<LayerGroup, boolean>>({ parcels: true, treated: true, zones: true, buffers: true, context: true, gem: false, imported: true });
  const [parcelStyle, setParcelStyle] = useState<ParcelStyleMode>('damage_type');
  const [basemap, setBasemap] = useState<BasemapSettings>(loadBasemap);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [selection, setSelection] = useState<FeatureRef | null>(null);
  const [gem, setGem] = useState<FeatureCollection | null>(null);
  const [context, setContext] = useState<FeatureCollection | null>(null);
  const [imported, setImported] = useState<FeatureCollection | null>(null);
  const [fileStatus, setFileStatus] = useState<string | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('layers');
  const [distances, setDistances] = useState<BufferDistances>(loadBufferDistances);
  const [userPresets, setUserPresets] = useState<BufferPreset[]>(loadUserPresets);
  const [conflictQuery, setConflictQuery] = useState<ConflictQuery>(DEFAULT_CONFLICT_QUERY);
  const [overlap, setOverlap] = useState<FeatureCollection>(NO_FEATURES);
  const analysis = useAnalysis(programme, distances);
  const review = useReview(programme, snapshot);
  const exporter = useExport(t, language, programme, review.statuses);
  const { overlapOf } = analysis;

  const changeDistances = useCallback((d: BufferDistances) => {
    setDistances(d);
    saveBufferDistances(d);
  }, []);
  const savePreset = useCallback((name: string) => {
    setUserPresets((old) => {
      const next = [...old.filter((p) => p.name !== name), { name, name_en: name, distances, source: 'user' }];
      saveUserPresets(next);
      return next;
    });
  }, [distances]);
  const deletePreset = useCallback((name: string) => {
    setUserPresets((old) => {
      const next = old.filter((p) => p.name !== name);
      saveUserPresets(next);
      return next;
    });
  }, []);

  // The selected parcel's overlap with the buffers, drawn on the map; redone when figures change.
  const selectedParcel = selection?.source === 'parcels' ? selection.id : null;
  useEffect(() => {
    if (!selectedParcel) return setOverlap(NO_FEATURES);
    let current = true;
    void overlapOf(selectedParcel).then((geometry) => {
      if (current) setOverlap(geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: { id: selectedParcel } }] } : NO_FEATURES);
    });
    return () => { current = false; };
  }, [selectedParcel, overlapOf, analysis.results]);

  useEffect(() => {
    loadDemoProgramme().then(setSeed, (e: Error) => setLoadError(e.message));
    loadDemoContext().then(setContext, (e: Error) => setFileStatus(t('layers.fileFailed', { name: t('layers.context'), reason: e.message })));
    // Once, at start; a language switch does not reload the context.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!visible.gem || gem) return;
    loadGemSample().then((fc) => {
      setGem(fc);
      // The real boundaries lie outside the demo county: show them where they are.
      const bounds = featureBounds(fc);
      if (bounds && map) map.fitBounds(bounds);
    }, (e: Error) => setFileStatus(t('layers.fileFailed', { name: 'GEM', reason: e.message })));
  }, [visible.gem, gem, map, t]);

  // Zoom to the programme once both the map and the data are there.
  useEffect(() => {
    if (!map || !seed) return;
    const bounds = featureBounds(seed.programme.parcels, seed.programme.zones);
    if (bounds) map.fitBounds(bounds, false);
  }, [map, seed]);

  const createFeature = useCallback((feature: TreatedFeature) => {
    if (!store) return;
    // On the map at once, while the save runs; taken away again if it fails.
    const unshow = map?.preview('treated', feature);
    void track(store.transact(createTreated(store.getSnapshot(), feature), who)).then((saved) => {
      if (saved) setSelection({ source: 'treated', id: feature.properties.id });
      else unshow?.();
    });
  }, [store, map, who, track]);
  const createFromShape = useCallback((shape: Polygon) => {
    if (programme) createFeature(newTreatedFeature(programme, shape, survey.surveyor.trim(), survey.measure));
  }, [programme, survey, createFeature]);

  // Split and hole: GEOS makes the shapes, the store takes them as one edit or says why not.
  const shortcut = (outcome: Promise<ShortcutOutcome>): void => {
    void outcome.then((result) => {
      if (!store) return;
      if (result.ok) void track(store.transact(result.edit, who));
      else drawing.setRefusal(shortcutRefusalText(t, result.refusal));
    });
  };
  const drawing = useTreatedDrawing(map, programme, analysis.buffers, t, {
    onDrawn: createFromShape,
    onReshaped: (id, shape) => {
      if (store) void track(store.transact(reshapeTreated(store.getSnapshot(), id, shape), who));
    },
    onHole: (id, shape) => { if (store) shortcut(holeEdit(store.getSnapshot(), id, shape)); },
    onSplitLine: (id, line) => { if (store) shortcut(splitEdit(store.getSnapshot(), id, line)); },
  });
  const gpsTrace = useGpsTrace(t, survey.accuracyLimit);
  const [gpsRefusal, setGpsRefusal] = useState<string | null>(null);
  const gpsData = useMemo(() => gpsFeatures(gpsTrace.fix, gpsTrace.trace), [gpsTrace.fix, gpsTrace.trace]);

  const undo = useCallback(() => { if (store) void track(store.undo(who)); }, [store, who, track]);
  const redo = useCallback(() => { if (store) void track(store.redo(who)); }, [store, who, track]);
  useUndoShortcuts(undo, redo);

  const mines = programme?.mines;
  const minePoints = useMemo(() => (mines ? mineLabelPoints(mines) : null), [mines]);
  const data = useMemo(() => {
    const d: Partial<Record<string, FeatureCollection>> = {};
    // Parcels carry their current status (or the status as of the reviewer's date), and treated
    // polygons are those of that date.
    if (programme) Object.assign(d, { parcels: review.parcels ?? programme.parcels, treated: review.treated ?? programme.treated, zones: programme.zones });
    if (analysis.buffers) d.buffers = analysis.buffers;
    d.overlap = overlap;
    d.gps = gpsData;
    if (gem) d.gem = gem;
    if (minePoints) d.mines = minePoints;
    if (context) d.context = context;
    if (importer.previewCollection) d.imported = importer.previewCollection;
    else if (imported) d.imported = imported;
    return d;
  }, [programme, review.parcels, review.treated, analysis.buffers, overlap, gpsData, gem, minePoints, context, imported, importer.previewCollection]);

  const selectedFeature = useMemo(() => {
    if (!selection) return null;
    const fc = data[selection.source];
    return fc?.features.find((f) => String(f.properties?.id) === selection.id) ?? null;
  }, [selection, data]);

  // The parcel the survey tab's parcel actions work on: the selected one, or the selected treated polygon's.
  const surveyParcelId = selection?.source === 'parcels' ? selection.id
    : selection?.source === 'treated' ? (snapshot?.treated.get(selection.id)?.feature?.properties.parcel_id ?? null) : null;
  const surveyParcel = useMemo(() => {
    if (!snapshot || !surveyParcelId) return null;
    const parcel = snapshot.programme.parcels.features.find((p) => p.properties.id === surveyParcelId);
    const status = parcelStatusNow(snapshot, surveyParcelId);
    return parcel && status ? { id: surveyParcelId, name: parcel.properties.name, status } : null;
  }, [snapshot, surveyParcelId]);

  // Fitting waits for the render that opens the inspector, so the map is fitted at its new size.
  const [fitTarget, setFitTarget] = useState<Bounds | null>(null);
  useEffect(() => {
    if (!map || !fitTarget) return;
    map.fitBounds(fitTarget);
    setFitTarget(null);
  }, [map, fitTarget]);

  const showParcel = useCallback((parcelId: string) => {
    if (!programme) return;
    const parcel = programme.parcels.features.find((f) => f.properties.id === parcelId);
    setFitTarget(parcel ? featureBounds(parcel) : null);
    setSelection({ source: 'parcels', id: parcelId });
  }, [programme]);

  const onPick = useCallback((hit: SearchHit) => {
    if (!programme) return;
    const parcels = programme.parcels.features.filter((f) => (hit.kind === 'mine' ? f.properties.mine_id === hit.id : f.properties.id === hit.id));
    setFitTarget(featureBounds({ type: 'FeatureCollection', features: parcels }));
    if (hit.kind === 'parcel') setSelection({ source: 'parcels', id: hit.id });
    else if (parcels[0]) setSelection({ source: 'parcels', id: parcels[0].properties.id });
  }, [programme]);

  const onOpenFile = useCallback(async (file: File) => {
    const text = await file.text();
    const result = readGeojsonForView(text, file.size);
    if (!result.ok) {
      setFileStatus(t('layers.fileFailed', { name: file.name, reason: result.reason }));
      return;
    }
    setImported(result.value);
    setVisible((v) => ({ ...v, imported: true }));
    setFileStatus(t('layers.fileLoaded', { name: file.name, count: result.value.features.length }));
    const bounds = featureBounds(result.value);
    if (bounds && map) map.fitBounds(bounds);
  }, [map, t]);

  const onReady = useCallback((m: ProgrammeMap) => {
    setMap(m);
    // End-to-end tests wait on the map's own idle state through this handle.
    (window as unknown as { __fulvMap?: unknown }).__fulvMap = m.map;
  }, []);

  const offlineBasemaps = useOfflineBasemaps(map);
  const tileCache = useTileCache(map, basemap, settingsOpen);

  return (
    <div className="app">
      <AppUpdateBanner saving={save.state === 'saving'} drawing={drawing.state !== 'idle'} />
      {field.problem && (
        <p role="alert" className="storage-alert">
          {field.problem.kind === 'blocked' ? t('storage.blocked')
            : field.problem.kind === 'failed' ? t('storage.failed', { reason: field.problem.error.message })
            : storeErrorMessage(t, field.problem.error)}
        </p>
      )}
      {snapshot?.connection.state === 'closed' && <p role="alert" className="storage-alert">{t('storage.closed', { message: snapshot.connection.message })}</p>}
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{t('app.subtitle')}</p>
        {programme && <SearchBox programme={programme} onPick={onPick} />}
        <LanguageSwitch />
        <button type="button" onClick={() => setSettingsOpen(true)}>{t('settings.open')}</button>
      </header>
      <main className="app-main">
        <div className="side">
          <SideTabs<SideTab>
            label={t('side.label')}
            active={sideTab}
            onActivate={setSideTab}
            tabs={[
              {
                key: 'layers',
                label: t('side.layers'),
                content: (
                  <>
                    <LayerPanel
                      visible={visible}
                      available={{ parcels: true, treated: true, zones: true, buffers: true, context: context !== null, gem: true, imported: imported !== null || importer.previewCollection !== null }}
                      buffersComputing={programme !== null && analysis.buffers === null && analysis.error === null}
                      onToggle={(g, v) => setVisible((old) => ({ ...old, [g]: v }))}
                      parcelStyle={parcelStyle}
                      onParcelStyle={setParcelStyle}
                      onOpenFile={(f) => void onOpenFile(f)}
                      status={fileStatus}
                    />
                    <div className="button-row">
                      <button type="button" onClick={() => importer.setOpen(true)} disabled={!store}>{t('interchange.import')}</button>
                      <button type="button" onClick={() => exporter.setOpen(true)} disabled={!programme}>{t('interchange.export')}</button>
                    </div>
                    <Legend parcelStyle={parcelStyle} distances={distances} asOf={review.asOf} periodFrom={review.periodFrom} />
                  </>
                ),
              },
              {
                key: 'survey',
                label: t('side.survey'),
                content: (
                  <SurveyTab
                    store={store}
                    snapshot={snapshot}
                    surveyor={survey.surveyor}
                    onSurveyor={(surveyor) => changeSurvey({ surveyor })}
                    drawing={drawing}
                    parcelActions={{
                      parcel: surveyParcel,
                      onWholeParcel: () => {
                        const feature = programme && surveyParcel && wholeParcelFeature(programme, surveyParcel.id, survey.surveyor.trim(), survey.measure);
                        if (feature) createFeature(feature);
                      },
                      onSubmit: async (note) => {
                        const edit = store && surveyParcel && surveyorSubmit(store.getSnapshot(), surveyParcel.id, who, note, new Date());
                        return edit ? (await track(store.transact(edit, who))) !== null : false;
                      },
                    }}
                    save={save}
                    onUndo={undo}
                    onRedo={redo}
                    gps={{
                      on: gpsTrace.on,
                      onToggle: gpsTrace.setOn,
                      gps: gpsTrace.gps,
                      accuracyLimit: survey.accuracyLimit,
                      onAccuracyLimit: (accuracyLimit) => changeSurvey({ accuracyLimit }),
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
                        createFromShape(shape);
                      },
                      message: gpsRefusal ?? gpsTrace.message,
                    }}
                  />
                ),
              },
              {
                key: 'planner',
                label: t('side.planner'),
                content: programme && (
                  <PlannerPanel
                    programme={programme}
                    results={analysis.results}
                    pending={analysis.pending}
                    progress={analysis.progress}
                    error={analysis.error}
                    buffers={{ distances, builtIn: BUILT_IN_PRESETS, userPresets, onChange: changeDistances, onSavePreset: savePreset, onDeletePreset: deletePreset }}
                    query={conflictQuery}
                    onQuery={setConflictQuery}
                    selectedId={selectedParcel}
                    onShow={showParcel}
                  />
                ),
              },
              {
                key: 'review',
                label: t('side.review'),
                content: programme && (
                  <ReviewTab
                    review={review}
                    programme={programme}
                    store={store}
                    canUndo={snapshot?.canUndo ?? false}
                    canRedo={snapshot?.canRedo ?? false}
                    selectedParcel={selectedParcel}
                    onShowParcel={showParcel}
                  />
                ),
              },
            ]}
          />
        </div>
        {programme && review.overlay && (
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
        )}
        <MapView data={data} visible={visible} parcelStyle={parcelStyle} basemap={basemap} selection={selection} onSelect={setSelection} onReady={onReady} />
        {programme && selection && selectedFeature && (
          <Inspector
            kind={SOURCE_KIND[selection.source] ?? 'imported'}
            feature={selectedFeature}
            programme={programme}
            distances={distances}
            parcelResult={analysis.results?.parcels.find((p) => p.id === selection.id)}
            analysisPending={analysis.pending > 0}
            onClose={() => { drawing.stop(); setSelection(null); }}
            editor={selection.source === 'treated' && store && snapshot ? (
              <TreatedEditor
                store={store}
                snapshot={snapshot}
                feature={selectedFeature as TreatedFeature}
                who={who}
                fix={gpsTrace.fix}
                editing={drawing.state === 'editing' && drawing.editedId === selection.id}
                onEditShape={drawing.editShape}
                onFinishShape={drawing.stop}
                onPickRing={drawing.selectRing}
                onSplit={drawing.startSplit}
                onHole={drawing.startHole}
                onDeleted={() => { drawing.stop(); setSelection(null); }}
                track={track}
              />
            ) : undefined}
          />
        )}
      </main>
      <p role="status" className="programme-status">
        {loadError ? t('app.loadFailed', { reason: loadError })
          : programme ? t(review.asOf ? 'app.loadedAsOf' : 'app.loaded', {
            mines: programme.mines.length,
            parcels: programme.parcels.features.length,
            // As the map shows them: the treated polygons as of the reviewer's date.
            treated: (review.treated ?? programme.treated).features.length,
            zones: programme.zones.features.length,
            date: review.asOf ?? '',
          })
          : t('app.loading')}
      </p>
      <ImportDialog {...importer.dialog} />
      {/* Only while open: it lists every mine, which at province scale is thousands of options. */}
      {programme && exporter.dialog.open && <ExportDialog {...exporter.dialog} programme={programme} />}
      <SettingsDialog
        open={settingsOpen}
        basemap={basemap}
        onClose={() => setSettingsOpen(false)}
        onSave={(b) => {
          setBasemap(b);
          saveBasemap(b);
          setSettingsOpen(false);
          // The page's security policy allows a new basemap origin only from its next start.
          if (b.enabled && !allowsTileUrl(b.url)) location.reload();
        }}
      >
        <OfflineBasemaps {...offlineBasemaps} />
        <TileCacheTools {...tileCache} />
      </SettingsDialog>
    </div>
  );
}

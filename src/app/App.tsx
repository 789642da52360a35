// The composition root's React tree: one programme on a map, with layers, legend, search,
// inspector and settings around it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { Programme } from '../domain/model.ts';
import { GENERAL_PRESET } from '../domain/buffer-presets.ts';
import { featureBounds } from '../domain/feature-bounds.ts';
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
import { SearchBox } from '../ui/SearchBox.tsx';
import { SettingsDialog } from '../ui/SettingsDialog.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import { loadBasemap, saveBasemap } from './app-settings.ts';
import { loadDemoProgramme, loadGemSample } from './demo-programme.ts';
import { useProtectionBuffers } from './use-protection-buffers.ts';

const SOURCE_KIND: Record<string, InspectorKind> = { parcels: 'parcel', treated: 'treated', zones: 'zone', gem: 'imported', imported: 'imported' };

export function App() {
  const { t } = useI18n();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [map, setMap] = useState<ProgrammeMap | null>(null);
  const [visible, setVisible] = useState<Record<LayerGroup, boolean>>({ parcels: true, treated: true, zones: true, buffers: true, gem: false, imported: true });
  const [parcelStyle, setParcelStyle] = useState<ParcelStyleMode>('damage_type');
  const [basemap, setBasemap] = useState<BasemapSettings>(loadBasemap);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [selection, setSelection] = useState<FeatureRef | null>(null);
  const [gem, setGem] = useState<FeatureCollection | null>(null);
  const [imported, setImported] = useState<FeatureCollection | null>(null);
  const [fileStatus, setFileStatus] = useState<string | null>(null);
  const distances = GENERAL_PRESET.distances;
  const buffers = useProtectionBuffers(programme, distances);

  useEffect(() => {
    loadDemoProgramme().then(setProgramme, (e: Error) => setLoadError(e.message));
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
    if (!map || !programme) return;
    const bounds = featureBounds(programme.parcels, programme.zones);
    if (bounds) map.fitBounds(bounds, false);
  }, [map, programme]);

  const data = useMemo(() => {
    const d: Partial<Record<string, FeatureCollection>> = {};
    if (programme) Object.assign(d, { parcels: programme.parcels, treated: programme.treated, zones: programme.zones });
    if (buffers.collection) d.buffers = buffers.collection;
    if (gem) d.gem = gem;
    if (imported) d.imported = imported;
    return d;
  }, [programme, buffers.collection, gem, imported]);

  const selectedFeature = useMemo(() => {
    if (!selection) return null;
    const fc = data[selection.source];
    return fc?.features.find((f) => String(f.properties?.id) === selection.id) ?? null;
  }, [selection, data]);

  const onPick = useCallback((hit: SearchHit) => {
    if (!map || !programme) return;
    const parcels = programme.parcels.features.filter((f) => (hit.kind === 'mine' ? f.properties.mine_id === hit.id : f.properties.id === hit.id));
    const bounds = featureBounds({ type: 'FeatureCollection', features: parcels });
    if (bounds) map.fitBounds(bounds);
    if (hit.kind === 'parcel') setSelection({ source: 'parcels', id: hit.id });
    else if (parcels[0]) setSelection({ source: 'parcels', id: parcels[0].properties.id });
  }, [map, programme]);

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

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{t('app.subtitle')}</p>
        {programme && <SearchBox programme={programme} onPick={onPick} />}
        <LanguageSwitch />
        <button type="button" onClick={() => setSettingsOpen(true)}>{t('settings.open')}</button>
      </header>
      <main className="app-main">
        <div className="side">
          <LayerPanel
            visible={visible}
            available={{ parcels: true, treated: true, zones: true, buffers: true, gem: true, imported: imported !== null }}
            onToggle={(g, v) => setVisible((old) => ({ ...old, [g]: v }))}
            parcelStyle={parcelStyle}
            onParcelStyle={setParcelStyle}
            onOpenFile={(f) => void onOpenFile(f)}
            status={fileStatus ?? buffers.status}
          />
          <Legend parcelStyle={parcelStyle} distances={distances} />
        </div>
        <MapView data={data} visible={visible} parcelStyle={parcelStyle} basemap={basemap} selection={selection} onSelect={setSelection} onReady={onReady} />
        {programme && selection && selectedFeature && (
          <Inspector kind={SOURCE_KIND[selection.source] ?? 'imported'} feature={selectedFeature} programme={programme} distances={distances} onClose={() => setSelection(null)} />
        )}
      </main>
      <p role="status" className="programme-status">
        {loadError ? t('app.loadFailed', { reason: loadError })
          : programme ? t('app.loaded', { mines: programme.mines.length, parcels: programme.parcels.features.length, treated: programme.treated.features.length, zones: programme.zones.features.length })
          : t('app.loading')}
      </p>
      <SettingsDialog
        open={settingsOpen}
        basemap={basemap}
        onClose={() => setSettingsOpen(false)}
        onSave={(b) => { setBasemap(b); saveBasemap(b); setSettingsOpen(false); }}
      />
    </div>
  );
}

// Hosts the programme map and keeps it in step with the app's state. Data is pushed to the map
// only when its collection object changes, never on unrelated renders.
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { ProgrammeMap, type FeatureRef } from '../map/programme-map.ts';
import type { BasemapSettings } from '../map/basemap.ts';
import { LAYER_GROUPS, type LayerGroup } from '../map/layer-groups.ts';
import type { ParcelStyleMode, ProgrammeSource } from '../map/programme-style.ts';
import { useI18n } from './i18n/language-context.tsx';

export interface MapViewProps {
  data: Partial<Record<ProgrammeSource, FeatureCollection>>;
  visible: Record<LayerGroup, boolean>;
  parcelStyle: ParcelStyleMode;
  basemap: BasemapSettings;
  selection: FeatureRef | null;
  onSelect: (ref: FeatureRef | null) => void;
  onReady: (map: ProgrammeMap) => void;
  /** A crosshair over the map's centre, where the next vertex goes in crosshair drawing. */
  crosshair?: boolean;
}

export function MapView(props: MapViewProps) {
  const { t, language } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<ProgrammeMap | null>(null);
  const [failed, setFailed] = useState(false);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;
  const onReady = useRef(props.onReady);
  onReady.current = props.onReady;

  useEffect(() => {
    let instance: ProgrammeMap;
    try {
      instance = new ProgrammeMap({
        container: container.current!,
        parcelStyle: 'damage_type',
        language,
        locale: {
          'NavigationControl.ZoomIn': t('map.zoomIn'),
          'NavigationControl.ZoomOut': t('map.zoomOut'),
        },
        onSelect: (ref) => onSelect.current(ref),
      });
    } catch {
      setFailed(true);
      return;
    }
    let alive = true;
    void instance.whenReady().then(() => {
      if (!alive) return;
      setMap(instance);
      onReady.current(instance);
    });
    return () => {
      alive = false;
      instance.destroy();
    };
    // The map is created once; language changes only relabel the React controls around it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { data, visible, parcelStyle, basemap, selection } = props;
  useEffect(() => {
    if (!map) return;
    for (const [source, fc] of Object.entries(data)) if (fc) map.setData(source as ProgrammeSource, fc);
  }, [map, data]);
  useEffect(() => {
    if (map) for (const group of LAYER_GROUPS) map.setGroupVisible(group, visible[group]);
  }, [map, visible]);
  useEffect(() => map?.setParcelStyle(parcelStyle), [map, parcelStyle]);
  useEffect(() => map?.setBasemap(basemap), [map, basemap]);
  useEffect(() => map?.select(selection), [map, selection]);
  useEffect(() => map?.setLabelLanguage(language), [map, language]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" role="region" aria-label={t('map.label')} />
      {props.crosshair && <div className="crosshair" aria-hidden="true" />}
      {failed && <p role="alert" className="map-error">{t('map.webglFailed')}</p>}
    </div>
  );
}

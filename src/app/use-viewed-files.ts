// Files shown on the map without being imported: a GeoJSON file the user opens, the demo's
// context (township borders, villages) and the GEM sample of real boundaries (loaded the first
// time its layer is switched on).
import { useCallback, useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { featureBounds } from '../domain/feature-bounds.ts';
import { readGeojsonForView } from '../io/geojson-file.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';
import type { Translate } from '../ui/i18n/translate.ts';
import { loadDemoContext, loadGemSample } from './demo-programme.ts';

export function useViewedFiles(map: ProgrammeMap | null, t: Translate, gemShown: boolean, showImported: () => void) {
  const [gem, setGem] = useState<FeatureCollection | null>(null);
  const [imported, setImported] = useState<FeatureCollection | null>(null);
  const [context, setContext] = useState<FeatureCollection | null>(null);
  const [fileStatus, setFileStatus] = useState<string | null>(null);

  useEffect(() => {
    loadDemoContext().then(setContext, (e: Error) => setFileStatus(t('layers.fileFailed', { name: t('layers.context'), reason: e.message })));
    // Once, at start; a language switch does not reload the context.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!gemShown || gem) return;
    loadGemSample().then((fc) => {
      setGem(fc);
      // The real boundaries lie outside the demo county: show them where they are.
      const bounds = featureBounds(fc);
      if (bounds && map) map.fitBounds(bounds);
    }, (e: Error) => setFileStatus(t('layers.fileFailed', { name: 'GEM', reason: e.message })));
  }, [gemShown, gem, map, t]);

  const openFile = useCallback(async (file: File) => {
    const text = await file.text();
    const result = readGeojsonForView(text, file.size);
    if (!result.ok) {
      setFileStatus(t('layers.fileFailed', { name: file.name, reason: result.reason }));
      return;
    }
    setImported(result.value);
    showImported();
    setFileStatus(t('layers.fileLoaded', { name: file.name, count: result.value.features.length }));
    const bounds = featureBounds(result.value);
    if (bounds && map) map.fitBounds(bounds);
  }, [map, t, showImported]);

  return { gem, context, imported, fileStatus, openFile };
}

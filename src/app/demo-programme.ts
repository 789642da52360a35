// The bundled demo programme, served from the app's own origin (no network beyond it).
import metaUrl from '../../data/demo/programme.json?url';
import parcelsUrl from '../../data/demo/parcels.geojson?url';
import treatedUrl from '../../data/demo/treated.geojson?url';
import zonesUrl from '../../data/demo/zones.geojson?url';
import contextUrl from '../../data/demo/context.geojson?url';
import gemUrl from '../../data/gem/gem_coal_mine_boundaries_tangshan.geojson?url';
import { assembleProgramme } from '../io/programme-files.ts';
import { readGeojsonForView } from '../io/geojson-file.ts';
import type { Programme } from '../domain/model.ts';
import { seedFilesFingerprintInSlices } from '../store/seed-fingerprint.ts';
import type { FeatureCollection } from 'geojson';

/** A seed programme and the version of its files, which tells a regenerated seed apart. */
export interface Seed {
  programme: Programme;
  version: string;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

export async function loadDemoProgramme(): Promise<Seed> {
  const texts = await Promise.all([metaUrl, parcelsUrl, treatedUrl, zonesUrl].map(fetchText));
  // Each file parsed in a task of its own, and the fingerprint hashed in slices: at province
  // scale these held the page for over a second in one task on every start.
  const parsed: unknown[] = [];
  for (const text of texts) {
    parsed.push(JSON.parse(text));
    await nextTask();
  }
  const [meta, parcels, treated, zones] = parsed;
  const result = assembleProgramme(meta, parcels, treated, zones);
  if (!result.ok) throw new Error(result.reason);
  return { programme: result.value, version: await seedFilesFingerprintInSlices(result.value.id, texts, nextTask) };
}

/**
 * The demo's context (township borders and names, village points): drawn and named on the map,
 * never part of the programme.
 */
export async function loadDemoContext(): Promise<FeatureCollection> {
  const text = await fetchText(contextUrl);
  const result = readGeojsonForView(text, text.length);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

/** Real mine boundaries near Qian'an (GEM, CC BY 4.0), loaded only when the user turns them on. */
export async function loadGemSample(): Promise<FeatureCollection> {
  const response = await fetch(gemUrl);
  const text = await response.text();
  const result = readGeojsonForView(text, text.length);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

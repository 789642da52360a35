// `convert` and programme archives: one layer of an archive (.gpkg) as the input of a conversion,
// and an archive written from a programme's files (programme.json with parcels.geojson,
// treated.geojson and zones.geojson beside it, the layout of data/demo).
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import initSqlJs from 'sql.js';
import { GENERAL_PRESET } from '../domain/buffer-presets.ts';
import type { ProgrammeContent } from '../domain/programme-content.ts';
import type { ExportLayer } from '../io/export/export-types.ts';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../io/json-depth.ts';
import { checkedProgrammeArchive } from '../io/programme-archive/checked-archive.ts';
import { assembleProgramme } from '../io/programme-files.ts';
import { ArchiveFileError } from './read-archive.ts';

export const ARCHIVE_LAYERS = ['parcels', 'treated', 'zones', 'mines'] as const;
export type ArchiveLayer = (typeof ARCHIVE_LAYERS)[number];

export function archiveLayer(content: ProgrammeContent, layer: ArchiveLayer): ExportLayer {
  const { programme } = content;
  if (layer === 'mines') {
    return {
      name: layer,
      features: programme.mines.map(({ location, ...properties }) => ({ geometry: { type: 'Point', coordinates: location }, properties })),
    };
  }
  return { name: layer, features: programme[layer].features };
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ArchiveFileError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (jsonTooDeep(text)) throw new ArchiveFileError(`${path} nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ArchiveFileError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Writes the archive of programme.json and its three layer files; returns what it holds, for stderr. */
export async function writeArchiveFromFiles(programmeJson: string, output: string): Promise<string> {
  const folder = dirname(programmeJson);
  const [meta, parcels, treated, zones] = await Promise.all([programmeJson, ...['parcels', 'treated', 'zones'].map((n) => join(folder, `${n}.geojson`))].map(readJson));
  const programme = assembleProgramme(meta, parcels, treated, zones);
  if (!programme.ok) throw new ArchiveFileError(programme.reason);
  const p = programme.value;
  const content: ProgrammeContent = { programme: p, areaLevel: 'county', bufferDistances: GENERAL_PRESET.distances, reviews: [] };
  const bytes = checkedProgrammeArchive(await initSqlJs(), content);
  if (!bytes.ok) throw new ArchiveFileError(`${bytes.code}: ${bytes.reason}`);
  await writeFile(output, bytes.value);
  return `${p.parcels.features.length} parcels, ${p.treated.features.length} treated polygons, ${p.zones.features.length} zones, ${p.mines.length} mines and ${p.targets.rows.length} target rows`;
}

// Reading the CLI's input files. A file that cannot be used at all (missing, not JSON, not a
// FeatureCollection, bad buffer table) stops the run with a message; bad features inside a good
// file are the engine's business and become issues. Each layer's fields are chosen as the import
// dialog chooses them (input-fields.ts), and which field filled each role is reported.
import { readFile } from 'node:fs/promises';
import type { AnalysisInput, InputFeature } from '../domain/analysis-types.ts';
import { findPreset, GENERAL_PRESET, validateBufferDistances, type BufferDistances } from '../domain/buffer-presets.ts';
import type { Mine } from '../domain/model.ts';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../io/json-depth.ts';
import type { AnalyzeArgs } from './analyze-args.ts';
import { FieldChoiceError, mapInputFields, type InputLayer, type MappedLayer } from './input-fields.ts';
import { ArchiveFileError, readArchiveFile } from './read-archive.ts';

export class InputFileError extends Error {}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputFileError(`cannot read ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const tooDeep = jsonTooDeep(text);
  if (tooDeep) throw new InputFileError(`${what} file ${path} nests deeper than ${MAX_JSON_DEPTH} levels (line ${tooDeep.line}, column ${tooDeep.column}); no real file does, so it is refused`);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputFileError(`${what} file ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

async function readFeatures(path: string, what: string): Promise<InputFeature[]> {
  const json = await readJson(path, what);
  const collection = json as { type?: unknown; features?: unknown };
  if (typeof json !== 'object' || json === null || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new InputFileError(`${what} file ${path} is not a GeoJSON FeatureCollection`);
  }
  return collection.features as InputFeature[];
}

async function readDistances(args: AnalyzeArgs): Promise<BufferDistances> {
  if (args.preset) {
    const preset = findPreset(args.preset);
    if (!preset) throw new InputFileError(`unknown preset "${args.preset}"; built-in presets are 通用 (general) and 长江经济带 (Yangtze Economic Belt)`);
    return preset.distances;
  }
  if (!args.buffers) return GENERAL_PRESET.distances;
  const check = validateBufferDistances(await readJson(args.buffers, 'buffers'));
  if (!check.valid) throw new InputFileError(`buffers file ${args.buffers}: ${check.reason}`);
  return check.distances;
}

/** An array of mines, or a programme.json (data/demo) that has one under "mines". */
async function readMines(path: string): Promise<Mine[]> {
  const json = await readJson(path, 'mines');
  const mines = Array.isArray(json) ? json : (json as { mines?: unknown } | null)?.mines;
  if (!Array.isArray(mines)) throw new InputFileError(`mines file ${path} must be a JSON array of mines or a programme with "mines"`);
  return mines as Mine[];
}

export interface ReadInputs {
  input: AnalysisInput;
  /** Per layer read, the source field of each role (null: the file has none). */
  fields: Partial<Record<InputLayer, MappedLayer['used']>>;
}

interface Layers {
  parcels: InputFeature[];
  zones: InputFeature[];
  treated: InputFeature[] | null;
  distances: BufferDistances;
  mines: Mine[] | undefined;
}

async function readLayerFiles(args: AnalyzeArgs): Promise<Layers> {
  const [parcels, zones, treated, distances, mines] = await Promise.all([
    readFeatures(args.parcels!, 'parcels'),
    readFeatures(args.zones!, 'zones'),
    args.treated ? readFeatures(args.treated, 'treated') : Promise.resolve(null),
    readDistances(args),
    args.mines ? readMines(args.mines) : Promise.resolve(undefined),
  ]);
  return { parcels, zones, treated, distances, mines };
}

/** The archive's layers and buffer distances; --buffers or --preset still override the distances. */
async function readArchiveLayers(path: string, args: AnalyzeArgs): Promise<Layers> {
  let content;
  try {
    content = await readArchiveFile(path);
  } catch (error) {
    if (error instanceof ArchiveFileError) throw new InputFileError(error.message);
    throw error;
  }
  const { programme } = content;
  return {
    parcels: programme.parcels.features, zones: programme.zones.features, treated: programme.treated.features,
    distances: args.buffers || args.preset ? await readDistances(args) : content.bufferDistances,
    mines: programme.mines,
  };
}

export async function readInputs(args: AnalyzeArgs): Promise<ReadInputs> {
  const { parcels, zones, treated, distances, mines } = args.archive ? await readArchiveLayers(args.archive, args) : await readLayerFiles(args);
  const fields: ReadInputs['fields'] = {};
  const mapped = (layer: InputLayer, features: InputFeature[]): InputFeature[] => {
    try {
      const result = mapInputFields(layer, features, args.fields, mines);
      fields[layer] = result.used;
      return result.features;
    } catch (error) {
      if (error instanceof FieldChoiceError) throw new InputFileError(error.message);
      throw error;
    }
  };
  const input: AnalysisInput = {
    parcels: mapped('parcels', parcels),
    zones: mapped('zones', zones),
    treated: treated ? mapped('treated', treated) : [],
    distances,
    ...(mines ? { mines } : {}),
  };
  return { input, fields };
}

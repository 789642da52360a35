// `npm run --silent convert -- IN OUT [--to-crs EPSG:N]`: any format Fulv imports into any it
// exports, through the same readers and writers as the app. The source attributes pass through
// unchanged, with the ellipsoidal areas added. A file that cannot be read exits 1 with its error
// code and reason on stderr; features that cannot be converted are listed on stderr and left out.
// A programme archive (.gpkg) gives one of its layers (--layer), or is written from programme.json.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { exportLayers } from '../io/export/export-layers.ts';
import type { ExportFormat, ExportLayer } from '../io/export/export-types.ts';
import type { ImportFile, ImportPreview } from '../io/import-types.ts';
import { readImport } from '../io/read-import.ts';
import { unzipEntries, zipArchive } from '../io/zip-archive.ts';
import { archiveLayer, writeArchiveFromFiles } from './convert-archive.ts';
import { CONVERT_USAGE, parseConvertArgs, type ConvertArgs } from './convert-args.ts';
import { ArchiveFileError, readArchiveFile } from './read-archive.ts';
import { reportUnexpected } from './unexpected-error.ts';

const OUTPUT_FORMATS: Record<string, ExportFormat> = { '.geojson': 'geojson', '.json': 'geojson', '.zip': 'shapefile', '.shp': 'shapefile', '.kml': 'kml', '.kmz': 'kmz', '.csv': 'csv' };

class UsageError extends Error {}

/** A loose .shp comes with its .dbf, .prj, .cpg and .shx from the same folder. */
async function inputFiles(path: string): Promise<ImportFile[]> {
  const read = async (p: string): Promise<ImportFile> => ({ name: basename(p), bytes: new Uint8Array(await readFile(p)) });
  if (extname(path).toLowerCase() !== '.shp') return [await read(path)];
  const base = basename(path, extname(path)).toLowerCase();
  const siblings = (await readdir(dirname(path))).filter((n) => basename(n, extname(n)).toLowerCase() === base && /^\.(shp|shx|dbf|prj|cpg)$/i.test(extname(n)));
  return Promise.all(siblings.map((n) => read(join(dirname(path), n))));
}

function exportLayer(preview: ImportPreview, name: string): ExportLayer {
  return { name, features: preview.features.filter((f) => f.geometry !== null).map((f) => ({ geometry: f.geometry, properties: f.properties })) };
}

/** The layer to write and what to say of it, from an import file or a programme archive's layer; a number is an exit code. */
async function readLayer(args: ConvertArgs, name: string): Promise<{ layer: ExportLayer; read: string } | number> {
  const { input, fromCrs, encoding } = args;
  if (/\.gpkg$/i.test(input)) {
    const layer = { ...archiveLayer(await readArchiveFile(input), args.layer), name };
    return { layer, read: `${layer.features.length} ${args.layer} features from the programme archive` };
  }
  let files: ImportFile[];
  try {
    files = await inputFiles(input);
  } catch (error) {
    process.stderr.write(`convert: cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 1;
  }
  // The layer only steers the field-mapping proposal, which conversion does not use.
  const preview = await readImport(files, { layer: 'zones', ...(fromCrs ? { sourceCrs: fromCrs } : {}), ...(encoding ? { encoding } : {}) });
  if (!preview.ok) {
    process.stderr.write(`convert: ${preview.code}: ${preview.reason}${preview.file ? ` (${preview.file}${preview.line ? `, line ${preview.line}` : ''})` : ''}\n`);
    return 1;
  }
  for (const p of preview.value.problems) {
    if (p.stage === 'read') process.stderr.write(`convert: ${p.severity} ${p.featureId ?? 'file'}: ${p.code}: ${p.reason}\n`);
  }
  const count = preview.value.features.filter((f) => f.geometry !== null).length;
  return { layer: exportLayer(preview.value, name), read: `${count} of ${preview.value.featureCount} features from ${preview.value.crs.code ?? preview.value.crs.name}` };
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseConvertArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`convert: ${parsed.message}\n${CONVERT_USAGE}\n`);
    return 2;
  }
  const { input, output, toCrs, values } = parsed.args;
  if (/\.gpkg$/i.test(output)) {
    if (!/\.json$/i.test(input)) throw new UsageError('a programme archive (.gpkg) is written from a programme.json with its parcels, treated and zones GeoJSON beside it');
    const held = await writeArchiveFromFiles(input, output);
    process.stderr.write(`convert: programme archive with ${held} written to ${output}\n`);
    return 0;
  }
  const format = OUTPUT_FORMATS[extname(output).toLowerCase()];
  if (!format) throw new UsageError(`cannot tell the output format from ${output}`);
  const name = basename(output, extname(output));
  const read = await readLayer(parsed.args, name);
  if (typeof read === 'number') return read;
  const written = exportLayers([read.layer], format, { ...(toCrs ? { crs: toCrs } : {}), values }, name);
  if (!written.ok) {
    process.stderr.write(`convert: ${written.code}: ${written.reason}\n`);
    return 1;
  }
  for (const p of written.value.problems) process.stderr.write(`convert: notice ${p.featureIndex === null ? 'file' : `feature ${p.featureIndex + 1}`}: ${p.code}: ${p.reason}\n`);
  if (format === 'shapefile' && extname(output).toLowerCase() === '.shp') {
    const parts = unzipEntries(written.value.files[0]!.bytes, { file: output, maxUnzippedBytes: Number.MAX_SAFE_INTEGER });
    if (!parts.ok) throw new Error(parts.reason);
    for (const part of parts.value) await writeFile(join(dirname(output), part.name), part.bytes);
  } else if (written.value.files.length === 1) {
    await writeFile(output, written.value.files[0]!.bytes);
  } else {
    await writeFile(output, zipArchive(written.value.files));
  }
  process.stderr.write(`convert: ${read.read} written to ${output}\n`);
  return 0;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ArchiveFileError) {
    process.stderr.write(`convert: ${error.message}\n`);
    process.exitCode = 1;
  } else if (error instanceof UsageError) {
    process.stderr.write(`convert: ${error.message}\n${CONVERT_USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.exitCode = reportUnexpected('convert', error);
  }
}

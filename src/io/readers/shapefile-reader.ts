// A Shapefile is several files sharing a base name: .shp (geometry) and .dbf (attributes) are
// required, .prj (CRS), .cpg (code page) and .shx (record offsets) are read when present; without
// a usable .shx the .shp is read front to back. A zip may hold several Shapefiles: each becomes
// a layer.
import type { CrsDefinition } from '../crs/crs-catalogue.ts';
import { crsFromPrj } from '../crs/prj-crs.ts';
import type { EncodingInfo, ImportFile, ImportProblem, SourceFeature } from '../import-types.ts';
import { IoError, ioFail, type IoResult } from '../io-result.ts';
import { readDbf } from '../shapefile/dbf-reader.ts';
import { readShp } from '../shapefile/shp-reader.ts';
import { codePageFromLabel } from '../code-pages.ts';
import { decodeText, type TextEncodingName } from '../text-encoding.ts';
import { fileNotice, type SourceLayer, type SourceRead } from './source-read.ts';

interface Bundle {
  base: string;
  parts: Map<string, ImportFile>;
}

function bundles(files: readonly ImportFile[]): Bundle[] {
  const byBase = new Map<string, Bundle>();
  for (const f of files) {
    const match = /^(.*)\.(shp|dbf|prj|cpg|shx)$/i.exec(f.name);
    if (!match) continue;
    const base = match[1]!;
    const key = base.toLowerCase();
    const bundle = byBase.get(key) ?? { base, parts: new Map() };
    bundle.parts.set(match[2]!.toLowerCase(), f);
    byBase.set(key, bundle);
  }
  return [...byBase.values()];
}

interface LayerRead {
  layer: SourceLayer;
  features: SourceFeature[];
  encoding: EncodingInfo;
  encodingNotice: string | null;
}

function readLayer(bundle: Bundle, encoding: TextEncodingName | undefined): IoResult<LayerRead> {
  const shp = bundle.parts.get('shp');
  const dbf = bundle.parts.get('dbf');
  if (!shp) return ioFail('shp_missing', `${bundle.base}.shp is missing: a Shapefile needs its .shp (geometry) beside the .dbf`, { file: `${bundle.base}.shp` });
  if (!dbf) return ioFail('dbf_missing', `${bundle.base}.dbf is missing: a Shapefile needs its .dbf (attributes) beside the .shp`, { file: `${bundle.base}.dbf` });
  let crs: SourceLayer['crs'] = null;
  const prj = bundle.parts.get('prj');
  if (prj) {
    const parsed: IoResult<CrsDefinition> = crsFromPrj(decodeText(prj.bytes, 'utf-8'), prj.name);
    if (!parsed.ok) return parsed;
    crs = { crs: parsed.value, how: 'declared' };
  }
  const cpgFile = bundle.parts.get('cpg');
  const cpg = cpgFile ? codePageFromLabel(decodeText(cpgFile.bytes, 'utf-8')) : null;
  try {
    const geometry = readShp(shp.bytes, shp.name, bundle.parts.get('shx')?.bytes);
    const table = readDbf(dbf.bytes, dbf.name, encoding, cpg);
    if (geometry.records.length !== table.records.length) {
      return ioFail('shp_dbf_mismatch', `${shp.name} has ${geometry.records.length} shapes but ${dbf.name} has ${table.records.length} records`, { file: shp.name });
    }
    const features = geometry.records.map((record, i): SourceFeature => ({
      geometry: record.geometry,
      properties: table.records[i]!,
      sourceLayer: bundle.base,
      problems: record.problem ? [{ code: record.geometry ? 'unsupported_geometry' : 'empty', severity: 'error', reason: record.problem }] : [],
    }));
    return { ok: true, value: { layer: { name: bundle.base, crs }, features, encoding: table.encoding, encodingNotice: table.notice } };
  } catch (error) {
    if (error instanceof IoError) return error.toFailure();
    throw error;
  }
}

export function readShapefile(files: readonly ImportFile[], fileName: string, encoding?: TextEncodingName): IoResult<SourceRead> {
  const found = bundles(files).filter((b) => b.parts.has('shp') || b.parts.has('dbf'));
  if (found.length === 0) return ioFail('shp_missing', 'no .shp file found', { file: fileName });
  const layers: LayerRead[] = [];
  for (const bundle of found) {
    const read = readLayer(bundle, encoding);
    if (!read.ok) return read;
    layers.push(read.value);
  }
  const notices: ImportProblem[] = [];
  if (layers.length > 1) notices.push(fileNotice('multiple_layers', `the archive holds ${layers.length} Shapefiles (${layers.map((l) => l.layer.name).join(', ')}); all are imported`));
  const noticed = layers.find((l) => l.encodingNotice !== null);
  if (noticed) notices.push(fileNotice('encoding_detected', layers.length > 1 ? `${noticed.layer.name}: ${noticed.encodingNotice!}` : noticed.encodingNotice!));
  const declared = layers.find((l) => l.encoding.how !== 'default') ?? layers[0]!;
  return {
    ok: true,
    value: {
      format: 'shapefile', fileName, layers: layers.map((l) => l.layer), features: layers.flatMap((l) => l.features),
      encoding: declared.encoding, notices,
    },
  };
}

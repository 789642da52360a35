// The export entry point: one or more layers (a selection or the whole programme) into files of
// one format. GeoJSON and CSV write a file per layer; KML one file with a Document per layer;
// Shapefile one .zip holding every layer's files.
import { ioFail, type IoResult } from '../io-result.ts';
import { zipArchive } from '../zip-archive.ts';
import { writeCoordinateTable } from './coordinate-table-export.ts';
import { exportCrs } from './export-crs.ts';
import type { ExportFile, ExportFormat, ExportLayer, ExportOptions, ExportProblem, ExportResult } from './export-types.ts';
import { writeGeojson } from './geojson-export.ts';
import { writeKml } from './kml-export.ts';
import { writeShapefileLayer } from './shapefile-export.ts';

const encoder = new TextEncoder();

/** `title` names the single-file outputs (KML, KMZ, the Shapefile zip). */
export function exportLayers(layers: readonly ExportLayer[], format: ExportFormat, options: ExportOptions = {}, title = 'fulv'): IoResult<ExportResult> {
  if (layers.length === 0 || layers.every((l) => l.features.length === 0)) return ioFail('export_empty', 'there is nothing to export');
  const crs = exportCrs(options.crs, format, layers.flatMap((l) => l.features));
  if (!crs.ok) return crs;
  const problems: ExportProblem[] = [];
  const files: ExportFile[] = [];
  if (format === 'geojson') {
    for (const layer of layers) files.push({ name: `${layer.name}.geojson`, bytes: encoder.encode(writeGeojson(layer, crs.value)), mediaType: 'application/geo+json' });
  } else if (format === 'csv') {
    for (const layer of layers) files.push({ name: `${layer.name}.csv`, bytes: encoder.encode(writeCoordinateTable(layer, crs.value, problems)), mediaType: 'text/csv' });
  } else if (format === 'kml' || format === 'kmz') {
    const kml = encoder.encode(writeKml(layers, title));
    files.push(format === 'kml'
      ? { name: `${title}.kml`, bytes: kml, mediaType: 'application/vnd.google-earth.kml+xml' }
      : { name: `${title}.kmz`, bytes: zipArchive([{ name: 'doc.kml', bytes: kml }]), mediaType: 'application/vnd.google-earth.kmz' });
  } else {
    const inner: ExportFile[] = [];
    const dbfFieldNames: Record<string, Record<string, string>> = {};
    for (const layer of layers) {
      const written = writeShapefileLayer(layer, crs.value, problems);
      if (!written.ok) return written;
      inner.push(...written.value.files);
      dbfFieldNames[layer.name] = written.value.fieldNames;
    }
    files.push({ name: `${title}.zip`, bytes: zipArchive(inner), mediaType: 'application/zip' });
    return { ok: true, value: { files, problems, dbfFieldNames } };
  }
  return { ok: true, value: { files, problems } };
}

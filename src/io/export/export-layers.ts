// The export entry point: one or more layers (a selection or the whole programme) into files of
// one format, always as one file to download: GeoJSON and CSV write one file for one layer and a
// .zip of a file per layer for several; KML one file with a Document per layer; Shapefile one
// .zip holding every layer's files. The title names that file (the app: programme, scope, date).
import { ioFail, type IoResult } from '../io-result.ts';
import { CSV_MEDIA_TYPE } from '../table/csv-text.ts';
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
  const values = options.values ?? 'codes';
  if (format === 'geojson' || format === 'csv') {
    const perLayer = layers.map((layer): ExportFile => (format === 'geojson'
      ? { name: `${layer.name}.geojson`, bytes: encoder.encode(writeGeojson(layer, crs.value, values)), mediaType: 'application/geo+json' }
      : { name: `${layer.name}.csv`, bytes: encoder.encode(writeCoordinateTable(layer, crs.value, problems, values)), mediaType: CSV_MEDIA_TYPE }));
    files.push(perLayer.length === 1
      ? { ...perLayer[0]!, name: `${title}.${format}` }
      : { name: `${title}.zip`, bytes: zipArchive(perLayer), mediaType: 'application/zip' });
  } else if (format === 'kml' || format === 'kmz') {
    const kml = encoder.encode(writeKml(layers, title, values));
    files.push(format === 'kml'
      ? { name: `${title}.kml`, bytes: kml, mediaType: 'application/vnd.google-earth.kml+xml' }
      : { name: `${title}.kmz`, bytes: zipArchive([{ name: 'doc.kml', bytes: kml }]), mediaType: 'application/vnd.google-earth.kmz' });
  } else {
    const inner: ExportFile[] = [];
    const dbfFieldNames: Record<string, Record<string, string>> = {};
    for (const layer of layers) {
      const written = writeShapefileLayer(layer, crs.value, problems, values);
      if (!written.ok) return written;
      inner.push(...written.value.files);
      dbfFieldNames[layer.name] = written.value.fieldNames;
    }
    files.push({ name: `${title}.zip`, bytes: zipArchive(inner), mediaType: 'application/zip' });
    return { ok: true, value: { files, problems, dbfFieldNames } };
  }
  return { ok: true, value: { files, problems } };
}

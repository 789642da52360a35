// Which reader a set of files goes to: by extension first, by the first bytes when the
// extension says nothing (a pasted table, a file saved as .txt).
import type { ImportFile, ImportFormat } from './import-types.ts';
import { isZip } from './zip-archive.ts';

const BY_EXTENSION: Record<string, ImportFormat> = {
  geojson: 'geojson', json: 'geojson', kml: 'kml', kmz: 'kmz', gpx: 'gpx', csv: 'coordinate_table', txt: 'coordinate_table', tsv: 'coordinate_table',
  shp: 'shapefile', dbf: 'shapefile', prj: 'shapefile', cpg: 'shapefile', shx: 'shapefile',
};

export function extensionOf(name: string): string {
  const match = /\.([^./]+)$/.exec(name);
  return match ? match[1]!.toLowerCase() : '';
}

function sniff(bytes: Uint8Array): ImportFormat | 'zip' | null {
  if (isZip(bytes)) return 'zip';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<')) return /<kml[\s>]/.test(head) ? 'kml' : /<gpx[\s>]/.test(head) ? 'gpx' : null;
  return /\d/.test(head) ? 'coordinate_table' : null;
}

/** 'zip' when the file is a zip whose content decides (Shapefile bundle or KMZ). */
export function importFormat(files: readonly ImportFile[]): ImportFormat | 'zip' | null {
  if (files.length > 1) return files.every((f) => BY_EXTENSION[extensionOf(f.name)] === 'shapefile') ? 'shapefile' : null;
  const file = files[0]!;
  const ext = extensionOf(file.name);
  if (ext === 'zip') return 'zip';
  if (ext === 'kmz') return 'kmz';
  return BY_EXTENSION[ext] ?? sniff(file.bytes);
}

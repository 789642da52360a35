// Opens an imagery file for the before/after swipe, whatever it is: the first bytes say which
// kind (sniff-imagery.ts), then its own reader checks it and serves its tiles. Every refusal has
// a code and a reason; nothing is kept of a refused file.
import type { SqlJsStatic } from 'sql.js';
import { imageryFormat, SNIFF_BYTES } from './sniff-imagery.ts';
import type { ImageryResult, OpenImagery } from './imagery-types.ts';
import { openGeotiff } from './open-geotiff.ts';
import { openMbtiles } from './open-mbtiles.ts';
import { openPmtilesImagery } from './open-pmtiles-imagery.ts';

export interface ImageryReaders {
  /** sql.js, loaded as the platform needs (its WebAssembly from the app's own files in a browser). */
  sqlJs: () => Promise<SqlJsStatic>;
}

/** `key` is unique to this opening of the file (caches are keyed by it). */
export async function openImagery(file: Blob, key: string, readers: ImageryReaders): Promise<ImageryResult<OpenImagery>> {
  const format = imageryFormat(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()), file.size);
  if (!format.ok) return format;
  switch (format.value) {
    case 'pmtiles': return openPmtilesImagery(file, key);
    case 'geotiff': return openGeotiff(file);
    case 'mbtiles': return openMbtiles(await readers.sqlJs(), new Uint8Array(await file.arrayBuffer()));
  }
}

// Zip files in and out (Shapefile bundles, KMZ), with fflate. Entries are capped by their total
// unzipped size, declared and actual, so a zip bomb is refused instead of filling memory.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { ImportFile } from './import-types.ts';
import { ioFail, type IoResult } from './io-result.ts';
import { megabytes } from './import-limits.ts';
import { decodeText, isValidUtf8 } from './text-encoding.ts';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/**
 * fflate reads names without the UTF-8 flag as Latin-1; zips made on Chinese Windows store
 * them in GBK, so 图斑.shp would show as Í¼°ß.shp. Undo that where the bytes say so.
 */
function entryName(name: string): string {
  if ([...name].some((c) => c.charCodeAt(0) > 0xff)) return name;
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  return decodeText(bytes, isValidUtf8(bytes) ? 'utf-8' : 'gbk');
}

export function unzipArchive(bytes: Uint8Array, file: string, maxUnzippedBytes: number): IoResult<ImportFile[]> {
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (info) => {
        declared += info.originalSize;
        if (declared > maxUnzippedBytes) throw new RangeError('zip bomb');
        return !info.name.endsWith('/') && !/(^|\/)__MACOSX\//.test(info.name);
      },
    });
  } catch (error) {
    if (error instanceof RangeError && error.message === 'zip bomb') {
      return ioFail('zip_too_large', `unzipped, the archive would exceed the limit of ${megabytes(maxUnzippedBytes)}`, { file });
    }
    return ioFail('zip_corrupt', `the zip archive is damaged or truncated (${error instanceof Error ? error.message : String(error)})`, { file });
  }
  const files = Object.entries(entries).map(([name, data]) => ({ name: entryName(name), bytes: data }));
  const actual = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (actual > maxUnzippedBytes) return ioFail('zip_too_large', `unzipped, the archive exceeds the limit of ${megabytes(maxUnzippedBytes)}`, { file });
  if (files.length === 0) return ioFail('zip_empty', 'the zip archive contains no files', { file });
  return { ok: true, value: files };
}

export function zipArchive(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const zippable: Zippable = {};
  // A fixed timestamp keeps exports byte-for-byte reproducible.
  for (const f of files) zippable[f.name] = [f.bytes, { mtime: new Date(Date.UTC(2020, 0, 1)) }];
  return zipSync(zippable, { level: 6 });
}

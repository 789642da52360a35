// Zip files in and out (Shapefile bundles, KMZ, backups), with fflate. A zip bomb is refused in
// seconds: the sizes the central directory declares must fit the limit, and each entry is
// inflated a slice at a time into a buffer of its declared size, stopping the moment it
// produces more than declared. A directory that lies about sizes therefore buys nothing. Each
// entry's CRC-32 is checked too (fflate's own unzip does not), so damage inside is caught.
import { Inflate, zipSync, type Zippable } from 'fflate';
import type { ImportFile } from './import-types.ts';
import { ioFail, type IoResult } from './io-result.ts';
import { megabytes } from './import-limits.ts';
import { crc32 } from '../lib/crc32.ts';
import { entryData, zipDirectory, ZipFormatError, type ZipEntry } from './zip-directory.ts';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Compressed bytes handed to the inflater at once: at deflate's 1032:1 at most ~16 MB out. */
const SLICE = 16 * 1024;

class Oversize extends Error {}

/** Inflates into exactly `entry.size` bytes, throwing Oversize the moment there would be more; checks the CRC. */
function inflateEntry(data: Uint8Array, entry: ZipEntry): Uint8Array<ArrayBuffer> {
  const out = inflated(data, entry);
  if (crc32(out) !== entry.crc) throw new ZipFormatError(`${entry.name} is damaged: its bytes do not match the CRC-32 the archive records`);
  return out;
}

function inflated(data: Uint8Array, entry: ZipEntry): Uint8Array<ArrayBuffer> {
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new ZipFormatError(`${entry.name} is stored with ${data.length} bytes but declared as ${entry.size}`);
    return data.slice();
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}; only stored and deflated entries are read`);
  const out = new Uint8Array(entry.size);
  let filled = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (filled + chunk.length > out.length) throw new Oversize();
    out.set(chunk, filled);
    filled += chunk.length;
    ended ||= final;
  });
  for (let at = 0; at < data.length && !ended; at += SLICE) inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  if (!ended) throw new ZipFormatError(`the data of ${entry.name} ends early`);
  if (filled !== entry.size) throw new ZipFormatError(`${entry.name} unpacks to ${filled} bytes but is declared as ${entry.size}`);
  return out;
}

/** A name that could land outside a folder it was unpacked into: ../x, /etc/x, C:\x. */
function unsafeName(name: string): boolean {
  return /^([/\\]|[a-z]:)/i.test(name) || name.split(/[/\\]/).includes('..');
}

export interface UnzippedFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface UnzipOptions {
  file: string;
  maxUnzippedBytes: number;
  /** Which entries to unpack (others are not inflated, nor counted); default all files. */
  accept?: (name: string) => boolean;
}

export function unzipEntries(bytes: Uint8Array, options: UnzipOptions): IoResult<UnzippedFile[]> {
  const { file, maxUnzippedBytes } = options;
  const tooLarge = (how: string) => ioFail('zip_too_large', `unzipped, the archive ${how} the limit of ${megabytes(maxUnzippedBytes)}`, { file, limit: megabytes(maxUnzippedBytes) });
  try {
    const entries = zipDirectory(bytes).filter((e) => !e.name.endsWith('/') && !/(^|\/)__MACOSX\//.test(e.name));
    const unsafe = entries.find((e) => unsafeName(e.name));
    if (unsafe) return ioFail('zip_unsafe_name', `the archive has an entry named "${unsafe.name}", which points outside the archive`, { file });
    const wanted = entries.filter((e) => options.accept?.(e.name) ?? true);
    const declared = wanted.reduce((n, e) => n + e.size, 0);
    if (declared > maxUnzippedBytes) return tooLarge('would exceed');
    const encrypted = wanted.find((e) => e.encrypted);
    if (encrypted) return ioFail('zip_corrupt', `${encrypted.name} is encrypted; Fulv reads only archives without a password`, { file });
    const files: UnzippedFile[] = [];
    for (const entry of wanted) {
      try {
        files.push({ name: entry.name, bytes: inflateEntry(entryData(bytes, entry), entry) });
      } catch (error) {
        if (error instanceof Oversize) return ioFail('zip_too_large', `${entry.name} unpacks to more than the ${entry.size.toLocaleString('en')} bytes the archive declares for it (a zip bomb or a damaged archive); refused before it could exceed the limit of ${megabytes(maxUnzippedBytes)}`, { file, limit: megabytes(maxUnzippedBytes) });
        throw error;
      }
    }
    return { ok: true, value: files };
  } catch (error) {
    return ioFail('zip_corrupt', `the zip archive is damaged or truncated (${error instanceof Error ? error.message : String(error)})`, { file });
  }
}

export function unzipArchive(bytes: Uint8Array, file: string, maxUnzippedBytes: number): IoResult<ImportFile[]> {
  const files = unzipEntries(bytes, { file, maxUnzippedBytes });
  if (files.ok && files.value.length === 0) return ioFail('zip_empty', 'the zip archive contains no files', { file });
  return files;
}

export function zipArchive(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const zippable: Zippable = {};
  // A fixed timestamp keeps exports byte-for-byte reproducible.
  for (const f of files) zippable[f.name] = [f.bytes, { mtime: new Date(Date.UTC(2020, 0, 1)) }];
  return zipSync(zippable, { level: 6 });
}

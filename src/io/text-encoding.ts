// Text in Chinese GIS files is UTF-8 or GBK (code page 936: DBFs from ArcGIS on Chinese Windows,
// CSVs saved by Excel), and files from elsewhere name other code pages (a .cpg of 1252 or BIG5).
// An encoding here is a name TextDecoder decodes (WHATWG: utf-8, gbk, big5, windows-1252…);
// code-pages.ts turns what files say into one. When nothing is said, UTF-8 and GBK are the two
// candidates: GBK text is almost never valid UTF-8, so "valid UTF-8" is a strong test; the
// converse fails (UTF-8 bytes mostly decode as GBK into mojibake such as 鍥炬枒 for 图斑).
// TextDecoder's 'gbk' is GB18030, a superset, available in browsers, Workers and Node.
import { codePageFromLabel } from './code-pages.ts';

/**
 * The encodings the import dialog offers when a file is silent or wrong: the Chinese ones first
 * (detection tells UTF-8 from GBK by itself), then what files from elsewhere use most.
 */
export const TEXT_ENCODINGS = ['utf-8', 'gbk', 'gb18030', 'big5', 'windows-1252', 'windows-1250', 'windows-1251', 'shift_jis', 'euc-kr'] as const;
/** A TextDecoder encoding name (WHATWG), as `new TextDecoder(label).encoding` gives it. */
export type TextEncodingName = string;

/** The encoding a label names (.cpg content, XML declaration, user choice), or null. */
export function encodingFromLabel(label: string): TextEncodingName | null {
  const page = codePageFromLabel(label);
  return page.known ? page.encoding : null;
}

export function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

const decoders = new Map<string, TextDecoder>();

/** Decodes, dropping a byte-order mark; invalid bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  let decoder = decoders.get(encoding);
  if (!decoder) decoders.set(encoding, (decoder = new TextDecoder(encoding)));
  return decoder.decode(bytes);
}

const strictDecoders = new Map<string, TextDecoder>();

/**
 * The text of bytes that are valid in the encoding, or null. With `mayBeCut`, the bytes may end
 * part-way through a character (a DBF field name or value cut to its width by the writer, as
 * GDAL cuts 图斑编号 to 图斑编 and the first byte of 号): that partial character is left out.
 */
export function strictText(bytes: Uint8Array, encoding: TextEncodingName, mayBeCut = false): string | null {
  let decoder = strictDecoders.get(encoding);
  if (!decoder) strictDecoders.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true })));
  try {
    return decoder.decode(bytes);
  } catch {
    if (!mayBeCut) return null;
  }
  try {
    // A fresh decoder: a stream decode holds the partial character back, for a next call.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

/** Checked a slice at a time: a whole 600 MB document is longer than a string may be. */
const UTF8_CHECK_SLICE = 4 * 1024 * 1024;

/** With `mayBeCut`, a character left unfinished at the very end does not count against it. */
export function isValidUtf8(bytes: Uint8Array, mayBeCut = false): boolean {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += UTF8_CHECK_SLICE) strict.decode(bytes.subarray(at, at + UTF8_CHECK_SLICE), { stream: true });
  } catch {
    return false;
  }
  if (mayBeCut) return true;
  try {
    strict.decode();
    return true;
  } catch {
    return false;
  }
}

/** UTF-8 when the bytes are valid UTF-8 (including plain ASCII), else GBK. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  return isValidUtf8(bytes) ? 'utf-8' : 'gbk';
}

/** A run of text to check, and whether its writer may have cut its last character. */
export interface TextPart {
  bytes: Uint8Array;
  mayBeCut: boolean;
}

/** The parts one after another, each ended by a NUL (which no multibyte character contains). */
export function joinParts(parts: readonly TextPart[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.bytes.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    joined.set(p.bytes, at);
    at += p.bytes.length + 1;
  }
  return joined;
}

/** Every part valid in the encoding; one decode of them all first, part by part only if that fails. */
export function partsValid(parts: readonly TextPart[], encoding: TextEncodingName, joined = joinParts(parts)): boolean {
  return strictText(joined, encoding) !== null || parts.every((p) => strictText(p.bytes, encoding, p.mayBeCut) !== null);
}

/**
 * Does the chosen or declared encoding misread these bytes? A UTF-8 claim on non-UTF-8 bytes
 * gives U+FFFD; any other claim on bytes that are valid UTF-8 with non-ASCII text gives mojibake
 * (text in GBK, Big5 or a Windows code page is practically never valid UTF-8); bytes that the
 * claimed code page has no character for are invalid in it.
 */
export function encodingMismatch(parts: readonly TextPart[], encoding: TextEncodingName): string | null {
  const joined = joinParts(parts);
  if (!hasNonAscii(joined)) return null;
  const valid = partsValid(parts, 'utf-8', joined);
  if (encoding === 'utf-8') return valid ? null : 'the text is not valid UTF-8 (it looks like GBK)';
  if (valid) return `the text is valid UTF-8, and read as ${encoding.toUpperCase()} it becomes mojibake`;
  if (!partsValid(parts, encoding, joined)) return `the text has bytes that are not ${encoding.toUpperCase()}`;
  return null;
}

/** A short sample of the non-ASCII text, for messages that show both readings to the user. */
export function sampleText(bytes: Uint8Array, encoding: TextEncodingName): string {
  let start = bytes.findIndex((b) => b >= 0x80);
  if (start < 0) start = 0;
  return decodeText(bytes.subarray(Math.max(0, start - 4), start + 24), encoding).replace(/\s+/g, ' ').trim();
}

/**
 * Text that was already garbled before it reached the file: GBK read as Latin-1 (Í¼°ß for 图斑),
 * GBK's rendering of U+FFFD (锟斤拷), or U+FFFD itself.
 */
export function looksLikeMojibake(text: string): boolean {
  return /\uFFFD|锟斤拷|[\u00C0-\u00FF][\u0080-\u00FF]{2,}/.test(text);
}

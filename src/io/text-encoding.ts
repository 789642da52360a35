// Text in Chinese GIS files is UTF-8 or GBK (code page 936: DBFs from ArcGIS on Chinese Windows,
// CSVs saved by Excel). GBK text is almost never valid UTF-8, so "valid UTF-8" is a strong test;
// the converse fails (UTF-8 bytes mostly decode as GBK into mojibake such as 鍥炬枒 for 图斑).
// TextDecoder's 'gbk' is GB18030, a superset, available in browsers, Workers and Node.
export const TEXT_ENCODINGS = ['utf-8', 'gbk'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

const UTF8_LABELS = new Set(['utf8', 'utf-8', '65001', 'cp65001', 'unicode']);
const GBK_LABELS = new Set(['gbk', '936', 'cp936', 'gb2312', 'gb18030', 'ansi936', 'windows936', 'ms936', 'euccn', 'x-gbk']);

/** The encoding a label names (.cpg content, XML declaration, user choice), or null. */
export function encodingFromLabel(label: string): TextEncodingName | null {
  const key = label.trim().toLowerCase().replace(/[\s_]/g, '');
  if (UTF8_LABELS.has(key)) return 'utf-8';
  if (GBK_LABELS.has(key)) return 'gbk';
  return null;
}

/** Checked a slice at a time: a whole 600 MB document is longer than a string may be. */
const UTF8_CHECK_SLICE = 4 * 1024 * 1024;

export function isValidUtf8(bytes: Uint8Array): boolean {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += UTF8_CHECK_SLICE) strict.decode(bytes.subarray(at, at + UTF8_CHECK_SLICE), { stream: true });
    strict.decode();
    return true;
  } catch {
    return false;
  }
}

export function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

const decoders: Record<TextEncodingName, TextDecoder> = {
  'utf-8': new TextDecoder('utf-8'),
  gbk: new TextDecoder('gbk'),
};

/** Decodes, dropping a byte-order mark; invalid bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  return decoders[encoding].decode(bytes);
}

/** UTF-8 when the bytes are valid UTF-8 (including plain ASCII), else GBK. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  return isValidUtf8(bytes) ? 'utf-8' : 'gbk';
}

/**
 * Does the chosen or declared encoding misread these bytes? A UTF-8 claim on non-UTF-8 bytes
 * gives U+FFFD; a GBK claim on bytes that are valid UTF-8 with non-ASCII text gives mojibake.
 */
export function encodingMismatch(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  if (!hasNonAscii(bytes)) return null;
  const valid = isValidUtf8(bytes);
  if (encoding === 'utf-8' && !valid) return 'the text is not valid UTF-8 (it looks like GBK)';
  if (encoding === 'gbk' && valid) return 'the text is valid UTF-8, and read as GBK it becomes mojibake';
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

// Decoding a whole text file (GeoJSON, CSV, KML, GPX) whose encoding may be declared, chosen by
// the user, or unknown. A declared or chosen encoding that the bytes contradict is refused with
// both readings shown, rather than imported as mojibake.
import type { EncodingInfo } from '../import-types.ts';
import { ioFail, type IoResult } from '../io-result.ts';
import { decodeText, detectEncoding, encodingMismatch, hasNonAscii, sampleText, type TextEncodingName } from '../text-encoding.ts';

export interface DecodedDocument {
  text: string;
  encoding: EncodingInfo;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function mismatchFailure(bytes: Uint8Array, encoding: TextEncodingName, how: string, problem: string, file: string) {
  const other: TextEncodingName = encoding === 'utf-8' ? 'gbk' : 'utf-8';
  return ioFail('wrong_encoding', `${how} ${encoding.toUpperCase()}, but ${problem}: read as ${encoding.toUpperCase()} it says `
    + `"${sampleText(bytes, encoding)}", as ${other.toUpperCase()} "${sampleText(bytes, other)}"; choose the encoding to import`, { file });
}

/** The encoding to read the bytes in: chosen, declared (a BOM or the file's own label) or detected. */
export function documentEncoding(
  bytes: Uint8Array,
  file: string,
  chosen: TextEncodingName | undefined,
  declared: TextEncodingName | null = null,
): IoResult<EncodingInfo> {
  const stated: { name: TextEncodingName; how: 'chosen' | 'declared' } | null = chosen
    ? { name: chosen, how: 'chosen' }
    : hasUtf8Bom(bytes) ? { name: 'utf-8', how: 'declared' } : declared ? { name: declared, how: 'declared' } : null;
  if (stated) {
    const problem = encodingMismatch([{ bytes, mayBeCut: false }], stated.name);
    if (problem) return mismatchFailure(bytes, stated.name, stated.how === 'chosen' ? 'the chosen encoding is' : 'the file declares', problem, file);
    return { ok: true, value: stated };
  }
  const name = detectEncoding(bytes);
  return { ok: true, value: { name, how: name === 'utf-8' && !hasNonAscii(bytes) ? 'default' : 'detected' } };
}

export function decodeDocument(
  bytes: Uint8Array,
  file: string,
  chosen: TextEncodingName | undefined,
  declared: TextEncodingName | null = null,
): IoResult<DecodedDocument> {
  const encoding = documentEncoding(bytes, file, chosen, declared);
  if (!encoding.ok) return encoding;
  return { ok: true, value: { text: stripBom(decodeText(bytes, encoding.value.name)), encoding: encoding.value } };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// Reading XML as a stream of events (saxes), a slice of bytes at a time, so that no DOM and no
// string of the whole document is ever held: a 50 MB KML is read in a few seconds and a few
// hundred MB of memory. The same refusals as xml-document.ts apply while reading: a DOCTYPE
// (entity expansion, "billion laughs"), nesting deeper than any real document, and more
// elements than the limit.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { EncodingInfo } from '../import-types.ts';
import { IoError, type IoResult } from '../io-result.ts';
import { documentEncoding } from '../readers/decode-document.ts';
import type { TextEncodingName } from '../text-encoding.ts';
import { declaredEncoding, type XmlLimits } from './xml-document.ts';

export interface XmlHandler {
  open(tag: SaxesTagPlain, depth: number): void;
  close(tag: SaxesTagPlain, depth: number): void;
  text(text: string, cdata: boolean): void;
}

/** Bytes decoded and parsed at once; small enough that a slice's text is a few MB. */
const SLICE = 1024 * 1024;

/**
 * Streams the document through `handler`; a handler may throw IoError to stop with a failure.
 * Returns the encoding the bytes were read in.
 */
export function streamXml(bytes: Uint8Array, file: string, limits: XmlLimits, handler: XmlHandler, chosen?: TextEncodingName): IoResult<EncodingInfo> {
  const encoding = documentEncoding(bytes, file, chosen, declaredEncoding(bytes));
  if (!encoding.ok) return encoding;
  const parser = new SaxesParser({ xmlns: false });
  let depth = 0;
  let elements = 0;
  const where = () => ({ file, line: parser.line });
  parser.on('doctype', () => {
    throw new IoError('xml_doctype', 'the file has a DOCTYPE or entity declaration, which KML and GPX never need (and an entity bomb uses)', where());
  });
  parser.on('opentag', (tag) => {
    elements++;
    if (elements > limits.maxXmlElements) throw new IoError('xml_too_many_elements', `the file has more than ${limits.maxXmlElements.toLocaleString('en')} XML elements`, where());
    depth++;
    if (depth > limits.maxXmlDepth) throw new IoError('xml_too_deep', `elements nest more than ${limits.maxXmlDepth} deep`, where());
    handler.open(tag, depth);
  });
  parser.on('closetag', (tag) => {
    handler.close(tag, depth);
    depth--;
  });
  parser.on('error', (error) => {
    // A control character in text is not XML, but @xmldom let it through and files from Excel
    // and 奥维 carry some in names: it is kept, as before. Every other error stops the read.
    if (error.message.endsWith(': disallowed character.')) return;
    throw error;
  });
  parser.on('text', (text) => handler.text(text, false));
  parser.on('cdata', (text) => handler.text(text, true));
  const decoder = new TextDecoder(encoding.value.name);
  try {
    for (let at = 0; at < bytes.length; at += SLICE) parser.write(decoder.decode(bytes.subarray(at, at + SLICE), { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof IoError) return error.toFailure();
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'xml_invalid', reason: `not well-formed XML: ${message}`, file, line: parser.line };
  }
  return encoding;
}

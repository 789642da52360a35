// Parsing GPX into a DOM safely (KML is streamed instead: xml-stream.ts). Before any DOM is
// built, one pass over the text refuses what a hostile file uses to exhaust memory or time: a
// DOCTYPE (entity expansion, "billion laughs"; KML and GPX never need one), nesting deeper than
// any real document, and element counts beyond the limit. The XML declaration's encoding is
// honoured (奥维 exports GB2312 KML and GPX).
import { DOMParser, type Document } from '@xmldom/xmldom';
import { ioFail, type IoResult } from '../io-result.ts';
import type { EncodingInfo } from '../import-types.ts';
import { decodeDocument } from '../readers/decode-document.ts';
import { encodingFromLabel, type TextEncodingName } from '../text-encoding.ts';

export interface XmlLimits {
  maxXmlDepth: number;
  maxXmlElements: number;
}

export interface ParsedXml {
  document: Document;
  encoding: EncodingInfo;
  elements: number;
}

export function declaredEncoding(bytes: Uint8Array): TextEncodingName | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head.replace(/^\uFEFF|^ï»¿/, ''));
  return match ? encodingFromLabel(match[1]!) : null;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The structural scan; returns a failure or the element count. */
function scan(text: string, file: string, limits: XmlLimits): IoResult<number> {
  let depth = 0;
  let elements = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    const next = text[i + 1];
    if (text.startsWith('<!--', i)) {
      i = text.indexOf('-->', i + 4);
      if (i < 0) break;
    } else if (text.startsWith('<![CDATA[', i)) {
      i = text.indexOf(']]>', i + 9);
      if (i < 0) break;
    } else if (next === '!') {
      return ioFail('xml_doctype', 'the file has a DOCTYPE or entity declaration, which KML and GPX never need (and an entity bomb uses)', { file, line: lineAt(text, i) });
    } else if (next === '?') {
      i = text.indexOf('?>', i + 2);
      if (i < 0) break;
    } else if (next === '/') {
      depth--;
    } else {
      elements++;
      if (elements > limits.maxXmlElements) return ioFail('xml_too_many_elements', `the file has more than ${limits.maxXmlElements.toLocaleString('en')} XML elements`, { file, line: lineAt(text, i) });
      // Find the tag's end outside quoted attribute values, to see whether it closes itself.
      let j = i + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const c = text[j]!;
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (text[j - 1] !== '/') depth++;
      if (depth > limits.maxXmlDepth) return ioFail('xml_too_deep', `elements nest more than ${limits.maxXmlDepth} deep`, { file, line: lineAt(text, i) });
      i = j;
    }
    i = text.indexOf('<', i + 1);
  }
  return { ok: true, value: elements };
}

export function parseXml(bytes: Uint8Array, file: string, limits: XmlLimits, chosen?: TextEncodingName): IoResult<ParsedXml> {
  const decoded = decodeDocument(bytes, file, chosen, declaredEncoding(bytes));
  if (!decoded.ok) return decoded;
  const { text, encoding } = decoded.value;
  const scanned = scan(text, file, limits);
  if (!scanned.ok) return scanned;
  try {
    const document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
    return { ok: true, value: { document, encoding, elements: scanned.value } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line:?\s*(\d+)/i.exec(message);
    return ioFail('xml_invalid', `not well-formed XML: ${message.split('\n')[0]}`, { file, ...(line ? { line: Number(line[1]) } : {}) });
  }
}

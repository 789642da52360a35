// A tiny text extractor for the PDFs Chromium prints (Skia's PDF backend): Flate-compressed
// content streams show glyph codes as hex strings, each font with a ToUnicode CMap (one- or
// two-byte codes). CJK glyphs shared with Kangxi radicals map to the radical (U+2F00 for 一),
// so the text is NFKC-normalised; glyphs shared with the CJK Radicals Supplement (U+2E80–2EFF),
// which has no decomposition, are mapped back by a small table of the ones Noto CJK uses.
// Enough to check what a printed page says; not a PDF library.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const pattern = /(\d+) 0 obj\s*/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0 && /^stream\r?\n/.test(body.slice(streamAt))) {
      dict = body.slice(0, streamAt);
      const dataStart = start + streamAt + (body[streamAt + 6] === '\r' ? 8 : 7);
      const dataEnd = text.lastIndexOf('endstream', end);
      const raw = pdf.subarray(dataStart, dataEnd);
      try {
        stream = /FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      } catch {
        stream = raw;
      }
    }
    objects.set(Number(match[1]), { dict, stream });
    pattern.lastIndex = end;
  }
  return objects;
}

/** Simplified-Chinese ideographs whose glyph the font shares with a CJK Radicals Supplement code point. */
const RADICALS_SUPPLEMENT: Record<string, string> = {
  '\u2EA0': '民', '\u2EC5': '见', '\u2ED3': '长', '\u2ED7': '雨', '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞',
  '\u2EE2': '马', '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEC': '齐', '\u2EEE': '齿', '\u2EF0': '龙', '\u2EF3': '龟',
};

interface Cmap {
  /** Hex digits per code: 2 or 4. */
  digits: number;
  map: Map<number, string>;
}

function hexToCodes(hex: string, digits: number): number[] {
  const clean = hex.replace(/\s/g, '');
  const codes: number[] = [];
  for (let i = 0; i + digits <= clean.length; i += digits) codes.push(parseInt(clean.slice(i, i + digits), 16));
  return codes;
}

function unicodeOf(hex: string): string {
  return String.fromCodePoint(...hexToCodes(hex, 4).filter((c) => c < 0xd800 || c > 0xdfff));
}

function readCmap(text: string): Cmap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(pair[1]!, 16), unicodeOf(pair[2]!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const [from, to] = [parseInt(range[1]!, 16), parseInt(range[2]!, 16)];
      const target = range[3]!;
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((m, i) => map.set(from + i, unicodeOf(m[1]!)));
      } else {
        const base = parseInt(target.slice(1, -1), 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCodePoint(base + code - from));
      }
    }
  }
  return { digits: space ? space[1]!.length : 4, map };
}

/** The text of every page, in content-stream order, without layout. */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, Cmap>();
  for (const [id, object] of objects) {
    const ref = /\/ToUnicode\s+(\d+) 0 R/.exec(object.dict);
    const cmap = ref ? objects.get(Number(ref[1]))?.stream : undefined;
    if (cmap) cmaps.set(id, readCmap(cmap.toString('latin1')));
  }
  const fontNames = new Map<string, number>();
  for (const object of objects.values()) {
    for (const fonts of object.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const entry of fonts[1]!.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) fontNames.set(entry[1]!, Number(entry[2]));
    }
  }
  let out = '';
  for (const object of objects.values()) {
    const content = object.stream?.toString('latin1');
    if (!content || !/\bT[Jj]\b/.test(content) || /begincmap/.test(content)) continue;
    let cmap: Cmap | undefined;
    for (const token of content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|(<[0-9A-Fa-f\s]*>|\[[^\]]*\])\s*T[Jj]/g)) {
      if (token[1]) {
        cmap = cmaps.get(fontNames.get(token[1]) ?? -1);
        continue;
      }
      for (const hex of token[2]!.matchAll(/<([0-9A-Fa-f\s]*)>/g)) out += hexToCodes(hex[1]!, cmap?.digits ?? 4).map((c) => cmap?.map.get(c) ?? '').join('');
    }
  }
  return out.normalize('NFKC').replace(/[\u2E80-\u2EFF]/g, (c) => RADICALS_SUPPLEMENT[c] ?? c);
}

/** Pages and the size of the first, in points. */
export function pdfPages(pdf: Buffer): { count: number; width: number; height: number } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page\b/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { count, width: box ? Number(box[3]) - Number(box[1]) : 0, height: box ? Number(box[4]) - Number(box[2]) : 0 };
}

// Code pages as files name them: a .cpg ("UTF-8", "1252", "CP1250", "ANSI 936", "8859_1",
// "BIG5"), the language-driver id (LDID) in byte 29 of a .dbf, an XML declaration, or the
// user. Each becomes an encoding the platform's TextDecoder decodes (WHATWG names:
// windows-1252, big5, gbk…), or stays unknown, keeping the name the file used so that the
// refusal can quote it. Nothing is ever substituted for a code page we cannot decode.

/** Windows code-page numbers whose WHATWG label is not simply `windows-N`. */
const CODE_PAGE_LABELS: Record<number, string> = {
  65001: 'utf-8', 936: 'gbk', 54936: 'gb18030', 950: 'big5', 932: 'shift_jis', 949: 'euc-kr',
  20932: 'euc-jp', 51932: 'euc-jp', 50220: 'iso-2022-jp', 866: 'ibm866', 20866: 'koi8-r', 21866: 'koi8-u',
  10000: 'macintosh', 10007: 'x-mac-cyrillic', 20127: 'us-ascii',
};

/**
 * LDID → Windows or DOS code page, as GDAL reads them (ogrshapelayer.cpp, ConvertCodePage,
 * after the dBase/ArcGIS table); 87 is ISO-8859-1.
 */
const LDID_CODE_PAGES: Record<number, number> = {
  1: 437, 2: 850, 3: 1252, 4: 10000, 8: 865, 10: 850, 11: 437, 13: 437, 14: 850, 15: 437, 16: 850,
  17: 437, 18: 850, 19: 932, 20: 850, 21: 437, 22: 850, 23: 865, 24: 437, 25: 437, 26: 850, 27: 437,
  28: 863, 29: 850, 31: 852, 34: 852, 35: 852, 36: 860, 37: 850, 38: 866, 55: 850, 64: 852, 77: 936,
  78: 949, 79: 950, 80: 874, 87: 28591, 88: 1252, 89: 1252, 100: 852, 101: 866, 102: 865, 103: 861,
  104: 895, 105: 620, 106: 737, 107: 857, 108: 863, 120: 950, 121: 949, 122: 936, 123: 932, 124: 874,
  134: 737, 135: 852, 136: 857, 150: 10007, 151: 10029, 200: 1250, 201: 1251, 202: 1254, 203: 1253, 204: 1257,
};

/** Encodings TextDecoder knows that cannot hold a DBF's or XML file's ASCII-compatible text. */
const NOT_TEXT_CODE_PAGES = new Set(['replacement', 'utf-16le', 'utf-16be', 'x-user-defined']);

export type CodePage = { known: true; encoding: string } | { known: false; name: string };

function decoderName(label: string): string | null {
  try {
    const name = new TextDecoder(label).encoding;
    return NOT_TEXT_CODE_PAGES.has(name) ? null : name;
  } catch {
    return null;
  }
}

function codePageNumber(n: number): string | null {
  if (CODE_PAGE_LABELS[n]) return decoderName(CODE_PAGE_LABELS[n]);
  if (n >= 28591 && n <= 28606) return decoderName(`iso-8859-${n - 28590}`);
  return decoderName(`windows-${n}`) ?? decoderName(`cp${n}`);
}

/** The encoding a label names (.cpg content, XML declaration, user's choice). */
export function codePageFromLabel(label: string): CodePage {
  const name = label.replace(/^\uFEFF/, '').trim();
  const key = name.toLowerCase().replace(/[\s_]/g, '');
  // "1252", "CP1252", "ANSI 1252", "Windows-936", "MS936", "IBM866"
  const numbered = /^(?:cp|ansi|windows-?|win|ms|ibm|dos)?-?(\d+)$/.exec(key);
  // "8859_1", "88591", "ISO8859-1" (GDAL's own reading of ArcGIS's .cpg values)
  const iso = /^(?:iso-?)?8859-?(\d+)$/.exec(key);
  const encoding = iso ? decoderName(`iso-8859-${iso[1]}`)
    : numbered ? codePageNumber(Number(numbered[1]))
      : key === 'unicode' ? 'utf-8' : key === 'euccn' ? 'gbk' : decoderName(name);
  return encoding ? { known: true, encoding } : { known: false, name: name || '(empty)' };
}

/** The code page a .dbf's language-driver byte names; null for 0 (none). */
export function codePageFromLdid(ldid: number): CodePage | null {
  if (ldid === 0) return null;
  const page = LDID_CODE_PAGES[ldid];
  const name = `language driver 0x${ldid.toString(16).padStart(2, '0').toUpperCase()}`;
  if (page === undefined) return { known: false, name };
  const encoding = codePageNumber(page);
  return encoding ? { known: true, encoding } : { known: false, name: `${name} (code page ${page})` };
}

// What .cpg files and LDID bytes say, as encodings. The expectations are published facts: the
// WHATWG Encoding Standard's labels (latin1 and ISO-8859-1 are windows-1252 there; cp936 is not
// a label, gbk is), Microsoft's code page identifiers (936 GBK, 950 Big5, 1250–1258, 28591–
// 28605 ISO-8859-n, 65001 UTF-8) and GDAL's LDID table (ogrshapelayer.cpp: 0x4D and 0x7A 936,
// 0x57 ISO-8859-1, 0x03 1252, 0xC8 1250, 0x4F 950, 0x01 437).
import { describe, expect, it } from 'vitest';
import { codePageFromLabel, codePageFromLdid } from '../../../src/io/code-pages.ts';

describe('code pages named by a .cpg, the user or an XML declaration', () => {
  it.each([
    ['UTF-8', 'utf-8'], ['utf8', 'utf-8'], ['65001', 'utf-8'], ['\uFEFFUTF-8\r\n', 'utf-8'],
    ['936', 'gbk'], ['CP936', 'gbk'], ['ANSI 936', 'gbk'], ['GB2312', 'gbk'], ['GBK', 'gbk'], ['GB18030', 'gb18030'],
    ['1252', 'windows-1252'], ['CP1252', 'windows-1252'], ['ANSI 1252', 'windows-1252'], ['latin1', 'windows-1252'], ['ISO-8859-1', 'windows-1252'], ['8859_1', 'windows-1252'], ['88591', 'windows-1252'],
    ['CP1250', 'windows-1250'], ['1251', 'windows-1251'], ['28592', 'iso-8859-2'], ['ISO 8859-15', 'iso-8859-15'],
    ['BIG5', 'big5'], ['950', 'big5'], ['CP950', 'big5'], ['932', 'shift_jis'], ['Shift_JIS', 'shift_jis'], ['949', 'euc-kr'], ['KOI8-R', 'koi8-r'], ['866', 'ibm866'],
  ])('%j is %s', (label, encoding) => {
    expect(codePageFromLabel(label)).toEqual({ known: true, encoding });
  });

  it.each([['CP437'], ['850'], ['IBM852'], ['UTF-16'], ['EBCDIC'], ['']])('%j is a code page TextDecoder cannot use for DBF text, kept by name', (label) => {
    expect(codePageFromLabel(label)).toEqual({ known: false, name: label.trim() || '(empty)' });
  });
});

describe('code pages named by a .dbf language-driver byte', () => {
  it.each([[0x4d, 'gbk'], [0x7a, 'gbk'], [0x57, 'windows-1252'], [0x03, 'windows-1252'], [0xc8, 'windows-1250'], [0x4f, 'big5'], [0x13, 'shift_jis']])('LDID %d is %s', (ldid, encoding) => {
    expect(codePageFromLdid(ldid)).toEqual({ known: true, encoding });
  });

  it('has none for 0, and names what it cannot decode', () => {
    expect(codePageFromLdid(0)).toBeNull();
    expect(codePageFromLdid(0x01)).toEqual({ known: false, name: 'language driver 0x01 (code page 437)' });
    expect(codePageFromLdid(0xee)).toEqual({ known: false, name: 'language driver 0xEE' });
  });
});

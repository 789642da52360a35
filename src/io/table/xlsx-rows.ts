// The first worksheet of an Excel workbook (.xlsx, Office Open XML: ECMA-376 Part 1 §18) as rows
// of text, the way delimited-rows.ts gives a CSV: shared strings (§18.4), inline strings, numbers
// and booleans as written in the cell's value. Formulas are not evaluated; their cached value is
// read, as a spreadsheet shows it. Zip and XML limits are the import's.
import type { Element } from '@xmldom/xmldom';
import { ioFail, type IoResult } from '../io-result.ts';
import { DEFAULT_IMPORT_LIMITS } from '../import-limits.ts';
import { parseXml } from '../xml/xml-document.ts';
import { unzipEntries } from '../zip-archive.ts';
import type { Row } from './delimited-rows.ts';

const all = (node: { getElementsByTagNameNS(ns: string, name: string): ArrayLike<Element> }, name: string): Element[] => Array.from(node.getElementsByTagNameNS('*', name));
const text = (element: Element): string => all(element, 't').map((t) => t.textContent ?? '').join('');

/** 'A' → 0, 'Z' → 25, 'AA' → 26. */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) if (p === '..') parts.pop(); else if (p !== '.') parts.push(p);
  return parts.join('/');
}

export function xlsxRows(bytes: Uint8Array, file: string): IoResult<Row[]> {
  const limits = DEFAULT_IMPORT_LIMITS;
  const unzipped = unzipEntries(bytes, { file, maxUnzippedBytes: limits.maxUnzippedBytes, accept: (n) => (n.startsWith('xl/') && n.endsWith('.xml')) || n.endsWith('.rels') });
  if (!unzipped.ok) return unzipped;
  const entries = new Map(unzipped.value.map((f) => [f.name, f.bytes]));
  const xml = (name: string) => {
    const found = entries.get(name);
    return found ? parseXml(found, `${file}:${name}`, limits) : null;
  };
  const workbook = xml('xl/workbook.xml');
  if (!workbook) return ioFail('unknown_format', 'not an Excel workbook (.xlsx): no xl/workbook.xml inside', { file });
  if (!workbook.ok) return workbook;
  const sheet = all(workbook.value.document, 'sheet')[0];
  if (!sheet) return ioFail('no_features', 'the workbook has no worksheet', { file });
  const relId = sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? sheet.getAttribute('r:id');
  const rels = xml('xl/_rels/workbook.xml.rels');
  let target = 'xl/worksheets/sheet1.xml';
  if (rels?.ok) {
    const rel = all(rels.value.document, 'Relationship').find((r) => r.getAttribute('Id') === relId);
    if (rel) target = resolve('xl/workbook.xml', rel.getAttribute('Target') ?? '');
  }
  const shared = xml('xl/sharedStrings.xml');
  if (shared && !shared.ok) return shared;
  const strings = shared ? all(shared.value.document, 'si').map(text) : [];
  const worksheet = xml(target);
  if (!worksheet) return ioFail('unknown_format', `the workbook's first sheet (${target}) is missing`, { file });
  if (!worksheet.ok) return worksheet;
  const rows: Row[] = [];
  for (const row of all(worksheet.value.document, 'row')) {
    const cells: string[] = [];
    for (const cell of all(row, 'c')) {
      const at = columnIndex(cell.getAttribute('r') ?? '');
      const type = cell.getAttribute('t');
      const value = all(cell, 'v')[0]?.textContent ?? '';
      const shown = type === 's' ? (strings[Number(value)] ?? '') : type === 'inlineStr' ? text(cell) : type === 'b' ? (value === '1' ? 'TRUE' : 'FALSE') : value;
      cells[at >= 0 ? at : cells.length] = shown.trim();
    }
    rows.push({ line: Number(row.getAttribute('r')) || rows.length + 1, cells: Array.from(cells, (c) => c ?? '') });
  }
  return { ok: true, value: rows };
}

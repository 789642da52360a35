// Splitting pasted or saved tables into cells: tab-separated (pasted from Excel or Word), comma
// (CSV, with RFC 4180 quotes; a full-width ， counts as a comma) or runs of spaces (typed).
export interface Row {
  /** 1-based line in the text. */
  line: number;
  cells: string[];
}

export type Delimiter = 'tab' | 'comma' | 'space';

export function detectDelimiter(lines: readonly string[]): Delimiter {
  if (lines.some((l) => l.includes('\t'))) return 'tab';
  if (lines.some((l) => l.includes(',') || l.includes('，'))) return 'comma';
  return 'space';
}

/** RFC 4180 over the whole text, so that a quoted cell may span lines (a 备注 with a line break). */
function csvRows(text: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let rowLine = 1;
  const endCell = (): void => {
    cells.push(wasQuoted ? cell : cell.trim());
    cell = '';
    wasQuoted = false;
  };
  const endRow = (): void => {
    endCell();
    rows.push({ line: rowLine, cells: cells.length === 1 && cells[0] === '' ? [] : cells });
    cells = [];
    rowLine = line;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else if (c === ',' || c === '，') endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** Rows of trimmed cells; blank lines come back as rows with no cells (they separate parcels). */
export function delimitedRows(text: string): Row[] {
  const lines = text.split(/\r\n|\r|\n/);
  const delimiter = detectDelimiter(lines);
  if (delimiter === 'comma') return csvRows(text);
  return lines.map((line, i) => {
    if (line.trim() === '') return { line: i + 1, cells: [] };
    const cells = delimiter === 'tab' ? line.split('\t') : line.trim().split(/\s+/);
    return { line: i + 1, cells: cells.map((c) => c.trim()) };
  });
}

export function parseNumber(cell: string | undefined): number | null {
  if (cell === undefined || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell)) return null;
  return Number(cell);
}

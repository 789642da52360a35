// Which column of a coordinate table (拐点坐标表) holds what. Headers are matched on a
// normalised name; a table without a header is read as `[点号,] X, Y` (two or three columns) or
// `地块, 点号, X, Y` (four). X is the northing and Y the easting, as Chinese surveys write them.
import { parseNumber, type Row } from './delimited-rows.ts';

export interface TableColumns {
  /** Index of the first data row in the rows. */
  firstRow: number;
  x: number;
  y: number;
  point: number | null;
  parcel: number | null;
  ring: number | null;
  /** The parcel column's header, under which its value is kept as an attribute. */
  parcelHeader: string | null;
  /** Other columns, kept as attributes: [index, name]. */
  attributes: [number, string][];
}

const ROLES = {
  point: ['点号', '点名', '界址点号', '拐点号', '拐点编号', '序号', '点', 'point', 'pt', 'pointno', 'no'],
  x: ['x', 'x坐标', '纵坐标', '北坐标', 'northing', 'n'],
  y: ['y', 'y坐标', '横坐标', '东坐标', 'easting', 'e'],
  parcel: ['地块编号', '地块号', '地块名称', '地块', '图斑编号', '图斑号', '图斑', '宗地号', '宗地编号', 'parcel', 'parcelid', 'polygon', 'polygonid'],
  ring: ['圈号', '环号', '圈', 'ring', 'part'],
} as const;

type Role = keyof typeof ROLES;

export function normaliseHeader(cell: string): string {
  return cell.toLowerCase().replace(/[(（][^)）]*[)）]/g, '').replace(/[\s_\-:：]/g, '');
}

function role(cell: string): Role | null {
  const key = normaliseHeader(cell);
  for (const [name, words] of Object.entries(ROLES) as [Role, readonly string[]][]) if (words.includes(key)) return name;
  return null;
}

function fromHeader(rows: readonly Row[], at: number): TableColumns | null {
  const header = rows[at]!.cells;
  const found: Partial<Record<Role, number>> = {};
  const attributes: [number, string][] = [];
  header.forEach((cell, i) => {
    const r = role(cell);
    if (r && found[r] === undefined) found[r] = i;
    else if (cell !== '') attributes.push([i, cell]);
  });
  if (found.x === undefined || found.y === undefined) return null;
  return { firstRow: at + 1, x: found.x, y: found.y, point: found.point ?? null, parcel: found.parcel ?? null, ring: found.ring ?? null, parcelHeader: found.parcel === undefined ? null : header[found.parcel]!, attributes };
}

function isDataRow(cells: readonly string[]): boolean {
  return cells.length >= 2 && parseNumber(cells.at(-1)) !== null && parseNumber(cells.at(-2)) !== null;
}

/** The columns, or null when no header names X and Y and no row looks like coordinates. */
export function tableColumns(rows: readonly Row[]): TableColumns | null {
  for (let at = 0; at < rows.length; at++) {
    const cells = rows[at]!.cells;
    if (cells.length === 0 || cells[0]!.startsWith('*')) continue;
    if (isDataRow(cells)) {
      const n = cells.length;
      if (n === 2) return { firstRow: at, x: 0, y: 1, point: null, parcel: null, ring: null, parcelHeader: null, attributes: [] };
      if (n === 3) return { firstRow: at, x: 1, y: 2, point: 0, parcel: null, ring: null, parcelHeader: null, attributes: [] };
      if (n === 4) return { firstRow: at, x: 2, y: 3, point: 1, parcel: 0, ring: null, parcelHeader: null, attributes: [] };
      return null;
    }
    const columns = fromHeader(rows, at);
    if (columns) return columns;
    // Anything else before the data is a title line (某某矿山拐点坐标表, 2000国家大地坐标系…).
  }
  return null;
}

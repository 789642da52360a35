// Coordinate tables (拐点坐标表) typed from plans or exported from survey software: numbered
// vertices, X (northing) then Y (easting). Conventions, for several parcels in one table:
//   - a parcel column (地块编号, 图斑编号, parcel…) groups rows by its value; else
//   - a blank line, or a line starting with `*`, ends a parcel (text after `*` names the next);
//   - a ring column (圈号) numbers rings; else a vertex repeating the ring's first vertex closes
//     the ring, and further vertices of the same parcel start another (a hole if inside);
//   - an unclosed ring is closed, with a notice;
//   - other columns are attributes, taken from the parcel's first row.
// The zone comes from 8-digit eastings or from the user (readImport); X/Y given the wrong way
// round (an 8-digit "X") are swapped with a notice.
import type { Position } from 'geojson';
import { assemblePolygons } from '../geometry/planar-rings.ts';
import type { AttributeValue, ImportProblem, SourceFeature, SourceProperties } from '../import-types.ts';
import { ioFail, type IoResult } from '../io-result.ts';
import type { TextEncodingName } from '../text-encoding.ts';
import { delimitedRows, parseNumber, type Row } from '../table/delimited-rows.ts';
import { tableColumns, type TableColumns } from '../table/table-columns.ts';
import { decodeDocument } from './decode-document.ts';
import { fileNotice, type SourceRead } from './source-read.ts';

/** The key under which a parcel named by a `*` line or numbered by its position is kept. */
export const TABLE_PARCEL_KEY = '地块编号';

interface Vertex {
  x: number;
  y: number;
  line: number;
  ring: string | null;
}

interface ParcelRows {
  id: string;
  idKey: string;
  vertices: Vertex[];
  attributes: SourceProperties;
  problems: SourceFeature['problems'];
}

function cellValue(cell: string | undefined): AttributeValue {
  if (cell === undefined || cell === '') return null;
  const n = parseNumber(cell);
  // Leading zeros (编号 001) are identifiers, not numbers.
  return n !== null && !/^[-+]?0\d/.test(cell) ? n : cell;
}

function groupRows(rows: readonly Row[], columns: TableColumns): ParcelRows[] {
  const parcels: ParcelRows[] = [];
  const byId = new Map<string, ParcelRows>();
  let current: ParcelRows | null = null;
  let pendingName: string | null = null;
  const start = (id: string, idKey: string): ParcelRows => {
    const parcel: ParcelRows = { id, idKey, vertices: [], attributes: {}, problems: [] };
    parcels.push(parcel);
    byId.set(id, parcel);
    return parcel;
  };
  for (const row of rows.slice(columns.firstRow)) {
    const first = row.cells[0] ?? '';
    if (row.cells.length === 0 || first.startsWith('*')) {
      if (first.startsWith('*')) pendingName = (first.slice(1) + ' ' + row.cells.slice(1).join(' ')).trim() || null;
      current = null;
      continue;
    }
    let parcel: ParcelRows;
    if (columns.parcel !== null) {
      const id = row.cells[columns.parcel] ?? '';
      parcel = byId.get(id) ?? start(id, columns.parcelHeader ?? TABLE_PARCEL_KEY);
    } else {
      current ??= start(pendingName ?? String(parcels.length + 1), TABLE_PARCEL_KEY);
      pendingName = null;
      parcel = current;
    }
    if (parcel.vertices.length === 0 && parcel.problems.length === 0) {
      for (const [i, name] of columns.attributes) parcel.attributes[name] = cellValue(row.cells[i]);
    }
    const x = parseNumber(row.cells[columns.x]);
    const y = parseNumber(row.cells[columns.y]);
    if (x === null || y === null) {
      parcel.problems.push({ code: 'bad_value', severity: 'error', reason: `line ${row.line}: X ${JSON.stringify(row.cells[columns.x] ?? '')} / Y ${JSON.stringify(row.cells[columns.y] ?? '')} is not a pair of numbers` });
      continue;
    }
    parcel.vertices.push({ x, y, line: row.line, ring: columns.ring === null ? null : (row.cells[columns.ring] ?? '') });
  }
  return parcels;
}

/** Rings of a parcel in easting/northing; closes open rings (noting it). */
function rings(parcel: ParcelRows, swap: boolean): { rings: Position[][]; closed: number } {
  const out: Position[][] = [];
  let closed = 0;
  let ring: Position[] = [];
  let ringKey: string | null = null;
  const finish = (): void => {
    if (ring.length === 0) return;
    const a = ring[0]!;
    const b = ring[ring.length - 1]!;
    if (ring.length > 1 && (a[0] !== b[0] || a[1] !== b[1])) {
      ring.push([a[0]!, a[1]!]);
      closed++;
    }
    out.push(ring);
    ring = [];
  };
  for (const v of parcel.vertices) {
    const p: Position = swap ? [v.x, v.y] : [v.y, v.x];
    if (v.ring !== null && v.ring !== ringKey) {
      finish();
      ringKey = v.ring;
    }
    ring.push(p);
    const a = ring[0]!;
    if (v.ring === null && ring.length > 3 && p[0] === a[0] && p[1] === a[1]) finish();
  }
  finish();
  return { rings: out, closed };
}

/** True when X holds eastings and Y northings: Chinese northings have 7 digits, eastings 6 or 8. */
function axesSwapped(parcels: readonly ParcelRows[]): boolean {
  const northing = (v: number): boolean => v >= 1_000_000 && v < 10_000_000;
  const all = parcels.flatMap((p) => p.vertices);
  return all.length > 0 && all.every((v) => !northing(v.x) && northing(v.y));
}

export function readCoordinateTable(bytes: Uint8Array, file: string, encoding?: TextEncodingName): IoResult<SourceRead> {
  const decoded = decodeDocument(bytes, file, encoding);
  if (!decoded.ok) return decoded;
  const rows = delimitedRows(decoded.value.text);
  const columns = tableColumns(rows);
  if (!columns) {
    return ioFail('table_no_coordinates', 'no X and Y columns found: give a header row (点号, X, Y) or rows of `[点号,] X, Y` numbers', { file });
  }
  const parcels = groupRows(rows, columns).filter((p) => p.vertices.length > 0 || p.problems.length > 0);
  if (parcels.every((p) => p.vertices.length === 0)) return ioFail('table_no_coordinates', 'the table has no rows of coordinates', { file });
  const swap = axesSwapped(parcels);
  const layer = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const features = parcels.map((parcel): SourceFeature => {
    const properties: SourceProperties = { [parcel.idKey]: cellValue(parcel.id), ...parcel.attributes };
    const problems = [...parcel.problems];
    if (problems.some((p) => p.severity === 'error')) return { geometry: null, properties, sourceLayer: layer, problems };
    const built = rings(parcel, swap);
    if (built.closed > 0) problems.push({ code: 'ring_closed', severity: 'notice', reason: `${built.closed} ring${built.closed > 1 ? 's' : ''} did not return to the first vertex and ${built.closed > 1 ? 'were' : 'was'} closed` });
    const polygons = assemblePolygons(built.rings);
    const geometry = polygons.length === 1 ? { type: 'Polygon' as const, coordinates: polygons[0]! } : { type: 'MultiPolygon' as const, coordinates: polygons };
    return { geometry, properties, sourceLayer: layer, problems };
  });
  const notices: ImportProblem[] = swap ? [fileNotice('axes_swapped', 'the X column holds eastings and Y northings (the reverse of Chinese tables); they were swapped')] : [];
  return {
    ok: true,
    value: { format: 'coordinate_table', fileName: file, layers: [{ name: layer, crs: null }], features, encoding: decoded.value.encoding, notices },
  };
}

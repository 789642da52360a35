// The .shp geometry file (ESRI Shapefile Technical Description, 1998): a 100-byte header, then
// records of one shape type. Z and M variants are read for X and Y only. Polygons arrive as a
// flat list of rings; shells and holes are told apart by containment (planar-rings.ts).
import type { Geometry, Position } from 'geojson';
import { assemblePolygons } from '../geometry/planar-rings.ts';
import { IoError } from '../io-result.ts';

const FAMILY: Record<number, 'null' | 'point' | 'line' | 'polygon' | 'multipoint' | 'multipatch'> = {
  0: 'null', 1: 'point', 11: 'point', 21: 'point', 3: 'line', 13: 'line', 23: 'line',
  5: 'polygon', 15: 'polygon', 25: 'polygon', 8: 'multipoint', 18: 'multipoint', 28: 'multipoint', 31: 'multipatch',
};

export interface ShpRecord {
  geometry: Geometry | null;
  /** Why a record could not be read as a geometry (a multipatch, a null shape). */
  problem: string | null;
}

export interface ShpContents {
  shapeType: number;
  records: ShpRecord[];
}

class Cursor {
  constructor(
    private readonly view: DataView,
    private readonly file: string,
    private readonly end: number,
  ) {}

  need(offset: number, bytes: number, what: string): void {
    if (offset + bytes > this.end) throw new IoError('shp_corrupt', `the .shp is truncated: ${what} at byte ${offset} runs past its end`, { file: this.file });
  }

  int32le(offset: number): number {
    this.need(offset, 4, 'a number');
    return this.view.getInt32(offset, true);
  }

  float64(offset: number): number {
    this.need(offset, 8, 'a coordinate');
    return this.view.getFloat64(offset, true);
  }
}

function readPoints(c: Cursor, offset: number, count: number): Position[] {
  c.need(offset, count * 16, `${count} points`);
  const out: Position[] = new Array<Position>(count);
  for (let i = 0; i < count; i++) out[i] = [c.float64(offset + 16 * i), c.float64(offset + 16 * i + 8)];
  return out;
}

function readParts(c: Cursor, offset: number, record: number): Position[][] {
  const numParts = c.int32le(offset + 32);
  const numPoints = c.int32le(offset + 36);
  if (numParts < 0 || numPoints < 0 || numParts > numPoints) throw new IoError('shp_corrupt', `record ${record} claims ${numParts} parts and ${numPoints} points`);
  const starts: number[] = [];
  for (let k = 0; k < numParts; k++) starts.push(c.int32le(offset + 40 + 4 * k));
  const points = readPoints(c, offset + 40 + 4 * numParts, numPoints);
  return starts.map((s, k) => {
    const e = k + 1 < starts.length ? starts[k + 1]! : numPoints;
    if (s < 0 || e > numPoints || s > e) throw new IoError('shp_corrupt', `record ${record} has a part outside its points`);
    return points.slice(s, e);
  });
}

function readShape(c: Cursor, offset: number, record: number): ShpRecord {
  const type = c.int32le(offset);
  const family = FAMILY[type];
  if (family === 'null') return { geometry: null, problem: 'null shape (no geometry)' };
  if (family === undefined) throw new IoError('shp_corrupt', `record ${record} has unknown shape type ${type}`);
  if (family === 'multipatch') return { geometry: null, problem: 'a MultiPatch (3D surface), which Fulv does not read' };
  if (family === 'point') return { geometry: { type: 'Point', coordinates: [c.float64(offset + 4), c.float64(offset + 12)] }, problem: null };
  if (family === 'multipoint') {
    const n = c.int32le(offset + 36);
    if (n < 0) throw new IoError('shp_corrupt', `record ${record} claims ${n} points`);
    return { geometry: { type: 'MultiPoint', coordinates: readPoints(c, offset + 40, n) }, problem: null };
  }
  const parts = readParts(c, offset + 4, record);
  if (parts.length === 0) return { geometry: null, problem: 'a shape with no parts' };
  if (family === 'line') {
    return { geometry: parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts }, problem: null };
  }
  const polygons = assemblePolygons(parts);
  return { geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons }, problem: null };
}

/**
 * Record offsets from the .shx, when it agrees with the .shp: its header, and every entry's
 * offset and length matching the record header it points at. Null otherwise.
 */
function shxOffsets(shx: Uint8Array | undefined, view: DataView, end: number): number[] | null {
  if (!shx || shx.length < 100 || (shx.length - 100) % 8 !== 0) return null;
  const index = new DataView(shx.buffer, shx.byteOffset, shx.byteLength);
  if (index.getInt32(0, false) !== 9994) return null;
  const offsets: number[] = [];
  for (let at = 100; at < shx.length; at += 8) {
    const offset = index.getInt32(at, false) * 2;
    const length = index.getInt32(at + 4, false) * 2;
    if (offset < 100 || length < 4 || offset + 8 + length > end || view.getInt32(offset + 4, false) * 2 !== length) return null;
    offsets.push(offset);
  }
  return offsets;
}

/** Record offsets found by walking the .shp; zeros after the last record (padding) end it. */
function sequentialOffsets(bytes: Uint8Array, view: DataView, end: number, file: string): number[] {
  const offsets: number[] = [];
  let offset = 100;
  while (offset + 8 <= end) {
    if (bytes.subarray(offset, end).every((b) => b === 0)) break;
    const length = view.getInt32(offset + 4, false) * 2;
    if (length < 4 || offset + 8 + length > end) throw new IoError('shp_corrupt', `record ${offsets.length + 1} at byte ${offset} runs past the end of the .shp`, { file });
    offsets.push(offset);
    offset += 8 + length;
  }
  return offsets;
}

export function readShp(bytes: Uint8Array, file: string, shx?: Uint8Array): ShpContents {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 100 || view.getInt32(0, false) !== 9994) throw new IoError('shp_corrupt', 'not a .shp file (no 9994 file code in its header)', { file });
  const declared = view.getInt32(24, false) * 2;
  if (declared > bytes.length) throw new IoError('shp_corrupt', `the .shp is truncated: its header says ${declared} bytes, the file has ${bytes.length}`, { file });
  const shapeType = view.getInt32(32, true);
  const c = new Cursor(view, file, declared);
  const offsets = shxOffsets(shx, view, declared) ?? sequentialOffsets(bytes, view, declared, file);
  const records = offsets.map((offset, i): ShpRecord => {
    try {
      return readShape(c, offset + 8, i + 1);
    } catch (error) {
      if (error instanceof IoError && !error.where.file) throw new IoError(error.code, error.message, { file });
      throw error;
    }
  });
  return { shapeType, records };
}

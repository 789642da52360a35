// GeoPackageBinary geometry blobs (OGC GeoPackage 1.3, clause 2.1.3): a "GP" header with the
// SRS id and an x/y envelope, then ISO WKB. Written little-endian; read in either byte order,
// every count checked against the bytes left, so a lying count cannot allocate more than the file.
import type { Geometry, Position } from 'geojson';

/** The geometry kinds a programme holds (GeometryCollection has no place in it). */
export type ArchiveGeometry = Exclude<Geometry, { type: 'GeometryCollection' }>;

const WKB_TYPES = { Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6 } as const;
type WkbName = keyof typeof WKB_TYPES;
const WKB_NAMES = Object.fromEntries(Object.entries(WKB_TYPES).map(([name, code]) => [code, name])) as Record<number, WkbName>;
/** ISO WKB adds 1000 to the type code of a geometry with z. */
const ISO_Z = 1000;

export class GeometryBlobError extends Error {}

function positionsOf(geometry: ArchiveGeometry): Position[] {
  switch (geometry.type) {
    case 'Point': return geometry.coordinates.length > 0 ? [geometry.coordinates] : [];
    case 'LineString': case 'MultiPoint': return geometry.coordinates;
    case 'Polygon': case 'MultiLineString': return geometry.coordinates.flat();
    case 'MultiPolygon': return geometry.coordinates.flat(2);
  }
}

/** [minX, maxX, minY, maxY], the order of the GeoPackage envelope; null for an empty geometry. */
export function envelopeOf(geometry: ArchiveGeometry): [number, number, number, number] | null {
  const positions = positionsOf(geometry);
  if (positions.length === 0) return null;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of positions as [number, number][]) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, maxX, minY, maxY];
}

/** Little-endian bytes, growing as written. */
class Writer {
  private bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  private at = 0;
  private room(n: number) {
    if (this.at + n <= this.bytes.byteLength) return;
    const grown = new Uint8Array(Math.max(this.bytes.byteLength * 2, this.at + n));
    grown.set(this.bytes);
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }
  u8(v: number) { this.room(1); this.view.setUint8(this.at, v); this.at += 1; }
  u32(v: number) { this.room(4); this.view.setUint32(this.at, v, true); this.at += 4; }
  f64(v: number) { this.room(8); this.view.setFloat64(this.at, v, true); this.at += 8; }
  written(): Uint8Array { return this.bytes.slice(0, this.at); }
}

function writeWkb(w: Writer, geometry: ArchiveGeometry, hasZ: boolean): void {
  w.u8(1);
  w.u32(WKB_TYPES[geometry.type] + (hasZ ? ISO_Z : 0));
  const point = (p: Position) => {
    w.f64(p[0]!);
    w.f64(p[1]!);
    if (hasZ) w.f64(p[2] ?? 0);
  };
  const line = (ps: Position[]) => { w.u32(ps.length); ps.forEach(point); };
  const polygon = (rings: Position[][]) => { w.u32(rings.length); rings.forEach(line); };
  switch (geometry.type) {
    case 'Point':
      // An empty point is NaN, NaN in WKB (GeoPackage 1.3, clause 2.1.3.1.1).
      if (geometry.coordinates.length === 0) point(hasZ ? [NaN, NaN, NaN] : [NaN, NaN]);
      else point(geometry.coordinates);
      return;
    case 'LineString': return line(geometry.coordinates);
    case 'Polygon': return polygon(geometry.coordinates);
    case 'MultiPoint':
      w.u32(geometry.coordinates.length);
      for (const p of geometry.coordinates) writeWkb(w, { type: 'Point', coordinates: p }, hasZ);
      return;
    case 'MultiLineString':
      w.u32(geometry.coordinates.length);
      for (const l of geometry.coordinates) writeWkb(w, { type: 'LineString', coordinates: l }, hasZ);
      return;
    case 'MultiPolygon':
      w.u32(geometry.coordinates.length);
      for (const p of geometry.coordinates) writeWkb(w, { type: 'Polygon', coordinates: p }, hasZ);
      return;
  }
}

/** The GeoPackageBinary blob of a geometry: header (version 0, little-endian, x/y envelope) and WKB. */
export function geometryBlob(geometry: ArchiveGeometry, srsId: number): Uint8Array {
  const envelope = envelopeOf(geometry);
  const hasZ = positionsOf(geometry).some((p) => p.length > 2);
  const w = new Writer();
  w.u8(0x47);
  w.u8(0x50);
  w.u8(0);
  // Flags: bit 0 little-endian, bits 1–3 envelope kind (1: x/y), bit 4 empty geometry.
  w.u8(envelope ? 0b0000_0011 : 0b0001_0001);
  w.u32(srsId);
  if (envelope) envelope.forEach((v) => w.f64(v));
  writeWkb(w, geometry, hasZ);
  return w.written();
}

const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8];

class Reader {
  at = 0;
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number, what: string) {
    if (this.at + n > this.bytes.byteLength) throw new GeometryBlobError(`the blob ends inside ${what} (byte ${this.at} of ${this.bytes.byteLength})`);
  }
  u8(what: string): number { this.need(1, what); return this.view.getUint8(this.at++); }
  u32(little: boolean, what: string): number { this.need(4, what); const v = this.view.getUint32(this.at, little); this.at += 4; return v; }
  i32(little: boolean, what: string): number { this.need(4, what); const v = this.view.getInt32(this.at, little); this.at += 4; return v; }
  f64(little: boolean, what: string): number { this.need(8, what); const v = this.view.getFloat64(this.at, little); this.at += 8; return v; }
}

/** Counts vertices across blobs, so that one limit covers the whole archive. */
export interface VertexBudget {
  left: number;
}

function readCount(r: Reader, little: boolean, minBytesEach: number, what: string): number {
  const n = r.u32(little, `the number of ${what}`);
  if (n * minBytesEach > r.bytes.byteLength - r.at) throw new GeometryBlobError(`it claims ${n} ${what}, more than its ${r.bytes.byteLength} bytes can hold`);
  return n;
}

function readWkb(r: Reader, budget: VertexBudget, inside: WkbName | null): ArchiveGeometry {
  const order = r.u8('the WKB byte order');
  if (order > 1) throw new GeometryBlobError(`the WKB byte order is ${order}, neither 0 (big-endian) nor 1 (little-endian)`);
  const little = order === 1;
  const code = r.u32(little, 'the WKB geometry type');
  const dims = Math.floor(code / 1000);
  const name = WKB_NAMES[code % 1000];
  if (!name || code > 3999) throw new GeometryBlobError(`WKB geometry type ${code} is not a point, line or polygon (collections and curves have no place in a programme)`);
  if (dims === 2 || dims === 3) throw new GeometryBlobError(`the geometry has M values (WKB type ${code}); a programme holds x/y or x/y/z coordinates`);
  const hasZ = dims === 1;
  const size = hasZ ? 24 : 16;
  if (inside) {
    const expected = inside === 'MultiPoint' ? 'Point' : inside === 'MultiLineString' ? 'LineString' : 'Polygon';
    if (name !== expected) throw new GeometryBlobError(`a ${inside} holds a ${name}`);
  }
  const point = (): Position => {
    if (--budget.left < 0) throw new GeometryBlobError('too many vertices');
    const p = [r.f64(little, 'a coordinate'), r.f64(little, 'a coordinate')];
    if (hasZ) p.push(r.f64(little, 'a coordinate'));
    return p;
  };
  const finite = (p: Position): Position => {
    if (!p.every(Number.isFinite)) throw new GeometryBlobError(`a coordinate is not a finite number (${p.join(', ')})`);
    return p;
  };
  const line = () => Array.from({ length: readCount(r, little, size, 'vertices') }, () => finite(point()));
  const rings = () => Array.from({ length: readCount(r, little, 4, 'rings') }, line);
  switch (name) {
    case 'Point': {
      const p = point();
      return { type: 'Point', coordinates: p.every(Number.isNaN) ? [] : finite(p) };
    }
    case 'LineString': return { type: 'LineString', coordinates: line() };
    case 'Polygon': return { type: 'Polygon', coordinates: rings() };
    case 'MultiPoint': case 'MultiLineString': case 'MultiPolygon': {
      const parts = Array.from({ length: readCount(r, little, 9, 'parts') }, () => readWkb(r, budget, name));
      return { type: name, coordinates: parts.map((p) => p.coordinates) } as ArchiveGeometry;
    }
  }
}

/** The geometry of a GeoPackageBinary blob and the SRS id in its header. */
export function readGeometryBlob(bytes: Uint8Array, budget: VertexBudget): { srsId: number; geometry: ArchiveGeometry } {
  const r = new Reader(bytes);
  if (r.u8('the header') !== 0x47 || r.u8('the header') !== 0x50) throw new GeometryBlobError('it does not start with "GP" (not GeoPackageBinary)');
  const version = r.u8('the header');
  if (version !== 0) throw new GeometryBlobError(`its GeoPackageBinary version is ${version}, not 0`);
  const flags = r.u8('the header');
  if (flags & 0b0010_0000) throw new GeometryBlobError('it is an extended GeoPackage geometry, which a programme does not use');
  const little = (flags & 1) === 1;
  const envelopeKind = (flags >> 1) & 0b111;
  const doubles = ENVELOPE_DOUBLES[envelopeKind];
  if (doubles === undefined) throw new GeometryBlobError(`its envelope kind is ${envelopeKind}, not 0–4`);
  const srsId = r.i32(little, 'the header');
  r.need(doubles * 8, 'the envelope');
  r.at += doubles * 8;
  const geometry = readWkb(r, budget, null);
  if (r.at !== bytes.byteLength) throw new GeometryBlobError(`${bytes.byteLength - r.at} bytes follow the geometry`);
  return { srsId, geometry };
}

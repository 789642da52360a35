// Features packed for postMessage: every coordinate in one Float64Array and the shape of every
// geometry (how many parts, rings and positions) in one Uint32Array, both transferred rather
// than copied. Structured clone walks each coordinate pair as an object of its own: at 50,000
// parcels that held the page for 0.7 s on every start.
// Properties travel as they are. A geometry that is not plain 2-D GeoJSON (a third coordinate,
// a non-number, a GeometryCollection, a malformed value) travels untouched, for the analysis to
// judge exactly as it would have.
import type { InputFeature } from '../domain/analysis-types.ts';

export interface PackedFeatures {
  /** Per feature: a geometry code, then its counts (see pack below). */
  structure: Uint32Array;
  coords: Float64Array;
  ids: unknown[];
  properties: (object | null | undefined)[];
  /** Geometries sent as they are, in order of the features coded UNPACKED. */
  unpacked: unknown[];
}

const UNPACKED = 0;
const NONE = 1;
const CODES = { Point: 2, MultiPoint: 3, LineString: 4, MultiLineString: 5, Polygon: 6, MultiPolygon: 7 } as const;
type PackedType = keyof typeof CODES;
const TYPES = Object.fromEntries(Object.entries(CODES).map(([type, code]) => [code, type])) as Record<number, PackedType>;
/** How deep the coordinates of each type nest, down to a position. */
const DEPTH: Record<PackedType, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

function isPosition(p: unknown): p is [number, number] {
  return Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
}

function packable(coordinates: unknown, depth: number): boolean {
  if (depth === 0) return isPosition(coordinates);
  return Array.isArray(coordinates) && coordinates.every((c) => packable(c, depth - 1));
}

function packCoordinates(coordinates: unknown, depth: number, structure: number[], coords: number[]): void {
  if (depth === 0) {
    const [x, y] = coordinates as [number, number];
    coords.push(x, y);
    return;
  }
  const parts = coordinates as unknown[];
  structure.push(parts.length);
  for (const part of parts) packCoordinates(part, depth - 1, structure, coords);
}

class Packer {
  private readonly structure: number[] = [];
  private readonly coords: number[] = [];
  private readonly packed: PackedFeatures = { structure: new Uint32Array(0), coords: new Float64Array(0), ids: [], properties: [], unpacked: [] };

  add(feature: InputFeature): void {
    const { packed, structure } = this;
    packed.ids.push(feature.id);
    packed.properties.push(feature.properties);
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    if (geometry === null || geometry === undefined) {
      structure.push(NONE);
      return;
    }
    const type = typeof geometry === 'object' && typeof geometry.type === 'string' && Object.hasOwn(CODES, geometry.type) ? geometry.type as PackedType : null;
    if (type === null || !packable(geometry.coordinates, DEPTH[type])) {
      structure.push(UNPACKED);
      packed.unpacked.push(geometry);
      return;
    }
    structure.push(CODES[type]);
    packCoordinates(geometry.coordinates, DEPTH[type], structure, this.coords);
  }

  finish(): PackedFeatures {
    this.packed.structure = Uint32Array.from(this.structure);
    this.packed.coords = Float64Array.from(this.coords);
    return this.packed;
  }
}

export function packFeatures(features: readonly InputFeature[]): PackedFeatures {
  const packer = new Packer();
  for (const feature of features) packer.add(feature);
  return packer.finish();
}

/** Features packed between two pauses: a few tens of milliseconds of the main thread. */
export const PACK_SLICE = 2000;

/**
 * packFeatures in slices, with `pause` between them (a macrotask), so packing 50,000 parcels
 * does not hold the page for a second in one task.
 */
export async function packFeaturesInSlices(features: readonly InputFeature[], pause: () => Promise<void>, slice = PACK_SLICE): Promise<PackedFeatures> {
  const packer = new Packer();
  for (let i = 0; i < features.length; i++) {
    if (i > 0 && i % slice === 0) await pause();
    packer.add(features[i]!);
  }
  return packer.finish();
}

/** The buffers to transfer with the message (the packed object must not be used after). */
export function packedBuffers(...packed: PackedFeatures[]): ArrayBuffer[] {
  return packed.flatMap((p) => [p.structure.buffer as ArrayBuffer, p.coords.buffer as ArrayBuffer]);
}

export function unpackFeatures(packed: PackedFeatures): InputFeature[] {
  const { structure, coords } = packed;
  let s = 0;
  let c = 0;
  let u = 0;
  const read = (depth: number): unknown => {
    if (depth === 0) {
      const position = [coords[c]!, coords[c + 1]!];
      c += 2;
      return position;
    }
    const n = structure[s++]!;
    const parts = new Array<unknown>(n);
    for (let i = 0; i < n; i++) parts[i] = read(depth - 1);
    return parts;
  };
  return packed.properties.map((properties, i) => {
    const code = structure[s++]!;
    let geometry: unknown = null;
    if (code === UNPACKED) geometry = packed.unpacked[u++];
    else if (code !== NONE) {
      const type = TYPES[code]!;
      geometry = { type, coordinates: read(DEPTH[type]) };
    }
    const id = packed.ids[i];
    return { type: 'Feature', ...(id === undefined ? {} : { id }), properties, geometry };
  });
}

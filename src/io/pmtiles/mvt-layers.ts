// The layer names and geometry kinds in one Mapbox Vector Tile, read straight from its protobuf
// (tile.layers = 3; layer.name = 1, layer.features = 2; feature.type = 3). Used to style an
// archive whose metadata does not list its layers, and as a check that a tile decodes at all.
import type { VectorGeometry, VectorLayerInfo } from './pmtiles-types.ts';

const GEOMETRY: Record<number, VectorGeometry> = { 1: 'point', 2: 'line', 3: 'polygon' };

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array, readonly end = bytes.length) {}

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.end) throw new Error('varint runs past the end');
      const b = this.bytes[this.pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
      if (shift > 63) throw new Error('varint too long');
    }
  }

  /** Skips a field's value of the given wire type; returns the sub-range for length-delimited ones. */
  skip(wire: number): [number, number] | null {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 5) this.pos += 4;
    else if (wire === 2) {
      const length = this.varint();
      const start = this.pos;
      this.pos += length;
      if (this.pos > this.end) throw new Error('field runs past the end');
      return [start, this.pos];
    } else throw new Error(`unknown wire type ${wire}`);
    if (this.pos > this.end) throw new Error('field runs past the end');
    return null;
  }
}

function featureType(bytes: Uint8Array, start: number, end: number): VectorGeometry | null {
  const r = new Reader(bytes, end);
  r.pos = start;
  while (r.pos < end) {
    const tag = r.varint();
    if (tag >>> 3 === 3 && (tag & 7) === 0) return GEOMETRY[r.varint()] ?? null;
    r.skip(tag & 7);
  }
  return null;
}

function layer(bytes: Uint8Array, start: number, end: number): VectorLayerInfo {
  const r = new Reader(bytes, end);
  r.pos = start;
  let id = '';
  const kinds = new Set<VectorGeometry>();
  while (r.pos < end) {
    const tag = r.varint();
    const range = r.skip(tag & 7);
    if (!range) continue;
    if (tag >>> 3 === 1) id = new TextDecoder().decode(bytes.subarray(range[0], range[1]));
    else if (tag >>> 3 === 2) {
      const kind = featureType(bytes, range[0], range[1]);
      if (kind) kinds.add(kind);
    }
  }
  if (!id) throw new Error('a layer has no name');
  return { id, geometry: [...kinds] };
}

/** Throws when the bytes are not a vector tile. */
export function mvtLayers(tile: Uint8Array): VectorLayerInfo[] {
  const r = new Reader(tile);
  const layers: VectorLayerInfo[] = [];
  while (r.pos < tile.length) {
    const tag = r.varint();
    const range = r.skip(tag & 7);
    if (tag >>> 3 === 3 && range) layers.push(layer(tile, range[0], range[1]));
  }
  return layers;
}

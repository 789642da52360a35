// Small read-outs of a GEOS geometry that go through an out-parameter on the GEOS heap.
import type { BBox } from '../packed-geometry.ts';
import type { Geos } from './geos-loader.ts';
import type { GeosPtr } from './geos-geometry.ts';

const outByGeos = new WeakMap<Geos, number>();

function outDoubles(geos: Geos): number {
  let ptr = outByGeos.get(geos);
  if (ptr === undefined) {
    ptr = geos.Module._malloc(4 * 8);
    outByGeos.set(geos, ptr);
  }
  return ptr;
}

export function geosExtent(geos: Geos, geometry: GeosPtr): BBox {
  const ptr = outDoubles(geos);
  geos.GEOSGeom_getExtent(geometry, ptr, ptr + 8, ptr + 16, ptr + 24);
  const heap = geos.Module.HEAPF64;
  const i = ptr / 8;
  return [heap[i]!, heap[i + 1]!, heap[i + 2]!, heap[i + 3]!];
}

/** Area in square degrees: only for comparing a tile with its own rectangle. */
export function geosPlanarArea(geos: Geos, geometry: GeosPtr): number {
  const ptr = outDoubles(geos);
  geos.GEOSArea(geometry, ptr);
  return geos.Module.HEAPF64[ptr / 8]!;
}

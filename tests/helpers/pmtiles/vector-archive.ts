// A vector PMTiles archive cut from GeoJSON by the tests themselves: each named collection is a
// layer, geojson-vt cuts every zoom's tiles over the features' extent, vt-pbf encodes them as
// Mapbox Vector Tiles (gzipped, as tippecanoe writes them), pack-pmtiles.ts packs them.
import { gzipSync } from 'node:zlib';
import GeoJSONVT from 'geojson-vt';
import type { FeatureCollection } from 'geojson';
import { fromGeojsonVt } from 'vt-pbf';
import { packPmtiles, type PackTile } from './pack-pmtiles.ts';

function lonToX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}
function latToY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

export function vectorArchive(layers: Record<string, FeatureCollection>, bounds: [number, number, number, number], zooms: [number, number], name = 'test basemap'): Uint8Array<ArrayBuffer> {
  const indexes = Object.entries(layers).map(([id, fc]) => [id, new GeoJSONVT(fc, { maxZoom: zooms[1], indexMaxZoom: zooms[1], buffer: 64 })] as const);
  const tiles: PackTile[] = [];
  for (let z = zooms[0]; z <= zooms[1]; z++) {
    for (let x = lonToX(bounds[0], z); x <= lonToX(bounds[2], z); x++) {
      for (let y = latToY(bounds[3], z); y <= latToY(bounds[1], z); y++) {
        const tileLayers: Record<string, { features: readonly unknown[] }> = {};
        for (const [id, index] of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) tileLayers[id] = tile;
        }
        if (Object.keys(tileLayers).length === 0) continue;
        tiles.push({ z, x, y, data: new Uint8Array(gzipSync(fromGeojsonVt(tileLayers, { version: 2 }))) });
      }
    }
  }
  return packPmtiles(tiles, {
    tileType: 'mvt',
    tileCompression: 'gzip',
    bounds,
    metadata: { name, attribution: 'Fulv tests', vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })) },
  });
}

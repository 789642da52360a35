// Checks that a file is a PMTiles v3 archive Fulv can draw, before it is stored: the header
// (pmtiles-header.ts), the root directory and metadata as the pmtiles library reads them, and one
// tile near the archive's centre decoded (image signature, or vector tile layers). Reads a few
// ranges of the file, never all of it.
import { PMTiles, TileType } from 'pmtiles';
import { BlobSource } from './blob-source.ts';
import { imageSignature, imageWidth } from './image-size.ts';
import { mvtLayers } from './mvt-layers.ts';
import { checkHeader, isRawHeader, ROOT_LIMIT, tileFormat, type RawHeader } from './pmtiles-header.ts';
import { pmtilesProblem, type PmtilesCheck, type VectorGeometry, type VectorLayerInfo } from './pmtiles-types.ts';

function tileAt(lon: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const clampedLat = Math.max(-85.0511, Math.min(85.0511, lat));
  const x = Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const r = (clampedLat * Math.PI) / 180;
  const y = Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)));
  return [z, x, y];
}

function metadataLayers(metadata: unknown): VectorLayerInfo[] {
  if (typeof metadata !== 'object' || metadata === null) return [];
  const { vector_layers: layers, tilestats } = metadata as { vector_layers?: unknown; tilestats?: { layers?: unknown } };
  if (!Array.isArray(layers)) return [];
  // tippecanoe's tilestats say which geometry each layer holds.
  const stats = new Map<string, VectorGeometry[]>();
  if (tilestats && Array.isArray(tilestats.layers)) {
    for (const s of tilestats.layers as { layer?: unknown; geometry?: unknown }[]) {
      const g = String(s.geometry ?? '').toLowerCase();
      const kind: VectorGeometry | null = g.includes('polygon') ? 'polygon' : g.includes('line') ? 'line' : g.includes('point') ? 'point' : null;
      if (typeof s.layer === 'string' && kind) stats.set(s.layer, [kind]);
    }
  }
  return layers.flatMap((l: { id?: unknown }) => (typeof l?.id === 'string' ? [{ id: l.id, geometry: stats.get(l.id) ?? [] }] : []));
}

function text(metadata: unknown, key: string): string | null {
  const value = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A tile near the centre at the archive's centre zoom, or failing that at its lowest zoom. */
async function sampleTile(archive: PMTiles, header: RawHeader): Promise<Uint8Array | null> {
  const [lon, lat] = header.center;
  const zooms = [...new Set([Math.min(header.maxZoom, Math.max(header.minZoom, header.centerZoom)), header.minZoom])];
  for (const z of zooms) {
    const tile = await archive.getZxy(...tileAt(lon, lat, z));
    if (tile) return new Uint8Array(tile.data);
  }
  return null;
}

export async function checkPmtiles(file: Blob): Promise<PmtilesCheck> {
  const head = await file.slice(0, Math.min(file.size, ROOT_LIMIT)).arrayBuffer();
  const header = checkHeader(head, file.size);
  if (!isRawHeader(header)) return header;
  if (header.tileDataLength === 0) return pmtilesProblem('no_tiles', 'The archive holds no tiles.');
  const archive = new PMTiles(new BlobSource(file, 'checking'));
  try {
    const parsed = await archive.getHeader();
    if (parsed.tileType === TileType.Unknown) return pmtilesProblem('unsupported_tile_type', 'The archive does not say what its tiles are.');
  } catch (error) {
    return pmtilesProblem('bad_directory', `The root directory cannot be read: ${(error as Error).message}`);
  }
  let metadata: unknown = null;
  if (header.metadataLength > 0) {
    try {
      metadata = await archive.getMetadata();
    } catch (error) {
      return pmtilesProblem('bad_metadata', `The metadata is not readable JSON: ${(error as Error).message}`);
    }
  }
  const format = tileFormat(header.tileType)!;
  let sample: Uint8Array | null;
  try {
    sample = await sampleTile(archive, header);
  } catch (error) {
    return pmtilesProblem('bad_tile', `A tile cannot be read: ${(error as Error).message}`);
  }
  let vectorLayers = format === 'mvt' ? metadataLayers(metadata) : [];
  if (sample && sample.length > 0) {
    if (format === 'mvt') {
      try {
        const found = mvtLayers(sample);
        if (vectorLayers.length === 0) vectorLayers = found;
        else vectorLayers = vectorLayers.map((l) => (l.geometry.length > 0 ? l : { ...l, geometry: found.find((f) => f.id === l.id)?.geometry ?? [] }));
      } catch (error) {
        return pmtilesProblem('bad_tile', `A tile is not a vector tile: ${(error as Error).message}`);
      }
    } else if (imageSignature(sample) !== format) {
      return pmtilesProblem('bad_tile', `A tile is not a ${format.toUpperCase()} image.`);
    }
  }
  return {
    ok: true,
    value: {
      kind: format === 'mvt' ? 'vector' : 'raster',
      format,
      minZoom: header.minZoom,
      maxZoom: header.maxZoom,
      bounds: header.bounds,
      center: header.center,
      name: text(metadata, 'name'),
      attribution: text(metadata, 'attribution'),
      vectorLayers,
      tileSize: format === 'mvt' ? 512 : (sample && imageWidth(sample)) || 256,
      tileCount: header.addressedTiles,
      bytes: file.size,
    },
  };
}

// The current value of one thing a device syncs — a treated polygon, a photo, an acceptance
// record, the targets, the buffer distances, a reference feature — with its revision and who
// last changed it, as a pull delivers it and as a conflict shows the server's version.
import type { Pool, PoolClient } from 'pg';
import { TARGETS_ID } from '../store/edit.ts';
import type { PulledChange, ServerVersion } from '../store/sync-protocol.ts';
import { photoSlot } from './photo-rows.ts';
import { reviewSlot } from './review-rows.ts';
import { treatedSlot } from './treated-rows.ts';

type Db = Pool | PoolClient;
export type SyncLayer = PulledChange['layer'];

export const BUFFER_DISTANCES_ID = 'buffer-distances';

/** change_log's layer (a table name) and feature id → the layer and id a device knows. */
export function syncTarget(programmeId: string, table: string, featureId: string): { layer: SyncLayer; id: string } | null {
  switch (table) {
    case 'treated': case 'photos': case 'reviews': case 'parcels': case 'zones': case 'mines': case 'townships':
      return { layer: table, id: featureId };
    case 'targets':
      return { layer: 'targets', id: TARGETS_ID };
    case 'programmes':
      return featureId === programmeId ? { layer: 'settings', id: BUFFER_DISTANCES_ID } : null;
    default:
      return null;
  }
}

const TABLE: Record<SyncLayer, string> = {
  treated: 'treated', photos: 'photos', reviews: 'reviews', targets: 'targets', settings: 'programmes', reference: 'parcels',
  parcels: 'parcels', zones: 'zones', mines: 'mines', townships: 'townships',
};

/** Columns of the server's own bookkeeping, never part of a feature's properties. */
const INTERNAL = `- 'programme_id' - 'fid' - 'revision' - 'updated_at' - 'geom' - 'location'`;

async function referenceValue(db: Db, programmeId: string, table: 'parcels' | 'zones' | 'mines' | 'townships', id: string): Promise<{ revision: number; value: unknown }> {
  const geometry = table === 'parcels' || table === 'zones' ? 'ST_AsGeoJSON(geom, 15, 0)::jsonb' : table === 'mines' ? 'jsonb_build_array(ST_X(location), ST_Y(location))' : 'null::jsonb';
  const { rows } = await db.query<{ properties: Record<string, unknown>; geometry: unknown; revision: number }>(
    `select to_jsonb(t) ${INTERNAL} as properties, ${geometry} as geometry, revision from ${table} t where programme_id = $1 and id = $2`, [programmeId, id]);
  const row = rows[0];
  if (!row) return { revision: 0, value: null };
  if (table === 'parcels' || table === 'zones') return { revision: row.revision, value: { type: 'Feature', geometry: row.geometry, properties: row.properties } };
  return { revision: row.revision, value: table === 'mines' ? { ...row.properties, location: row.geometry } : row.properties };
}

/** The thing's revision now (0: never existed) and its value (null: deleted or never existed). */
export async function currentValue(db: Db, programmeId: string, layer: SyncLayer, id: string): Promise<{ revision: number; value: unknown }> {
  switch (layer) {
    case 'treated':
      return treatedSlot(db, programmeId, id, false);
    case 'photos': {
      const slot = await photoSlot(db, programmeId, id, false);
      return { revision: slot.revision, value: slot.value ? { ...slot.value, sha256: slot.sha256 } : null };
    }
    case 'reviews':
      return reviewSlot(db, programmeId, id, false);
    case 'targets': {
      const { rows } = await db.query<{ revision: number; target_table: unknown }>('select revision, target_table from targets where programme_id = $1', [programmeId]);
      return { revision: rows[0]?.revision ?? 0, value: rows[0]?.target_table ?? null };
    }
    case 'settings': {
      const { rows } = await db.query<{ revision: number; buffer_distances: unknown }>('select revision, buffer_distances from programmes where id = $1', [programmeId]);
      return { revision: rows[0]?.revision ?? 0, value: rows[0]?.buffer_distances ?? null };
    }
    case 'reference':
      return { revision: 0, value: null };
    default:
      return referenceValue(db, programmeId, layer, id);
  }
}

/** The server's version of a thing, for a conflict: its value, revision, and its last change's author and time. */
export async function serverVersion(db: Db, programmeId: string, layer: ServerVersion['layer'], id: string): Promise<ServerVersion> {
  const current = await currentValue(db, programmeId, layer, id);
  const featureId = layer === 'settings' ? programmeId : layer === 'targets' ? programmeId : id;
  const { rows } = await db.query<{ who: string; at: Date }>(
    'select who, at from change_log where programme_id = $1 and layer = $2 and feature_id = $3 order by seq desc limit 1',
    [programmeId, TABLE[layer], featureId]);
  return { layer, id, revision: current.revision, value: current.value, who: rows[0]?.who ?? '', at: rows[0]?.at.toISOString() ?? '' };
}

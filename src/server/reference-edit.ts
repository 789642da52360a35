// Reference records (townships, mines, parcels, zones) added or removed by a pushed edit — a
// planner's import, its undo, a replacement of the zones — under the app's rules: an import is
// checked as a publish is (store/programme-content-validation.ts) and may not reuse an id the
// programme holds; a removal needs every record present and none still needed by other work
// (store/reference-features.ts removalBlocker). All or nothing, in one transaction, so a batch
// (remove the old zones, import the new) is one change; each row's change is in the change log.
import type { Pool, PoolClient } from 'pg';
import { DEFAULT_IMPORT_LIMITS } from '../io/import-limits.ts';
import type { ImportFeatures, RemoveFeatures } from '../store/edit.ts';
import { describeProblems } from '../store/problem.ts';
import { importedFeaturesProblems } from '../store/programme-content-validation.ts';
import { REFERENCE_LAYERS, referenceIds, removalBlocker, type Dependants, type ReferenceFeatures } from '../store/reference-features.ts';
import type { Account } from './accounts.ts';
import { inTransaction } from './database.ts';
import { insertReferenceFeatures } from './programme-content-store.ts';
import { invalid, ServerError } from './server-error.ts';

export type ReferenceEdit = ImportFeatures | RemoveFeatures;

function listIds(ids: readonly string[]): string {
  return `${ids.slice(0, 3).join(', ')}${ids.length > 3 ? `, … (${ids.length})` : ''}`;
}

/** The programme's ids of each layer, locked against a concurrent import or removal by the log trigger's programme lock. */
async function idsOf(client: PoolClient, programmeId: string, layer: (typeof REFERENCE_LAYERS)[number], ids: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(`select id from ${layer} where programme_id = $1 and id = any($2::text[]) for update`, [programmeId, ids]);
  return rows.map((r) => r.id);
}

async function importFeatures(client: PoolClient, programmeId: string, features: ReferenceFeatures): Promise<void> {
  const townships = await client.query<{ id: string }>('select id from townships where programme_id = $1', [programmeId]);
  const mines = await client.query<{ id: string }>('select id from mines where programme_id = $1', [programmeId]);
  const problems = importedFeaturesProblems(features, { townships: new Set(townships.rows.map((r) => r.id)), mines: new Set(mines.rows.map((r) => r.id)) }, DEFAULT_IMPORT_LIMITS);
  if (problems.length > 0) throw invalid(`the import was refused: ${describeProblems(problems)}`, problems);
  const taken: string[] = [];
  for (const layer of REFERENCE_LAYERS) taken.push(...await idsOf(client, programmeId, layer, referenceIds(features, layer)));
  if (taken.length > 0) throw new ServerError(409, 'already_exists', `${taken.length} of the imported records are already in the programme (${listIds(taken)}); nothing was imported`);
  await insertReferenceFeatures(client, programmeId, features);
}

/** What else the programme holds that could need the records, read only as far as they are named. */
async function dependants(client: PoolClient, programmeId: string, features: ReferenceFeatures): Promise<Dependants> {
  const [parcels, mines, townships] = [referenceIds(features, 'parcels'), referenceIds(features, 'mines'), referenceIds(features, 'townships')];
  const treated = await client.query<{ id: string; parcel_id: string | null; mine_id: string | null }>(
    'select id, parcel_id, mine_id from treated where programme_id = $1 and not deleted and (parcel_id = any($2::text[]) or mine_id = any($3::text[]))', [programmeId, parcels, mines]);
  const reviews = await client.query<{ parcel_id: string }>(
    "select parcel_id from reviews where programme_id = $1 and parcel_id = any($2::text[]) and events <> '[]'::jsonb", [programmeId, parcels]);
  const otherParcels = await client.query<{ id: string; mine_id: string }>('select id, mine_id from parcels where programme_id = $1 and mine_id = any($2::text[])', [programmeId, mines]);
  const otherMines = await client.query<{ id: string; township_id: string }>('select id, township_id from mines where programme_id = $1 and township_id = any($2::text[])', [programmeId, townships]);
  const targets = await client.query<{ township_id: string }>(
    "select distinct r->>'township_id' as township_id from targets t, jsonb_array_elements(coalesce(t.target_table->'rows', '[]'::jsonb)) r where t.programme_id = $1", [programmeId]);
  // Only the members removalBlocker reads.
  return {
    treated: treated.rows.map((r) => ({ id: r.id, revision: 0, feature: { properties: { parcel_id: r.parcel_id, mine_id: r.mine_id } } }) as never),
    reviews: reviews.rows.map((r) => ({ id: r.parcel_id, revision: 0, review: { parcel_id: r.parcel_id } }) as never),
    parcels: otherParcels.rows.map((r) => ({ properties: { id: r.id, mine_id: r.mine_id } }) as never),
    mines: otherMines.rows.map((r) => ({ id: r.id, township_id: r.township_id }) as never),
    targetTownships: new Set(targets.rows.map((r) => r.township_id)),
  };
}

async function removeFeatures(client: PoolClient, programmeId: string, edit: RemoveFeatures): Promise<void> {
  const missing: string[] = [];
  for (const layer of REFERENCE_LAYERS) {
    const wanted = referenceIds(edit.features, layer);
    const present = new Set(await idsOf(client, programmeId, layer, wanted));
    missing.push(...wanted.filter((id) => !present.has(id)));
  }
  if (missing.length > 0) throw new ServerError(404, 'not_found', `the records ${listIds(missing)} are no longer in the programme; nothing was removed`);
  const blocker = removalBlocker(edit.features, await dependants(client, programmeId, edit.features));
  if (blocker) throw new ServerError(409, 'still_needed', `“${edit.label}” cannot be removed: ${blocker}`);
  // Parcels first: an undone acceptance record (no events) goes with its parcel (on delete cascade).
  for (const layer of ['zones', 'parcels', 'mines', 'townships'] as const) {
    await client.query(`delete from ${layer} where programme_id = $1 and id = any($2::text[])`, [programmeId, referenceIds(edit.features, layer)]);
  }
}

/** Applies the edits in order, in one transaction. */
export async function applyReferenceEditsOnServer(pool: Pool, programmeId: string, account: Account, edits: readonly ReferenceEdit[]): Promise<void> {
  await inTransaction(pool, account.login, async (client) => {
    for (const edit of edits) {
      if (edit.kind === 'import-features') await importFeatures(client, programmeId, edit.features);
      else await removeFeatures(client, programmeId, edit);
    }
  });
}

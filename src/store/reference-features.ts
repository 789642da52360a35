// Reference records (townships, mines, parcels, zones) added by the user, as one value: what an
// import adds in one step, and what undoing it removes. Removing is refused while something
// else still needs a record — a treated polygon or an acceptance record of an imported parcel,
// a parcel or treated polygon of an imported mine, a mine or target row of an imported
// township — because removing it would leave that work pointing nowhere.
import type { Mine, ParcelFeature, Township, ZoneFeature } from '../domain/model.ts';
import type { TreatedRecord } from './field-records.ts';
import type { ReviewRecord } from './review-records.ts';

export interface ReferenceFeatures {
  townships: readonly Township[];
  mines: readonly Mine[];
  parcels: readonly ParcelFeature[];
  zones: readonly ZoneFeature[];
}

export const REFERENCE_LAYERS = ['townships', 'mines', 'parcels', 'zones'] as const;
export type ReferenceLayer = (typeof REFERENCE_LAYERS)[number];

export const NO_REFERENCE_FEATURES: ReferenceFeatures = Object.freeze({ townships: [], mines: [], parcels: [], zones: [] });

export function referenceId(layer: ReferenceLayer, record: Township | Mine | ParcelFeature | ZoneFeature): string {
  return layer === 'townships' || layer === 'mines' ? (record as Township | Mine).id : (record as ParcelFeature | ZoneFeature).properties.id;
}

export function referenceIds(features: ReferenceFeatures, layer: ReferenceLayer): string[] {
  return (features[layer] as ReadonlyArray<Township | Mine | ParcelFeature | ZoneFeature>).map((r) => referenceId(layer, r));
}

export function featureCount(features: ReferenceFeatures): number {
  return REFERENCE_LAYERS.reduce((n, layer) => n + features[layer].length, 0);
}

const AREA_TYPES = ['Polygon', 'MultiPolygon'];
const ZONE_TYPES = [...AREA_TYPES, 'LineString', 'MultiLineString'];

/** Why records cannot be imported as they are (ids twice, parcels that are not areas…); each names the record. */
export function importProblems(features: ReferenceFeatures): string[] {
  const problems: string[] = [];
  for (const layer of REFERENCE_LAYERS) {
    const seen = new Set<string>();
    for (const id of referenceIds(features, layer)) {
      if (seen.has(id)) problems.push(`${layer} ${id} appears twice in the import`);
      seen.add(id);
    }
  }
  for (const parcel of features.parcels) {
    if (!AREA_TYPES.includes(parcel.geometry?.type)) problems.push(`parcel ${parcel.properties.id} is not a polygon`);
    if (typeof parcel.properties.mine_id !== 'string') problems.push(`parcel ${parcel.properties.id} names no mine`);
  }
  for (const zone of features.zones) if (!ZONE_TYPES.includes(zone.geometry?.type)) problems.push(`zone ${zone.properties.id} is neither an area nor a line`);
  for (const mine of features.mines) if (typeof mine.name !== 'string') problems.push(`mine ${mine.id} has no name`);
  return problems;
}

/** What else the programme holds, as far as removal needs to know. */
export interface Dependants {
  treated: Iterable<TreatedRecord>;
  reviews: Iterable<ReviewRecord>;
  parcels: Iterable<ParcelFeature>;
  mines: Iterable<Mine>;
  /** Township ids named by the edited target table, if any. */
  targetTownships: ReadonlySet<string>;
}

/** Why these records cannot be removed now, or null. */
export function removalBlocker(features: ReferenceFeatures, others: Dependants): string | null {
  const parcels = new Set(referenceIds(features, 'parcels'));
  const mines = new Set(referenceIds(features, 'mines'));
  const townships = new Set(referenceIds(features, 'townships'));
  for (const record of others.treated) {
    const p = record.feature?.properties;
    if (p?.parcel_id && parcels.has(p.parcel_id)) return `treated polygon ${record.id} lies on imported parcel ${p.parcel_id}`;
    if (p?.mine_id && mines.has(p.mine_id)) return `treated polygon ${record.id} belongs to imported mine ${p.mine_id}`;
  }
  for (const record of others.reviews) if (record.review && parcels.has(record.id)) return `imported parcel ${record.id} has an acceptance record`;
  for (const parcel of others.parcels) {
    if (!parcels.has(parcel.properties.id) && mines.has(parcel.properties.mine_id)) return `parcel ${parcel.properties.id} belongs to imported mine ${parcel.properties.mine_id}`;
  }
  for (const mine of others.mines) if (!mines.has(mine.id) && townships.has(mine.township_id)) return `mine ${mine.id} lies in imported township ${mine.township_id}`;
  for (const id of townships) if (others.targetTownships.has(id)) return `the target table names imported township ${id}`;
  return null;
}

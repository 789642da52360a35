// Parcels as the field mapping made them, each paired with the attributes it was read with:
// applyFieldMapping keeps the preview's order and leaves out the `skipped` indices, so the two
// line up once those are dropped.
import type { ParcelFeature } from '../../domain/model.ts';
import type { ImportPreview } from '../import-types.ts';
import type { SourcedParcel } from './derive-mines.ts';

export function sourcedParcels(preview: Pick<ImportPreview, 'features'>, parcels: readonly ParcelFeature[], skipped: readonly number[]): SourcedParcel[] {
  const left = new Set(skipped);
  const kept = preview.features.filter((f) => !left.has(f.index));
  if (kept.length !== parcels.length) throw new Error(`${parcels.length} parcels for ${kept.length} features read`);
  return parcels.map((parcel, i) => ({ parcel, source: kept[i]!.properties }));
}

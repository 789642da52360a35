// What an export of the programme holds: the features of the scope (the whole programme, a
// township or a mine), each parcel with its status as the app shows it (the record, treated
// work attributed to it and acceptance steps: domain/current-statuses.ts), not the status it
// was seeded or imported with.
import { withStatuses } from '../domain/current-statuses.ts';
import type { ParcelStatus, Programme } from '../domain/model.ts';
import type { ExportLayer } from '../io/export/export-types.ts';
import { parseScope, type ExportLayerName } from '../ui/ExportDialog.tsx';

export function layersInScope(programme: Programme, statuses: ReadonlyMap<string, ParcelStatus>, scope: string, chosen: Record<ExportLayerName, boolean>): ExportLayer[] {
  const s = parseScope(scope);
  const mineIds = new Set(programme.mines.filter((m) => s.kind === 'all' || (s.kind === 'mine' ? m.id === s.id : m.township_id === s.id)).map((m) => m.id));
  const parcels = withStatuses(programme.parcels, statuses).features.filter((f) => s.kind === 'all' || mineIds.has(f.properties.mine_id));
  const parcelIds = new Set(parcels.map((p) => p.properties.id));
  const treated = programme.treated.features.filter((f) => s.kind === 'all' || (f.properties.mine_id !== null && mineIds.has(f.properties.mine_id)) || (f.properties.parcel_id !== null && parcelIds.has(f.properties.parcel_id)));
  const layers: ExportLayer[] = [];
  if (chosen.parcels) layers.push({ name: 'parcels', features: parcels });
  if (chosen.treated) layers.push({ name: 'treated', features: treated });
  // Zones are programme-wide: a township's or mine's export carries them all as context.
  if (chosen.zones) layers.push({ name: 'zones', features: programme.zones.features });
  return layers;
}

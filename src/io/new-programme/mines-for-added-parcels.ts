// Mines for parcels added to an existing programme (issue #15: "add parcels" later, from the
// programme's settings). A parcel whose mine id or name (矿山名称, GEM `Mine Name`) points to no
// mine of the programme gets a new mine, made as the new-programme wizard makes them (deriveMines:
// one mine per distinct name — the file's mine id when it gives no name — category from 图斑小类/
// 大类, location inside its largest parcel); a name equal to an existing mine's name or name_en
// joins that mine. New ids are kept apart from the programme's.
// Township, kept simple: the programme's only township if it has one, else the township of the
// existing mine nearest the new mine; a programme with no township gets one for its whole area
// (the programme's county), because a mine must name a township of its programme.
import type { Mine, MineCategory, ParcelFeature, Programme, Township } from '../../domain/model.ts';
import type { ImportFeature } from '../import-types.ts';
import type { FieldMapping } from '../mapping/field-mapping-types.ts';
import { fitsLayer } from '../mapping/layer-problems.ts';
import { valueKey } from '../mapping/propose-field-mapping.ts';
import { deriveMines, type SourcedParcel } from './derive-mines.ts';
import type { WizardProblem } from './wizard-problem.ts';

export interface AddedParcelMines {
  /** The new mines only (none when every name is already a mine of the programme). */
  mines: Mine[];
  /** A township made for the whole area, only when the programme had none. */
  townships: Township[];
  /** The parcels, each parcel with a mine name now with its mine_id set. */
  parcels: ParcelFeature[];
  problems: WizardProblem[];
}

type ProgrammeMines = Pick<Programme, 'mines' | 'townships' | 'county'>;

/**
 * The existing mine a parcel's mine id or name (either may be empty) points to, as an id; else
 * the name its new mine will have (the name, or the id when the file gives no name); else null
 * (the parcel names no mine at all, and is left as it is).
 */
function placeOf(mineId: string | null, mineName: string | null, mines: readonly Mine[]): { known: string } | { name: string } | null {
  const id = mineId || null;
  const name = mineName || null;
  const known = (id !== null ? mines.find((m) => m.id === id) : undefined)
    ?? mines.find((m) => (name !== null && (m.name === name || m.name_en === name)) || (id !== null && (m.name === id || m.name_en === id)));
  if (known) return { known: known.id };
  const key = name ?? id;
  return key === null ? null : { name: key };
}

/** How many mines an import of these features would make: the dialog says it before confirming. */
export function newMineCount(features: readonly ImportFeature[], mapping: FieldMapping, mines: readonly Mine[]): number {
  if (mapping.layer !== 'parcels') return 0;
  const value = (f: Pick<ImportFeature, 'properties'>, field: string | null | undefined) => (field ? valueKey(f.properties[field]) : null);
  const names = new Set<string>();
  for (const f of features) {
    // Features the parcels layer cannot take (points, lines) are left out of the import, and so of the count.
    if (f.geometryError || !fitsLayer(f, 'parcels')) continue;
    const place = placeOf(value(f, mapping.fields.mine_id) ?? mapping.defaults.mine_id ?? null, value(f, mapping.fields.mine_name), mines);
    if (place && 'name' in place) names.add(place.name);
  }
  return names.size;
}

function nearestTownship(point: [number, number], mines: readonly Mine[], townships: readonly Township[]): string | null {
  const ids = new Set(townships.map((t) => t.id));
  // Planar distance with longitude shrunk by cos(latitude): only to rank nearby mines.
  const k = Math.cos((point[1] * Math.PI) / 180);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const m of mines) {
    if (!ids.has(m.township_id)) continue;
    const d = ((m.location[0] - point[0]) * k) ** 2 + (m.location[1] - point[1]) ** 2;
    if (d < bestDistance) [best, bestDistance] = [m.township_id, d];
  }
  return best;
}

function freeId(prefix: string, taken: Set<string>): string {
  let n = taken.size + 1;
  let id: string;
  do id = `${prefix}${String(n++).padStart(3, '0')}`; while (taken.has(id));
  taken.add(id);
  return id;
}

export function minesForAddedParcels(parcels: readonly ParcelFeature[], programme: ProgrammeMines, fallback: MineCategory): AddedParcelMines {
  const loose: SourcedParcel[] = [];
  const joined = parcels.map((p) => {
    const place = placeOf(p.properties.mine_id, p.properties.mine_name ?? null, programme.mines);
    if (place === null) return p;
    if ('known' in place) return place.known === p.properties.mine_id ? p : { ...p, properties: { ...p.properties, mine_id: place.known } };
    // The file's own mine id is kept when it is free, as the wizard keeps GEM Mine ID.
    loose.push({ parcel: p, source: { name: place.name, id: p.properties.mine_id } });
    return p;
  });
  if (loose.length === 0) return { mines: [], townships: [], parcels: joined, problems: [] };
  const derived = deriveMines(loose, { kind: 'field', nameField: 'name', idField: 'id' }, fallback);

  const taken = new Set(programme.mines.map((m) => m.id));
  const renamed = new Map<string, string>();
  let townships: Township[] = [];
  let whole: string | null = programme.townships.length === 1 ? programme.townships[0]!.id : null;
  if (programme.townships.length === 0) {
    const id = freeId('T', new Set());
    townships = [{ id, name: programme.county, name_en: programme.county }];
    whole = id;
  }
  const mines = derived.mines.map((m) => {
    const id = taken.has(m.id) ? freeId('M', taken) : (taken.add(m.id), m.id);
    renamed.set(m.id, id);
    const township_id = whole ?? nearestTownship(m.location, programme.mines, programme.townships) ?? programme.townships[0]!.id;
    return { ...m, id, township_id };
  });
  const mineOf = new Map(derived.parcels.map((p) => [p.properties.id, renamed.get(p.properties.mine_id)!]));
  const out = joined.map((p) => (mineOf.has(p.properties.id) ? { ...p, properties: { ...p.properties, mine_id: mineOf.get(p.properties.id)! } } : p));
  return { mines, townships, parcels: out, problems: derived.problems };
}

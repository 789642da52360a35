// The programme's mines, made from its parcels in one of three ways: one mine per distinct value
// of a field (GEM's `Mine Name`, 矿山名称), from a separate table joined to the parcels by a field,
// or one mine per parcel. Every parcel ends up with exactly one mine; ids are made from the input
// alone (no clock, no randomness), so the same files give the same programme.
import type { Mine, MineCategory, ParcelFeature } from '../../domain/model.ts';
import type { SourceProperties } from '../import-types.ts';
import { valueKey } from '../mapping/propose-field-mapping.ts';
import { categoryFromSurvey, categoryFromText } from './mine-category.ts';
import { mineLocation } from './mine-location.ts';
import type { MineTable } from './mine-table.ts';
import type { WizardProblem } from './wizard-problem.ts';

/** A parcel as the field mapping made it, with the attributes it was read with. */
export interface SourcedParcel {
  parcel: ParcelFeature;
  source: SourceProperties;
}

export type MineSource =
  | { kind: 'field'; nameField: string; idField: string | null }
  | { kind: 'table'; table: MineTable; idColumn: string; nameColumn: string; categoryColumn: string | null; parcelField: string }
  | { kind: 'per_parcel' };

export interface DerivedMines {
  mines: Mine[];
  /** The parcels with their mine_id set. */
  parcels: ParcelFeature[];
  problems: WizardProblem[];
}

interface Group {
  id: string;
  name: string;
  parcels: ParcelFeature[];
  /** A category the table gives, before the parcels' survey codes are looked at. */
  category: MineCategory | null;
}

const numbered = (n: number, count: number): string => `M${String(n).padStart(Math.max(3, String(count).length), '0')}`;

function byField(parcels: readonly SourcedParcel[], nameField: string, idField: string | null, problems: WizardProblem[]): Group[] {
  const groups = new Map<string, Group>();
  const order: string[] = [];
  for (const { parcel, source } of parcels) {
    const name = valueKey(source[nameField]);
    if (name === null) {
      problems.push({ kind: 'mine_name_missing', severity: 'notice', item: parcel.properties.id });
      groups.set(`\0${parcel.properties.id}`, { id: '', name: parcel.properties.id, parcels: [parcel], category: null });
      order.push(`\0${parcel.properties.id}`);
      continue;
    }
    const group = groups.get(name);
    if (group) group.parcels.push(parcel);
    else {
      groups.set(name, { id: (idField && valueKey(source[idField])) || '', name, parcels: [parcel], category: null });
      order.push(name);
    }
  }
  const list = order.map((k) => groups.get(k)!);
  // Two mines whose id field says the same (a shared 采矿证号) keep apart: the later one is suffixed.
  const taken = new Set<string>();
  for (const g of list) {
    if (g.id === '') continue;
    let id = g.id;
    for (let k = 2; taken.has(id); k++) id = `${g.id}-${k}`;
    taken.add(id);
    g.id = id;
  }
  let n = 0;
  for (const g of list) {
    if (g.id !== '') continue;
    let id: string;
    do id = numbered(++n, list.length); while (taken.has(id));
    taken.add(id);
    g.id = id;
  }
  return list;
}

function byTable(parcels: readonly SourcedParcel[], source: Extract<MineSource, { kind: 'table' }>, problems: WizardProblem[]): Group[] {
  const { table, idColumn, nameColumn, categoryColumn, parcelField } = source;
  const rows = new Map<string, Group & { line: number }>();
  for (const row of table.rows) {
    const id = row.cells[idColumn] ?? '';
    if (id === '') {
      problems.push({ kind: 'mine_row_no_id', severity: 'error', item: `${table.source}:${row.line}` });
      continue;
    }
    if (rows.has(id)) {
      problems.push({ kind: 'mine_row_duplicate', severity: 'error', item: `${table.source}:${row.line} (${id})` });
      continue;
    }
    let category: MineCategory | null = null;
    const text = categoryColumn ? (row.cells[categoryColumn] ?? '') : '';
    if (text !== '') {
      category = categoryFromText(text);
      if (!category) problems.push({ kind: 'category_unreadable', severity: 'notice', item: `${table.source}:${row.line} (${text})` });
    }
    rows.set(id, { id, name: row.cells[nameColumn] || id, parcels: [], category, line: row.line });
  }
  const byName = new Map([...rows.values()].map((g) => [g.name, g]));
  const loose: Group[] = [];
  for (const { parcel, source: attributes } of parcels) {
    const key = valueKey(attributes[parcelField]);
    const group = key === null ? undefined : rows.get(key) ?? byName.get(key);
    if (group) group.parcels.push(parcel);
    else {
      problems.push({ kind: 'parcel_without_mine', severity: 'notice', item: parcel.properties.id });
      loose.push({ id: `M-${parcel.properties.id}`, name: parcel.properties.name || parcel.properties.id, parcels: [parcel], category: null });
    }
  }
  const matched: Group[] = [];
  for (const group of rows.values()) {
    if (group.parcels.length > 0) matched.push(group);
    else problems.push({ kind: 'mine_row_unmatched', severity: 'notice', item: `${table.source}:${group.line} (${group.id} ${group.name})` });
  }
  const taken = new Set(matched.map((g) => g.id));
  for (const g of loose) while (taken.has(g.id)) g.id = `${g.id}-2`;
  return [...matched, ...loose];
}

function categoryOf(group: Group, fallback: MineCategory, problems: WizardProblem[]): MineCategory {
  if (group.category) return group.category;
  const votes = new Map<MineCategory, number>();
  for (const p of group.parcels) {
    const c = categoryFromSurvey(p.properties.tbxl, p.properties.tbdl);
    if (c) votes.set(c, (votes.get(c) ?? 0) + 1);
  }
  if (votes.size === 0) {
    problems.push({ kind: 'category_defaulted', severity: 'notice', item: group.name });
    return fallback;
  }
  if (votes.size > 1) problems.push({ kind: 'category_mixed', severity: 'notice', item: group.name });
  // The category most of its parcels say; a tie goes to the one its parcels name first.
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

export function deriveMines(parcels: readonly SourcedParcel[], source: MineSource, fallback: MineCategory): DerivedMines {
  const problems: WizardProblem[] = [];
  const groups = source.kind === 'field' ? byField(parcels, source.nameField, source.idField, problems)
    : source.kind === 'table' ? byTable(parcels, source, problems)
    : parcels.map(({ parcel }) => ({ id: `M-${parcel.properties.id}`, name: parcel.properties.name || parcel.properties.id, parcels: [parcel], category: null }));
  const mineOf = new Map<ParcelFeature, string>();
  const mines: Mine[] = groups.map((g) => {
    for (const p of g.parcels) mineOf.set(p, g.id);
    const category = categoryOf(g, fallback, problems);
    return {
      // No English name is known: the map and search in English show the name as given.
      id: g.id, name: g.name, name_en: g.name, mineral: '', township_id: '', category,
      responsible_party: category === 'abandoned' ? null : '',
      location: mineLocation(g.parcels),
    };
  });
  const out = parcels.map(({ parcel }) => ({ ...parcel, properties: { ...parcel.properties, mine_id: mineOf.get(parcel)! } }));
  return { mines, parcels: out, problems };
}

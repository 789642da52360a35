// The programme's townships: one per distinct value of a field of the parcels (乡镇, 所在乡镇…), or
// one for the whole area. Targets CSVs name townships, so a township's name is the field's text
// as written (or the area's name) and readTargetsCsv finds it by that name.
import type { Mine, ParcelFeature, Township } from '../../domain/model.ts';
import { valueKey } from '../mapping/propose-field-mapping.ts';
import type { SourcedParcel } from './derive-mines.ts';
import type { WizardProblem } from './wizard-problem.ts';

export type TownshipSource = { kind: 'field'; field: string } | { kind: 'single' };

export interface DerivedTownships {
  townships: Township[];
  /** Each mine with the township most of its parcels lie in. */
  mines: Mine[];
  problems: WizardProblem[];
}

export function deriveTownships(parcels: readonly SourcedParcel[], mined: readonly ParcelFeature[], mines: readonly Mine[], source: TownshipSource, areaName: string): DerivedTownships {
  const problems: WizardProblem[] = [];
  const whole: Township = { id: 'T01', name: areaName, name_en: areaName };
  if (source.kind === 'single') return { townships: [whole], mines: mines.map((m) => ({ ...m, township_id: whole.id })), problems };
  const townships = new Map<string, Township>();
  const votes = new Map<string, Map<string, number>>();
  parcels.forEach(({ parcel, source: attributes }, i) => {
    const name = valueKey(attributes[source.field]);
    if (name === null) problems.push({ kind: 'township_missing', severity: 'notice', item: parcel.properties.id });
    const key = name ?? '\0';
    if (!townships.has(key)) townships.set(key, name === null ? { ...whole, id: '' } : { id: '', name, name_en: name });
    const mine = mined[i]!.properties.mine_id;
    const tally = votes.get(mine) ?? new Map<string, number>();
    tally.set(key, (tally.get(key) ?? 0) + 1);
    votes.set(mine, tally);
  });
  const width = Math.max(2, String(townships.size).length);
  [...townships.values()].forEach((t, i) => (t.id = `T${String(i + 1).padStart(width, '0')}`));
  return {
    townships: [...townships.values()],
    mines: mines.map((m) => {
      const tally = votes.get(m.id);
      const key = tally ? [...tally.entries()].sort((a, b) => b[1] - a[1])[0]![0] : '\0';
      return { ...m, township_id: townships.get(key)?.id ?? '' };
    }),
    problems,
  };
}

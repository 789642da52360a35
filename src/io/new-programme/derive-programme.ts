// A new programme from the user's files, as the wizard collected them: parcels (already read and
// mapped), how to make mines and townships, zones (already read and mapped, any number of
// files) and an optional targets CSV. Pure: the same input gives the same ProgrammeContent.
import { featureBounds } from '../../domain/feature-bounds.ts';
import { GENERAL_PRESET } from '../../domain/buffer-presets.ts';
import type { Mine, MineCategory, ParcelFeature, Programme, TargetTable, ZoneFeature } from '../../domain/model.ts';
import { valueKey } from '../mapping/propose-field-mapping.ts';
import type { ProgrammeAreaLevel, ProgrammeContent } from '../../domain/programme-content.ts';
import type { ImportProblem } from '../import-types.ts';
import { readTargetsCsv } from '../targets-csv.ts';
import { deriveMines, type MineSource, type SourcedParcel } from './derive-mines.ts';
import { deriveTownships, type TownshipSource } from './derive-townships.ts';
import { countZones, groupProblems, type ProgrammeSummary } from './programme-summary.ts';
import type { WizardProblem } from './wizard-problem.ts';

export interface NewProgrammeInput {
  id: string;
  name: string;
  areaLevel: ProgrammeAreaLevel;
  /** The county, city or province, as the user wrote it (e.g. 河北省唐山市迁安市). */
  areaName: string;
  parcels: readonly SourcedParcel[];
  mines: MineSource;
  /** For mines whose parcels carry no usable 图斑小类/大类 (each one is flagged). */
  defaultCategory: MineCategory;
  townships: TownshipSource;
  /** The parcels' field naming the mineral (矿种); a mine takes its first parcel's value. */
  mineralField?: string | null;
  zones: readonly ZoneFeature[];
  targets: { text: string; source: string } | null;
  /** Problems met reading and mapping the files, shown in the summary with the others. */
  importProblems?: readonly ImportProblem[];
}

export interface NewProgramme {
  content: ProgrammeContent;
  summary: ProgrammeSummary;
}

const NO_TARGETS: TargetTable = { rows: [], stated_totals: [], source: '' };

function withMinerals(input: NewProgrammeInput, parcels: readonly ParcelFeature[], mines: readonly Mine[]): Mine[] {
  const field = input.mineralField;
  if (!field) return [...mines];
  const mineral = new Map<string, string>();
  parcels.forEach((p, i) => {
    const value = valueKey(input.parcels[i]!.source[field]);
    if (value !== null && !mineral.has(p.properties.mine_id)) mineral.set(p.properties.mine_id, value);
  });
  return mines.map((m) => ({ ...m, mineral: mineral.get(m.id) ?? m.mineral }));
}

export function deriveProgramme(input: NewProgrammeInput): NewProgramme {
  const problems: WizardProblem[] = [];
  const mined = deriveMines(input.parcels, input.mines, input.defaultCategory);
  problems.push(...mined.problems);
  const placed = deriveTownships(input.parcels, mined.parcels, withMinerals(input, mined.parcels, mined.mines), input.townships, input.areaName);
  problems.push(...placed.problems);
  let targets = NO_TARGETS;
  if (input.targets) {
    const read = readTargetsCsv(input.targets.text, placed.townships, input.targets.source);
    if (read.ok) targets = read.value;
    else problems.push({ kind: 'targets_unreadable', severity: 'error', item: read.reason });
  }
  const programme: Programme = {
    id: input.id,
    name: input.name,
    name_en: input.name,
    county: input.areaName,
    townships: placed.townships,
    mines: placed.mines,
    parcels: { type: 'FeatureCollection', features: mined.parcels },
    treated: { type: 'FeatureCollection', features: [] },
    zones: { type: 'FeatureCollection', features: [...input.zones] },
    targets,
  };
  const content: ProgrammeContent = { programme, areaLevel: input.areaLevel, bufferDistances: GENERAL_PRESET.distances, reviews: [] };
  return {
    content,
    summary: {
      parcels: mined.parcels.length,
      mines: placed.mines.length,
      townships: placed.townships.length,
      zones: countZones(input.zones.map((z) => z.properties.zone_type)),
      targets: targets.rows.length,
      statedTotals: targets.stated_totals.length,
      bbox: featureBounds(programme.parcels, programme.zones),
      problems: groupProblems([...(input.importProblems ?? []), ...problems]),
    },
  };
}

// What the new-programme wizard shows and what it can ask its controller (app/use-new-programme.ts)
// to do. The steps keep no state of their own, so going back shows what was chosen.
import type { MineCategory, ZoneType } from '../../domain/model.ts';
import type { ProgrammeAreaLevel } from '../../domain/programme-content.ts';
import type { ImportPreview } from '../../io/import-types.ts';
import type { NewProgramme } from '../../io/new-programme/derive-programme.ts';
import type { MineTable } from '../../io/new-programme/mine-table.ts';

export const WIZARD_STEPS = ['name', 'parcels', 'mines', 'zones', 'targets', 'summary'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export type MineMode = 'field' | 'table' | 'per_parcel';

/** A zone file and where its zone type comes from: one type for the whole file, or a field. */
export interface ZoneFile {
  preview: ImportPreview;
  zoneType: ZoneType | null;
  zoneField: string | null;
}

export interface WizardChoices {
  name: string;
  areaLevel: ProgrammeAreaLevel;
  areaName: string;
  crs: string;
  parcels: ImportPreview | null;
  mineMode: MineMode;
  mineNameField: string | null;
  mineIdField: string | null;
  mineTable: MineTable | null;
  tableIdColumn: string | null;
  tableNameColumn: string | null;
  tableCategoryColumn: string | null;
  tableParcelField: string | null;
  defaultCategory: MineCategory;
  mineralField: string | null;
  /** null: one township for the whole area. */
  townshipField: string | null;
  zones: ZoneFile[];
  targets: { text: string; source: string } | null;
}

export interface WizardModel {
  open: boolean;
  step: WizardStep;
  choices: WizardChoices;
  /** What would be created now; null before the name is given. */
  result: NewProgramme | null;
  /** A file being read, or the programme being created. */
  busy: string | null;
  /** The result is still being derived from the latest choices. */
  updating: boolean;
  failure: string | null;
  onChoose: (patch: Partial<WizardChoices>) => void;
  onStep: (step: WizardStep) => void;
  onParcelFiles: (files: File[]) => void;
  onMineTableFile: (file: File) => void;
  onZoneFiles: (files: File[]) => void;
  onZoneFile: (index: number, patch: Partial<ZoneFile> | null) => void;
  onTargetsFile: (file: File) => void;
  onCreate: () => void;
  onClose: () => void;
}

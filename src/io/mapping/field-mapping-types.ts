// The field mapping the import dialog shows and the user may edit: which source field fills
// each Fulv field of the target layer, which Fulv code each distinct source value becomes, and
// the value used where the file gives none.
export const IMPORT_LAYERS = ['parcels', 'zones', 'treated'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];

export const TARGET_FIELDS = {
  parcels: ['id', 'mine_id', 'mine_name', 'name', 'damage_type', 'direction', 'status', 'tbdl', 'tbxl', 'note'],
  zones: ['id', 'name', 'name_en', 'zone_type', 'note'],
  treated: ['id', 'parcel_id', 'mine_id', 'mine_name', 'date', 'measure', 'direction', 'surveyor', 'note'],
} as const satisfies Record<ImportLayer, readonly string[]>;

export type TargetField = (typeof TARGET_FIELDS)[ImportLayer][number];

/** Fields whose values are codes from a fixed list (model.ts and the national 核查 tables). */
export const CODED_FIELDS = ['damage_type', 'direction', 'status', 'tbdl', 'tbxl', 'zone_type', 'measure'] as const;
export type CodedField = (typeof CODED_FIELDS)[number];

export interface FieldMapping {
  layer: ImportLayer;
  /** Target field → source field name; null or absent: not taken from the file. */
  fields: Partial<Record<TargetField, string | null>>;
  /** Coded field → source value (as text) → Fulv code; null: no equivalent, the default applies. */
  values: Partial<Record<CodedField, Record<string, string | null>>>;
  /** Used where the source field is unmapped or empty, or its value has no code; null: none. */
  defaults: Partial<Record<TargetField, string | null>>;
  /** Keep the source attributes no field took, under source_attributes. */
  keepSourceAttributes: boolean;
}

export function isCodedField(field: string): field is CodedField {
  return (CODED_FIELDS as readonly string[]).includes(field);
}

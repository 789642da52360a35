// Command-line arguments of `npm run analyze`; a mistake comes back as a message for stderr.
import { LAYER_ROLES, type FieldOverrides, type InputLayer } from './input-fields.ts';

export interface AnalyzeArgs {
  /** A programme archive (.gpkg): parcels, zones, treated polygons, mines and buffer distances in one file. */
  archive: string | null;
  parcels: string | null;
  zones: string | null;
  treated: string | null;
  buffers: string | null;
  preset: string | null;
  mines: string | null;
  format: 'json' | 'csv';
  /** From `--field ROLE=NAME` (every layer with that role) or `--field LAYER.ROLE=NAME`. */
  fields: FieldOverrides;
}

export const USAGE = `usage: npm run --silent analyze -- --parcels P.geojson --zones Z.geojson
         [--treated T.geojson] [--buffers B.json | --preset NAME] [--mines M.json | programme.json]
         [--format json|csv] [--field ROLE=NAME | --field LAYER.ROLE=NAME ...]
   or: npm run --silent analyze -- PROGRAMME.gpkg [--buffers B.json | --preset NAME] [--format json|csv]
       (a programme archive: its parcels, zones, treated polygons, mines and buffer distances)
roles: parcels ${LAYER_ROLES.parcels.join(' ')}; zones ${LAYER_ROLES.zones.join(' ')}; treated ${LAYER_ROLES.treated.join(' ')}`;

const VALUE_OPTIONS = ['parcels', 'zones', 'treated', 'buffers', 'preset', 'mines', 'format', 'field'] as const;
type Option = (typeof VALUE_OPTIONS)[number];

const LAYERS = Object.keys(LAYER_ROLES) as InputLayer[];

/** "date=治理日期" or "treated.date=治理日期" → the "layer.role" keys it sets; a string is a mistake. */
function parseField(text: string, fields: Map<string, string>): string | null {
  const match = /^(?:([a-z]+)\.)?([a-z_]+)=(.+)$/s.exec(text);
  if (!match) return `--field takes ROLE=NAME or LAYER.ROLE=NAME, not ${text}`;
  const [, layer, role, name] = match as unknown as [string, string | undefined, string, string];
  if (layer !== undefined && !(LAYERS as string[]).includes(layer)) return `--field ${text}: no layer ${layer}; layers are ${LAYERS.join(', ')}`;
  const layers = (layer ? [layer as InputLayer] : LAYERS).filter((l) => (LAYER_ROLES[l] as readonly string[]).includes(role));
  if (layers.length === 0) {
    const roles = layer ? LAYER_ROLES[layer as InputLayer].join(', ') : [...new Set(LAYERS.flatMap((l) => LAYER_ROLES[l]))].join(', ');
    return `--field ${text}: ${layer ? `${layer} have no role ${role}` : `no layer has a role ${role}`}; roles are ${roles}`;
  }
  for (const l of layers) fields.set(`${l}.${role}`, name.trim());
  return null;
}

export function parseAnalyzeArgs(argv: readonly string[]): { ok: true; args: AnalyzeArgs } | { ok: false; message: string } {
  const values: Partial<Record<Option, string>> = {};
  const fields = new Map<string, string>();
  const archives: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') && /\.gpkg$/i.test(arg)) {
      archives.push(arg);
      continue;
    }
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [arg, undefined];
    if (!(VALUE_OPTIONS as readonly string[]).includes(flag!)) return { ok: false, message: `unknown argument ${arg}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) return { ok: false, message: `--${flag} needs a value` };
    if (flag === 'field') {
      const problem = parseField(value, fields);
      if (problem) return { ok: false, message: problem };
    } else values[flag as Option] = value;
  }
  if (archives.length > 1) return { ok: false, message: 'give one programme archive' };
  const archive = archives[0] ?? null;
  const layerFiles = (['parcels', 'zones', 'treated', 'mines'] as const).filter((o) => values[o] !== undefined);
  if (archive && layerFiles.length > 0) return { ok: false, message: `the archive ${archive} holds the programme's layers: give it without ${layerFiles.map((o) => `--${o}`).join(', ')}` };
  if (!archive && (!values.parcels || !values.zones)) return { ok: false, message: '--parcels and --zones are required (or a programme archive, PROGRAMME.gpkg)' };
  if (values.buffers && values.preset) return { ok: false, message: 'give either --buffers or --preset, not both' };
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') return { ok: false, message: `--format must be json or csv, not ${format}` };
  return {
    ok: true,
    args: {
      archive, parcels: values.parcels ?? null, zones: values.zones ?? null, treated: values.treated ?? null, buffers: values.buffers ?? null,
      preset: values.preset ?? null, mines: values.mines ?? null, format, fields,
    },
  };
}

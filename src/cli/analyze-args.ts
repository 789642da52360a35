// Command-line arguments of `npm run analyze`; a mistake comes back as a message for stderr.
export interface AnalyzeArgs {
  parcels: string;
  zones: string;
  treated: string | null;
  buffers: string | null;
  preset: string | null;
  mines: string | null;
  format: 'json' | 'csv';
}

export const USAGE = `usage: npm run --silent analyze -- --parcels P.geojson --zones Z.geojson
         [--treated T.geojson] [--buffers B.json | --preset NAME] [--mines M.json | programme.json]
         [--format json|csv]`;

const VALUE_OPTIONS = ['parcels', 'zones', 'treated', 'buffers', 'preset', 'mines', 'format'] as const;
type Option = (typeof VALUE_OPTIONS)[number];

export function parseAnalyzeArgs(argv: readonly string[]): { ok: true; args: AnalyzeArgs } | { ok: false; message: string } {
  const values: Partial<Record<Option, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [arg, undefined];
    if (!(VALUE_OPTIONS as readonly string[]).includes(flag!)) return { ok: false, message: `unknown argument ${arg}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) return { ok: false, message: `--${flag} needs a value` };
    values[flag as Option] = value;
  }
  if (!values.parcels || !values.zones) return { ok: false, message: '--parcels and --zones are required' };
  if (values.buffers && values.preset) return { ok: false, message: 'give either --buffers or --preset, not both' };
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') return { ok: false, message: `--format must be json or csv, not ${format}` };
  return {
    ok: true,
    args: {
      parcels: values.parcels, zones: values.zones, treated: values.treated ?? null, buffers: values.buffers ?? null,
      preset: values.preset ?? null, mines: values.mines ?? null, format,
    },
  };
}

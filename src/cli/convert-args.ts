// Command-line arguments of `npm run convert`; a mistake comes back as a message for stderr.
import { EXPORT_VALUE_STYLES, type ExportValueStyle } from '../io/export/value-labels.ts';
import { encodingFromLabel, type TextEncodingName } from '../io/text-encoding.ts';
import { ARCHIVE_LAYERS, type ArchiveLayer } from './convert-archive.ts';

export interface ConvertArgs {
  input: string;
  output: string;
  toCrs: string | null;
  fromCrs: string | null;
  encoding: TextEncodingName | null;
  values: ExportValueStyle;
  /** The layer of a programme archive input (.gpkg) to convert. */
  layer: ArchiveLayer;
}

export const CONVERT_USAGE = `usage: npm run --silent convert -- IN OUT [--to-crs EPSG:N] [--from-crs EPSG:N] [--encoding utf-8|gbk|big5|1252…] [--values codes|labels] [--layer NAME]
   or: npm run --silent convert -- programme.json OUT.gpkg
  IN:  .geojson/.json, .zip or .shp (Shapefile), .kml, .kmz, .gpx, .csv/.txt (coordinate table),
       .gpkg (a programme archive: --layer ${ARCHIVE_LAYERS.join('|')}, default parcels)
  OUT: .geojson, .zip (zipped Shapefile) or .shp (loose files beside it), .kml, .kmz, .csv (coordinate table)
  OUT.gpkg: a programme archive of programme.json with parcels.geojson, treated.geojson and zones.geojson
       beside it (the layout of data/demo), with the general buffer preset
  --from-crs: the input's CRS when the file does not say (a 6-digit coordinate table…)
  --encoding: the text's encoding or code page, when the file does not say or says wrong
  --values: Fulv's coded fields (status, damage_type…) as codes (default) or as Chinese labels (未治理, 露天采场…)`;

const VALUE_OPTIONS = ['to-crs', 'from-crs', 'encoding', 'values', 'layer'] as const;
type Option = (typeof VALUE_OPTIONS)[number];

export function parseConvertArgs(argv: readonly string[]): { ok: true; args: ConvertArgs } | { ok: false; message: string } {
  const values: Partial<Record<Option, string>> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!(VALUE_OPTIONS as readonly string[]).includes(flag!)) return { ok: false, message: `unknown option ${arg}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) return { ok: false, message: `--${flag} needs a value` };
    values[flag as Option] = value;
  }
  if (positional.length !== 2) return { ok: false, message: 'give one input and one output file' };
  const encoding = values.encoding === undefined ? null : encodingFromLabel(values.encoding);
  if (values.encoding !== undefined && encoding === null) return { ok: false, message: `--encoding ${values.encoding} is not an encoding or code page Fulv can decode (utf-8, gbk, big5, 1252…)` };
  const style = values.values ?? 'codes';
  if (!(EXPORT_VALUE_STYLES as readonly string[]).includes(style)) return { ok: false, message: `--values must be codes or labels, not ${style}` };
  const layer = values.layer ?? 'parcels';
  if (!(ARCHIVE_LAYERS as readonly string[]).includes(layer)) return { ok: false, message: `--layer must be one of ${ARCHIVE_LAYERS.join(', ')}, not ${layer}` };
  if (values.layer !== undefined && !/\.gpkg$/i.test(positional[0]!)) return { ok: false, message: '--layer picks a layer of a programme archive (.gpkg) input' };
  return {
    ok: true,
    args: {
      input: positional[0]!, output: positional[1]!, toCrs: values['to-crs'] ?? null, fromCrs: values['from-crs'] ?? null,
      encoding, values: style as ExportValueStyle, layer: layer as ArchiveLayer,
    },
  };
}

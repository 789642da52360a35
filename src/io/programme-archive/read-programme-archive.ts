// A programme archive (GeoPackage) read back into a ProgrammeContent with sql.js, supplied by the
// caller. Nothing in the file is trusted: the structure is checked first (archive-structure.ts),
// then every row and geometry; the first problem ends the read with its code and a reason naming
// table, fid and column. Only fixed SQL is run.
import type { Feature, Point } from 'geojson';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { BufferDistances } from '../../domain/buffer-presets.ts';
import { validateBufferDistance } from '../../domain/buffer-presets.ts';
import {
  DAMAGE_TYPES, MEASURES, MINE_CATEGORIES, PARCEL_STATUSES, RESTORATION_DIRECTIONS, TARGET_CATEGORY_GROUPS, ZONE_TYPES,
  type AreaGeometry, type Mine, type ParcelProperties, type Programme, type StatedTotal, type Target, type TreatedProperties,
  type ZoneGeometry, type ZoneProperties,
} from '../../domain/model.ts';
import { PROGRAMME_AREA_LEVELS, type ProgrammeContent } from '../../domain/programme-content.ts';
import type { ParcelReview } from '../../domain/review.ts';
import { DEFAULT_IMPORT_LIMITS, megabytes } from '../import-limits.ts';
import { ioFail, IoError, type IoResult } from '../io-result.ts';
import { archiveGeometry } from './archive-geometry.ts';
import { reviewEvents } from './archive-reviews.ts';
import { EXTRA_COLUMN, GEOMETRY_COLUMN, TABLE_ORDER, TABLES, type ArchiveTable, type TableName } from './archive-schema.ts';
import { checkArchiveStructure, rows } from './archive-structure.ts';
import { ArchiveRow } from './archive-values.ts';
import type { VertexBudget } from './geopackage-binary.ts';

export interface ArchiveReadLimits {
  maxBytes: number;
  /** Rows of all tables together. */
  maxFeatures: number;
  maxVertices: number;
}

const SQLITE_HEADER = 'SQLite format 3\0';

function eachRow(db: Database, table: ArchiveTable, visit: (row: ArchiveRow) => void): void {
  const columns = ['fid', ...(table.dataType === 'features' ? [GEOMETRY_COLUMN] : []), ...table.columns.map(([name]) => name)];
  const statement = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table.name}" ORDER BY "fid"`);
  try {
    while (statement.step()) {
      const values = statement.get();
      const record: Record<string, SqlValue> = {};
      columns.forEach((c, i) => { record[c] = values[i] ?? null; });
      visit(new ArchiveRow(table.name, record['fid'] ?? null, record));
    }
  } finally {
    statement.free();
  }
}

function collect<T>(db: Database, name: TableName, read: (row: ArchiveRow) => T): T[] {
  const out: T[] = [];
  eachRow(db, TABLES[name], (row) => out.push(read(row)));
  return out;
}

/** Columns into properties: source_attributes when present, then what fulv_extra adds. */
function withExtras<P extends object>(row: ArchiveRow, properties: P): P {
  const source = row.flatObject('source_attributes');
  return { ...properties, ...(source ? { source_attributes: source } : {}), ...row.object(EXTRA_COLUMN) };
}

function features<G extends AreaGeometry | ZoneGeometry, P>(db: Database, name: TableName, srsId: number, budget: VertexBudget, properties: (row: ArchiveRow) => P): Feature<G, P>[] {
  return collect(db, name, (row) => ({
    type: 'Feature',
    properties: properties(row),
    geometry: archiveGeometry(name, row.fid, row.raw(GEOMETRY_COLUMN), srsId, budget) as G,
  }));
}

const parcelProperties = (r: ArchiveRow): ParcelProperties => {
  const tbxl = r.optionalText('tbxl');
  return withExtras(r, {
    id: r.text('id'), mine_id: r.text('mine_id'), name: r.text('name'), damage_type: r.code('damage_type', DAMAGE_TYPES),
    direction: r.code('direction', RESTORATION_DIRECTIONS), status: r.code('status', PARCEL_STATUSES), tbdl: r.nullableText('tbdl'),
    ...(tbxl === undefined ? {} : { tbxl }), note: r.text('note'),
  });
};

const treatedProperties = (r: ArchiveRow): TreatedProperties => withExtras(r, {
  id: r.text('id'), parcel_id: r.nullableText('parcel_id'), mine_id: r.nullableText('mine_id'), date: r.text('date'),
  measure: r.code('measure', MEASURES), direction: r.code('direction', RESTORATION_DIRECTIONS), surveyor: r.text('surveyor'), note: r.text('note'),
});

const zoneProperties = (r: ArchiveRow): ZoneProperties => withExtras(r, {
  id: r.text('id'), name: r.text('name'), name_en: r.text('name_en'), zone_type: r.code('zone_type', ZONE_TYPES), note: r.text('note'),
});

function readMines(db: Database, srsId: number, budget: VertexBudget): Mine[] {
  return collect(db, 'mines', (r) => {
    const point = archiveGeometry('mines', r.fid, r.raw(GEOMETRY_COLUMN), srsId, budget);
    return {
      id: r.text('id'), name: r.text('name'), name_en: r.text('name_en'), mineral: r.text('mineral'), township_id: r.text('township_id'),
      category: r.code('category', MINE_CATEGORIES), responsible_party: r.nullableText('responsible_party'),
      location: (point as Point).coordinates as [number, number],
    };
  });
}

function readTargets(db: Database): { rows: Target[]; stated_totals: StatedTotal[] } {
  const targets: Target[] = [];
  const totals: StatedTotal[] = [];
  eachRow(db, TABLES.targets, (r) => {
    const kind = r.code('kind', ['row', 'stated_total']);
    const toYear = r.raw('to_year') === null ? {} : { to_year: r.integer('to_year') };
    if (kind === 'row') {
      targets.push({ township_id: r.text('township_id'), category_group: r.code('category_group', TARGET_CATEGORY_GROUPS), year: r.integer('year'), ...toYear, target_mu: r.number('target_mu') });
    } else {
      const township = r.optionalText('township_id');
      const group = r.raw('category_group') === null ? undefined : r.code('category_group', TARGET_CATEGORY_GROUPS);
      totals.push({
        ...(township === undefined ? {} : { township_id: township }), ...(group === undefined ? {} : { category_group: group }),
        year: r.integer('year'), ...toYear, target_mu: r.number('target_mu'),
      });
    }
  });
  return { rows: targets, stated_totals: totals };
}

function readDistances(db: Database): BufferDistances {
  const distances: Partial<Record<string, number>> = {};
  eachRow(db, TABLES.buffer_distances, (r) => {
    const type = r.text('zone_type');
    const metres = r.number('distance_m');
    const problem = validateBufferDistance(type, metres);
    if (problem) r.fail('distance_m', `: ${problem}`);
    distances[type] = metres;
  });
  const missing = ZONE_TYPES.filter((t) => distances[t] === undefined);
  if (missing.length > 0) throw new IoError('archive_invalid', `buffer_distances has no distance for ${missing.join(', ')}.`);
  return distances as BufferDistances;
}

function checkCounts(db: Database, limits: ArchiveReadLimits): void {
  let total = 0;
  for (const name of TABLE_ORDER) total += Number(rows(db, `SELECT count(*) FROM "${TABLES[name].name}"`)[0]?.[0] ?? 0);
  if (total > limits.maxFeatures) throw new IoError('too_many_features', `The archive has ${total} rows, more than the limit of ${limits.maxFeatures}.`);
}

function readContent(db: Database, limits: ArchiveReadLimits): ProgrammeContent {
  const srsIds = checkArchiveStructure(db);
  checkCounts(db, limits);
  const budget: VertexBudget = { left: limits.maxVertices };
  const [header] = collect(db, 'programme', (r) => r);
  const h = header!;
  const programme: Programme = {
    id: h.text('id'), name: h.text('name'), name_en: h.text('name_en'), county: h.text('county'),
    townships: collect(db, 'townships', (r) => ({ id: r.text('id'), name: r.text('name'), name_en: r.text('name_en') })),
    mines: readMines(db, srsIds.get('mines')!, budget),
    parcels: { type: 'FeatureCollection', features: features<AreaGeometry, ParcelProperties>(db, 'parcels', srsIds.get('parcels')!, budget, parcelProperties) },
    treated: { type: 'FeatureCollection', features: features<AreaGeometry, TreatedProperties>(db, 'treated', srsIds.get('treated')!, budget, treatedProperties) },
    zones: { type: 'FeatureCollection', features: features<ZoneGeometry, ZoneProperties>(db, 'zones', srsIds.get('zones')!, budget, zoneProperties) },
    targets: { ...readTargets(db), source: h.text('targets_source') },
  };
  const reviews: ParcelReview[] = collect(db, 'reviews', (r) => ({ parcel_id: r.text('parcel_id'), status: r.code('status', PARCEL_STATUSES), events: reviewEvents(r) }));
  return { programme, areaLevel: h.code('area_level', PROGRAMME_AREA_LEVELS), bufferDistances: readDistances(db), reviews };
}

/** A programme archive's bytes read into a ProgrammeContent, or the first reason it cannot be. */
export function readProgrammeArchive(sql: SqlJsStatic, bytes: Uint8Array, limits: Partial<ArchiveReadLimits> = {}): IoResult<ProgrammeContent> {
  const limit: ArchiveReadLimits = { maxBytes: DEFAULT_IMPORT_LIMITS.maxBytes, maxFeatures: DEFAULT_IMPORT_LIMITS.maxFeatures, maxVertices: DEFAULT_IMPORT_LIMITS.maxVertices, ...limits };
  if (bytes.byteLength > limit.maxBytes) return ioFail('file_too_large', `The archive is ${megabytes(bytes.byteLength)}, over the limit of ${megabytes(limit.maxBytes)}.`);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SQLITE_HEADER.length));
  if (head !== SQLITE_HEADER) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    return ioFail('archive_not_sqlite', `The file is not a SQLite database, so not a GeoPackage (it does not start with "SQLite format 3"${zip ? '; it is a zip archive: a backup or a zipped Shapefile?' : ''}).`);
  }
  let db: Database;
  try {
    db = new sql.Database(bytes);
  } catch (error) {
    return ioFail('archive_corrupt', `SQLite cannot open the file: ${(error as Error).message}`);
  }
  try {
    return { ok: true, value: readContent(db, limit) };
  } catch (error) {
    if (error instanceof IoError) return error.toFailure();
    // SQLite reads pages lazily: a damaged file shows here, as "database disk image is malformed".
    return ioFail('archive_corrupt', `The database cannot be read: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

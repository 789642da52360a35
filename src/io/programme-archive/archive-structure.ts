// Whether a SQLite database is a GeoPackage, and that GeoPackage a programme archive of a format
// version this reader knows, with every table, column and SRS the archive needs. Only fixed SQL is
// run: names read from the file are compared with the schema's, never put into a statement.
import type { Database, SqlValue } from 'sql.js';
import { IoError } from '../io-result.ts';
import {
  ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, GEOMETRY_COLUMN, GEOPACKAGE_APPLICATION_ID, OLDER_GEOPACKAGE_IDS, TABLE_ORDER, TABLES,
  type ArchiveTable,
} from './archive-schema.ts';
import { shown } from './archive-values.ts';

export function rows(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql)[0]?.values ?? [];
}

/** Layers named in a message, at most a few, each cut short. */
function layerList(names: readonly string[]): string {
  if (names.length === 0) return 'no layers';
  const listed = names.slice(0, 8).map((n) => `"${shown(n)}"`).join(', ');
  return `layers ${listed}${names.length > 8 ? ` and ${names.length - 8} more` : ''}`;
}

function checkGeopackage(db: Database, tables: ReadonlyMap<string, SchemaEntry>): void {
  const applicationId = Number(rows(db, 'PRAGMA application_id')[0]?.[0] ?? 0);
  const known = applicationId === GEOPACKAGE_APPLICATION_ID || OLDER_GEOPACKAGE_IDS.includes(applicationId);
  const missing = ['gpkg_contents', 'gpkg_spatial_ref_sys', 'gpkg_geometry_columns'].filter((t) => tables.get(t)?.type !== 'table');
  if (missing.length > 0) {
    const id = known ? 'its application id says GeoPackage' : `its application id is 0x${applicationId.toString(16).padStart(8, '0')}, not "GPKG"`;
    throw new IoError('archive_not_geopackage', `The file is a SQLite database but not a GeoPackage: it has no ${missing.join(', ')} table (${id}).`);
  }
}

interface SchemaEntry {
  type: string;
  sql: string;
}

/** A plain table: a view runs the file's own SQL on every read, a virtual table a module's code. */
function checkPlainTable(tables: ReadonlyMap<string, SchemaEntry>, name: string): void {
  const entry = tables.get(name);
  if (entry?.type !== 'table') throw new IoError('archive_table_missing', `"${name}" is listed in gpkg_contents but is ${entry ? `a ${shown(entry.type)}, not a table` : 'not in the database'}.`);
  if (/^\s*CREATE\s+VIRTUAL\b/i.test(entry.sql)) throw new IoError('archive_table_missing', `"${name}" is a virtual table, not a table.`);
}

function checkProgramme(db: Database, tables: ReadonlyMap<string, SchemaEntry>, contents: ReadonlyMap<string, string>): void {
  const programme = TABLES.programme;
  if (contents.get(programme.name) !== 'attributes') {
    const names = [...contents.keys()];
    throw new IoError('archive_not_programme', `This GeoPackage (${layerList(names)}) is not a Fulv programme archive: it has no "programme" table. Open its layers with the import dialog instead.`);
  }
  checkPlainTable(tables, programme.name);
  const columns = tableColumns(db, programme);
  if (!columns.has('format') || !columns.has('format_version')) throw new IoError('archive_not_programme', 'The "programme" table has no format and format_version columns: this GeoPackage is not a Fulv programme archive.');
  const header = rows(db, 'SELECT "format", "format_version" FROM "programme" LIMIT 2');
  if (header.length !== 1) throw new IoError('archive_invalid', `The "programme" table has ${header.length === 0 ? 'no row' : 'more than one row'}; an archive holds one programme.`);
  const [format, version] = header[0]!;
  if (format !== ARCHIVE_FORMAT) throw new IoError('archive_not_programme', `The "programme" table says format "${shown(format)}", not "${ARCHIVE_FORMAT}": this GeoPackage is not a Fulv programme archive.`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new IoError('archive_invalid', `The archive's format_version is ${shown(version)}, not a version number.`);
  if (version > ARCHIVE_FORMAT_VERSION) {
    throw new IoError('archive_version', `The archive is format version ${version}, newer than this Fulv reads (${ARCHIVE_FORMAT_VERSION}); update Fulv to open it.`);
  }
}

/** Names of a table's columns; a generated column (SQL of the file's, run on reading) is refused. */
function tableColumns(db: Database, table: ArchiveTable): Set<string> {
  const info = rows(db, `PRAGMA table_xinfo("${table.name}")`);
  for (const [, name, , , , , hidden] of info) {
    if (hidden !== 0) throw new IoError('archive_invalid', `Table ${table.name}: column "${shown(name)}" is generated or hidden, which an archive never has.`);
  }
  return new Set(info.map((r) => String(r[1])));
}

function checkColumns(db: Database, table: ArchiveTable): void {
  const columns = tableColumns(db, table);
  const wanted = ['fid', ...(table.dataType === 'features' ? [GEOMETRY_COLUMN] : []), ...table.columns.map(([name]) => name)];
  const missing = wanted.filter((c) => !columns.has(c));
  if (missing.length > 0) throw new IoError('archive_table_missing', `Table ${table.name} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
}

/** The layer's SRS id, once it is known to be CGCS2000. */
function checkGeometryColumn(db: Database, table: ArchiveTable): number {
  const found = rows(db, 'SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns').filter((r) => r[0] === table.name);
  if (found.length !== 1) throw new IoError('archive_table_missing', `Layer ${table.name} is not registered in gpkg_geometry_columns.`);
  const [, column, srsId] = found[0]!;
  if (column !== GEOMETRY_COLUMN) throw new IoError('archive_invalid', `Layer ${table.name}'s geometry column is "${shown(column)}", not "${GEOMETRY_COLUMN}".`);
  const srs = rows(db, 'SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys').find((r) => r[0] === srsId);
  if (!srs) throw new IoError('archive_srs', `Layer ${table.name} names SRS ${shown(srsId)}, which gpkg_spatial_ref_sys does not define.`);
  const [, organization, code] = srs;
  if (String(organization).toUpperCase() !== 'EPSG' || code !== 4490) {
    throw new IoError('archive_srs', `Layer ${table.name} is in ${shown(organization)}:${shown(code)}; a programme archive holds CGCS2000 longitude/latitude (EPSG:4490). Reproject it (ogr2ogr -t_srs EPSG:4490) or import the layer instead.`);
  }
  return srsId as number;
}

/** Throws the first reason the database is not a programme archive this reader can read; returns the geometry columns' SRS ids. */
export function checkArchiveStructure(db: Database): Map<string, number> {
  const tables = new Map(rows(db, 'SELECT name, type, sql FROM sqlite_master').map((r): [string, SchemaEntry] => [String(r[0]), { type: String(r[1]), sql: String(r[2] ?? '') }]));
  checkGeopackage(db, tables);
  const contents = new Map(rows(db, 'SELECT table_name, data_type FROM gpkg_contents LIMIT 10000').map((r) => [String(r[0]), String(r[1])]));
  checkProgramme(db, tables, contents);
  const srsIds = new Map<string, number>();
  for (const name of TABLE_ORDER) {
    const table: ArchiveTable = TABLES[name];
    if (contents.get(table.name) !== table.dataType) {
      throw new IoError('archive_table_missing', `The archive has no ${table.dataType} table "${table.name}"${contents.has(table.name) ? ` (gpkg_contents says ${shown(contents.get(table.name))})` : ''}.`);
    }
    checkPlainTable(tables, table.name);
    checkColumns(db, table);
    if (table.dataType === 'features') srsIds.set(table.name, checkGeometryColumn(db, table));
  }
  return srsIds;
}

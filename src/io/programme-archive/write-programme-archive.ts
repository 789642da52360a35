// A programme written as one GeoPackage (archive-schema.ts), with sql.js (SQLite in WebAssembly)
// supplied by the caller, loaded as the browser or Node needs. Every value goes in through bound
// parameters; only the schema's own names are written into SQL.
import type { Feature } from 'geojson';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { ZONE_TYPES } from '../../domain/model.ts';
import type { ProgrammeContent } from '../../domain/programme-content.ts';
import {
  ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, CGCS2000_SRS_ID, createTableSql, EXTRA_COLUMN, GEOMETRY_COLUMN, GEOPACKAGE_APPLICATION_ID,
  GEOPACKAGE_CORE_SQL, GEOPACKAGE_USER_VERSION, SPATIAL_REF_SYS, TABLE_ORDER, TABLES, type ArchiveTable, type TableName,
} from './archive-schema.ts';
import { envelopeOf, geometryBlob, type ArchiveGeometry } from './geopackage-binary.ts';

type Row = Record<string, SqlValue>;

export interface ArchiveWriteOptions {
  /** gpkg_contents.last_change; now unless given (a fixed time makes the file reproducible). */
  now?: Date;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Properties the columns cannot say: keys outside the model, and optional fields that are null. */
function extraProperties(properties: object, columns: readonly string[], optional: readonly string[]): string | null {
  const extra = Object.entries(properties).filter(([key, value]) => !columns.includes(key) || (optional.includes(key) && value === null));
  return extra.length > 0 ? JSON.stringify(Object.fromEntries(extra)) : null;
}

function featureRow(table: ArchiveTable, properties: object, optional: readonly string[]): Row {
  const columns = table.columns.map(([name]) => name).filter((name) => name !== EXTRA_COLUMN);
  const values = properties as Record<string, unknown>;
  const row: Row = {};
  for (const name of columns) {
    const value = values[name];
    row[name] = name === 'source_attributes' ? json(value) : (value as SqlValue | undefined) ?? null;
  }
  row[EXTRA_COLUMN] = extraProperties(properties, columns, optional);
  return row;
}

/** The most specific geometry type name that covers every feature (clause 2.1.5.1.2). */
function geometryTypeName(geometries: readonly ArchiveGeometry[]): string {
  const types = new Set(geometries.map((g) => g.type.toUpperCase()));
  return types.size === 1 ? [...types][0]! : 'GEOMETRY';
}

function insertRows(db: Database, table: ArchiveTable, rows: readonly Row[], geometries?: readonly ArchiveGeometry[]): void {
  const names = [...(geometries ? [GEOMETRY_COLUMN] : []), ...table.columns.map(([name]) => name)];
  const statement = db.prepare(`INSERT INTO "${table.name}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  try {
    rows.forEach((row, i) => {
      const values = table.columns.map(([name]) => row[name] ?? null);
      statement.run(geometries ? [geometryBlob(geometries[i]!, CGCS2000_SRS_ID), ...values] : values);
    });
  } finally {
    statement.free();
  }
}

function registerTable(db: Database, table: ArchiveTable, now: string, geometries: readonly ArchiveGeometry[] | undefined, typeName: string | null): void {
  let extent: (number | null)[] = [null, null, null, null];
  for (const envelope of geometries?.map(envelopeOf) ?? []) {
    if (!envelope) continue;
    const [minX, minY, maxX, maxY] = extent as [number | null, number | null, number | null, number | null];
    extent = [Math.min(minX ?? Infinity, envelope[0]), Math.min(minY ?? Infinity, envelope[2]), Math.max(maxX ?? -Infinity, envelope[1]), Math.max(maxY ?? -Infinity, envelope[3])];
  }
  db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    table.name, table.dataType, table.name, table.description, now, ...extent, geometries ? CGCS2000_SRS_ID : null,
  ]);
  if (geometries) {
    db.run('INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, ?, 0)', [
      table.name, GEOMETRY_COLUMN, typeName, CGCS2000_SRS_ID,
      // z: 0 prohibited, 2 optional (clause 2.1.5.1.2).
      geometries.some(hasZ) ? 2 : 0,
    ]);
  }
}

function hasZ(geometry: ArchiveGeometry): boolean {
  const first = (function firstPosition(c: unknown): unknown {
    return Array.isArray(c) && Array.isArray(c[0]) ? firstPosition(c[0]) : c;
  })(geometry.coordinates);
  return Array.isArray(first) && first.length > 2;
}

interface LayerRows {
  rows: Row[];
  geometries?: ArchiveGeometry[];
  typeName?: string;
}

function featureLayer(table: ArchiveTable, features: readonly Feature[], optional: readonly string[] = []): LayerRows {
  return {
    rows: features.map((f) => featureRow(table, f.properties ?? {}, optional)),
    geometries: features.map((f) => f.geometry as ArchiveGeometry),
  };
}

function layers(content: ProgrammeContent): Record<TableName, LayerRows> {
  const { programme } = content;
  return {
    programme: {
      rows: [{
        format: ARCHIVE_FORMAT, format_version: ARCHIVE_FORMAT_VERSION, id: programme.id, name: programme.name, name_en: programme.name_en,
        county: programme.county, area_level: content.areaLevel, targets_source: programme.targets.source,
      }],
    },
    buffer_distances: { rows: ZONE_TYPES.map((t) => ({ zone_type: t, distance_m: content.bufferDistances[t] })) },
    townships: { rows: programme.townships.map((t) => ({ id: t.id, name: t.name, name_en: t.name_en })) },
    mines: {
      rows: programme.mines.map((m) => ({
        id: m.id, name: m.name, name_en: m.name_en, mineral: m.mineral, township_id: m.township_id, category: m.category, responsible_party: m.responsible_party,
      })),
      geometries: programme.mines.map((m) => ({ type: 'Point', coordinates: m.location })),
      typeName: 'POINT',
    },
    parcels: featureLayer(TABLES.parcels, programme.parcels.features, ['tbxl']),
    treated: featureLayer(TABLES.treated, programme.treated.features),
    zones: featureLayer(TABLES.zones, programme.zones.features),
    targets: {
      rows: [
        ...programme.targets.rows.map((t) => ({ kind: 'row', year: t.year, to_year: t.to_year ?? null, township_id: t.township_id, category_group: t.category_group, target_mu: t.target_mu })),
        ...programme.targets.stated_totals.map((t) => ({
          kind: 'stated_total', year: t.year, to_year: t.to_year ?? null, township_id: t.township_id ?? null, category_group: t.category_group ?? null, target_mu: t.target_mu,
        })),
      ],
    },
    reviews: { rows: content.reviews.map((r) => ({ parcel_id: r.parcel_id, status: r.status, events: JSON.stringify(r.events) })) },
  };
}

/** The programme as the bytes of a GeoPackage file (.gpkg). */
export function writeProgrammeArchive(sql: SqlJsStatic, content: ProgrammeContent, options: ArchiveWriteOptions = {}): Uint8Array {
  const now = (options.now ?? new Date()).toISOString();
  const db = new sql.Database();
  try {
    db.run(`PRAGMA application_id = ${GEOPACKAGE_APPLICATION_ID}`);
    db.run(`PRAGMA user_version = ${GEOPACKAGE_USER_VERSION}`);
    db.run('BEGIN');
    db.exec(GEOPACKAGE_CORE_SQL);
    for (const srs of SPATIAL_REF_SYS) {
      db.run('INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)', [...srs]);
    }
    const all = layers(content);
    for (const name of TABLE_ORDER) {
      const table = TABLES[name];
      const layer = all[name];
      const typeName = layer.geometries ? (layer.typeName ?? geometryTypeName(layer.geometries)) : null;
      db.run(createTableSql(table, typeName ?? undefined));
      insertRows(db, table, layer.rows, layer.geometries);
      registerTable(db, table, now, layer.geometries, typeName);
    }
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}

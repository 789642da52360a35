// The tables of a programme archive: a GeoPackage (OGC 12-128r18, version 1.3) whose feature
// tables hold CGCS2000 longitude/latitude, and whose attribute tables hold what has no geometry.
// Fulv's own field names are the column names, so GDAL and QGIS show them as the app exports them.
// Renaming a table or a column is a format change: raise ARCHIVE_FORMAT_VERSION and read both.

export const ARCHIVE_FORMAT = 'fulv-programme-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

/** PRAGMA application_id "GPKG" and user_version 10300 (GeoPackage 1.3.0), clause 1.1.1.1.1. */
export const GEOPACKAGE_APPLICATION_ID = 0x47504b47;
export const GEOPACKAGE_USER_VERSION = 10300;
/** Application ids of GeoPackage 1.0 ("GP10") and 1.1 ("GP11"), still read. */
export const OLDER_GEOPACKAGE_IDS = [0x47503130, 0x47503131];

export const CGCS2000_SRS_ID = 4490;

/** WKT 1 of EPSG:4490 as GDAL 3.6 writes it (`gdalsrsinfo -o wkt1 --single-line EPSG:4490`). */
const CGCS2000_WKT = 'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4490"]]';
const WGS84_WKT = 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

/** gpkg_spatial_ref_sys rows: the three the standard requires (-1, 0, 4326) and CGCS2000. */
export const SPATIAL_REF_SYS: readonly [string, number, string, number, string, string][] = [
  ['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'],
  ['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'],
  ['WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'],
  ['China Geodetic Coordinate System 2000', CGCS2000_SRS_ID, 'EPSG', 4490, CGCS2000_WKT, 'CGCS2000 longitude/latitude in decimal degrees (国家2000大地坐标系)'],
];

/** The GeoPackage's own tables (clause 1.1.2, 1.1.3, 2.1.5), as the standard's Annex C defines them. */
export const GEOPACKAGE_CORE_SQL = `
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));`;

export type ColumnType = 'TEXT' | 'INTEGER' | 'REAL';

export interface ArchiveTable {
  name: string;
  dataType: 'features' | 'attributes';
  description: string;
  /** Columns after fid (and geom for features), in order. */
  columns: readonly (readonly [string, ColumnType])[];
}

export const GEOMETRY_COLUMN = 'geom';

/** Feature properties no column holds (keys outside the model, an optional field that is null), as JSON. */
export const EXTRA_COLUMN = 'fulv_extra';

export const TABLES = {
  programme: {
    name: 'programme', dataType: 'attributes', description: 'Fulv programme: header and format (one row)',
    columns: [['format', 'TEXT'], ['format_version', 'INTEGER'], ['id', 'TEXT'], ['name', 'TEXT'], ['name_en', 'TEXT'], ['county', 'TEXT'],
      ['area_level', 'TEXT'], ['targets_source', 'TEXT']],
  },
  buffer_distances: {
    name: 'buffer_distances', dataType: 'attributes', description: 'Buffer distance in metres per protection zone type',
    columns: [['zone_type', 'TEXT'], ['distance_m', 'REAL']],
  },
  townships: {
    name: 'townships', dataType: 'attributes', description: 'Townships (乡镇)',
    columns: [['id', 'TEXT'], ['name', 'TEXT'], ['name_en', 'TEXT']],
  },
  mines: {
    name: 'mines', dataType: 'features', description: 'Mines (矿山) at their representative point',
    columns: [['id', 'TEXT'], ['name', 'TEXT'], ['name_en', 'TEXT'], ['mineral', 'TEXT'], ['township_id', 'TEXT'], ['category', 'TEXT'],
      ['responsible_party', 'TEXT']],
  },
  parcels: {
    name: 'parcels', dataType: 'features', description: 'Damaged parcels (图斑)',
    columns: [['id', 'TEXT'], ['mine_id', 'TEXT'], ['name', 'TEXT'], ['damage_type', 'TEXT'], ['direction', 'TEXT'], ['status', 'TEXT'],
      ['tbdl', 'TEXT'], ['tbxl', 'TEXT'], ['note', 'TEXT'], ['source_attributes', 'TEXT'], [EXTRA_COLUMN, 'TEXT']],
  },
  treated: {
    name: 'treated', dataType: 'features', description: 'Treated polygons (已治理范围), live versions',
    columns: [['id', 'TEXT'], ['parcel_id', 'TEXT'], ['mine_id', 'TEXT'], ['date', 'TEXT'], ['measure', 'TEXT'], ['direction', 'TEXT'],
      ['surveyor', 'TEXT'], ['note', 'TEXT'], ['source_attributes', 'TEXT'], [EXTRA_COLUMN, 'TEXT']],
  },
  zones: {
    name: 'zones', dataType: 'features', description: 'Protection zones (三区两线): areas and lines',
    columns: [['id', 'TEXT'], ['name', 'TEXT'], ['name_en', 'TEXT'], ['zone_type', 'TEXT'], ['note', 'TEXT'], ['source_attributes', 'TEXT'],
      [EXTRA_COLUMN, 'TEXT']],
  },
  targets: {
    name: 'targets', dataType: 'attributes', description: 'Targets in 亩: rows (kind row) and totals as the plan states them (kind stated_total)',
    columns: [['kind', 'TEXT'], ['year', 'INTEGER'], ['to_year', 'INTEGER'], ['township_id', 'TEXT'], ['category_group', 'TEXT'], ['target_mu', 'REAL']],
  },
  reviews: {
    name: 'reviews', dataType: 'attributes', description: 'Acceptance records per parcel; events as JSON, oldest first',
    columns: [['parcel_id', 'TEXT'], ['status', 'TEXT'], ['events', 'TEXT']],
  },
} as const satisfies Record<string, ArchiveTable>;

export type TableName = keyof typeof TABLES;
export const TABLE_ORDER: readonly TableName[] = ['programme', 'buffer_distances', 'townships', 'mines', 'parcels', 'treated', 'zones', 'targets', 'reviews'];
export type FeatureTableName = 'mines' | 'parcels' | 'treated' | 'zones';

/** A feature table's geometry column is declared with its gpkg_geometry_columns type (requirement 31). */
export function createTableSql(table: ArchiveTable, geometryTypeName?: string): string {
  const columns = [
    '"fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL',
    ...(geometryTypeName ? [`"${GEOMETRY_COLUMN}" ${geometryTypeName}`] : []),
    ...table.columns.map(([name, type]) => `"${name}" ${type}`),
  ];
  return `CREATE TABLE "${table.name}" (${columns.join(', ')})`;
}

// An MBTiles file opened with sql.js (SQLite compiled to WebAssembly): the whole database is read
// into memory (hence its size limit, sniff-imagery.ts), described from its metadata
// (mbtiles-metadata.ts) and its tiles served from the `tiles` table or view, whose rows count
// from the south (TMS) while the map asks for XYZ rows. The caller supplies sql.js, loaded as the
// browser or Node needs.
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { tmsRow } from '../../lib/web-mercator-tiles.ts';
import { imageSignature } from '../pmtiles/image-size.ts';
import { imageryProblem, type ImageryResult, type OpenImagery } from './imagery-types.ts';
import { mbtilesSummary } from './mbtiles-metadata.ts';

function rows(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql)[0]?.values ?? [];
}

function blob(value: SqlValue | undefined): Uint8Array | null {
  return value instanceof Uint8Array ? value : null;
}

function describe(db: Database, bytes: number) {
  const tables = new Set(rows(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").map((r) => String(r[0])));
  if (!tables.has('metadata') || !tables.has('tiles')) {
    return imageryProblem('broken_file', 'The database has no metadata and tiles tables: it is SQLite but not MBTiles.');
  }
  const metadata = rows(db, 'SELECT name, value FROM metadata').map((r) => [String(r[0]), String(r[1] ?? '')] as const);
  const [range] = rows(db, 'SELECT min(zoom_level), max(zoom_level) FROM tiles');
  const zooms = range && typeof range[0] === 'number' && typeof range[1] === 'number' ? [range[0], range[1]] as const : null;
  const sampleTile = blob(rows(db, 'SELECT tile_data FROM tiles LIMIT 1')[0]?.[0]);
  const summary = mbtilesSummary({ metadata, zooms, sampleTile, bytes });
  if (summary.ok && sampleTile && imageSignature(sampleTile) !== summary.value.tiles) {
    return imageryProblem('broken_file', '`A stored tile is not a ${summary.value.tiles.toUpperCase()} image, as the metadata says.`');
  }
  return summary;
}

export function openMbtiles(sql: SqlJsStatic, file: Uint8Array, bytes = file.byteLength): ImageryResult<OpenImagery> {
  let db: Database;
  try {
    db = new sql.Database(file);
  } catch (error) {
    return imageryProblem('broken_file', `SQLite cannot open the file: ${(error as Error).message}`);
  }
  let summary;
  try {
    summary = describe(db, bytes);
  } catch (error) {
    // SQLite reads pages lazily: a damaged file shows here, as "database disk image is malformed".
    summary = imageryProblem('broken_file', `The database cannot be read: ${(error as Error).message}`);
  }
  if (!summary.ok) {
    db.close();
    return summary;
  }
  const lookup = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  return {
    ok: true,
    value: {
      summary: summary.value,
      tiles: {
        async tile(z, x, y) {
          const data = blob(lookup.get([z, x, tmsRow(z, y)])[0]);
          lookup.reset();
          return data && data.length > 0 ? { kind: 'encoded', bytes: data } : null;
        },
        close() {
          lookup.free();
          db.close();
        },
      },
    },
  };
}

// OGC API – Features, Part 1 Core, per programme, for QGIS and GDAL (OAPIF): landing page,
// conformance, collections with extent and CRS, items as GeoJSON with limit/offset paging, next
// links and bbox, one item by id. Behind the same bearer-token login as the rest of the API; a
// programme the account is not a member of is not found.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { CONFORMANCE, CRS84, OGC_COLLECTIONS, ogcCollection, type OgcCollection } from '../ogc-collections.ts';
import { programmeRoles } from '../programme-roles.ts';
import { requestAccount } from '../request-account.ts';
import { ID_SCHEMA } from '../request-schemas.ts';
import { invalid, ServerError } from '../server-error.ts';

export const OGC_DEFAULT_LIMIT = 1000;
export const OGC_MAX_LIMIT = 10_000;
const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';

type Params = { programmeId: string; collectionId?: string; featureId?: string };
const PARAMS = {
  type: 'object', required: ['programmeId'], additionalProperties: false,
  properties: { programmeId: ID_SCHEMA, collectionId: { type: 'string', maxLength: 64 }, featureId: ID_SCHEMA },
} as const;

interface Paging {
  limit: number;
  offset: number;
  bbox: [number, number, number, number] | null;
}

function wholeNumber(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max) throw invalid(`${name}=${text.slice(0, 40)} is not a whole number from ${min} to ${max}`);
  return Number(text);
}

function parseBbox(text: string | undefined): Paging['bbox'] {
  if (text === undefined) return null;
  const parts = text.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  if ((parts.length !== 4 && parts.length !== 6) || parts.some((n) => !Number.isFinite(n))) {
    throw invalid(`bbox=${text.slice(0, 80)} is not four numbers: min longitude, min latitude, max longitude, max latitude`);
  }
  // With heights, the horizontal corners are the 1st, 2nd, 4th and 5th numbers.
  const [x1, y1, x2, y2] = parts.length === 6 ? [parts[0]!, parts[1]!, parts[3]!, parts[4]!] : (parts as [number, number, number, number]);
  if (x1 > x2 || y1 > y2 || Math.abs(x1) > 180 || Math.abs(x2) > 180 || Math.abs(y1) > 90 || Math.abs(y2) > 90) {
    throw invalid(`bbox=${text.slice(0, 80)} is not a longitude/latitude box with its lower corner first (CRS84)`);
  }
  return [x1, y1, x2, y2];
}

function paging(query: Record<string, string | undefined>): Paging {
  return {
    limit: wholeNumber(query['limit'], 'limit', OGC_DEFAULT_LIMIT, 1, OGC_MAX_LIMIT),
    offset: wholeNumber(query['offset'], 'offset', 0, 0, 1_000_000_000),
    bbox: parseBbox(query['bbox']),
  };
}

function baseUrl(request: FastifyRequest, programmeId: string): string {
  return `${request.protocol}://${request.host}/ogc/programmes/${encodeURIComponent(programmeId)}`;
}

function collectionNotFound(id: string): ServerError {
  return new ServerError(404, 'not_found', `there is no collection ${id.slice(0, 64)}; the collections are ${OGC_COLLECTIONS.map((c) => c.id).join(', ')}`);
}

async function extent(pool: Pool, collection: OgcCollection, programmeId: string): Promise<number[] | null> {
  const { rows } = await pool.query<{ x1: number | null; y1: number; x2: number; y2: number }>(
    `select ST_XMin(e) as x1, ST_YMin(e) as y1, ST_XMax(e) as x2, ST_YMax(e) as y2 from (select ST_Extent(s.geom) as e from ${collection.source} s where s.programme_id = $1) x`,
    [programmeId]);
  const row = rows[0];
  return row && row.x1 !== null ? [row.x1, row.y1, row.x2, row.y2] : null;
}

function describe(collection: OgcCollection, base: string, bbox: number[] | null) {
  const href = `${base}/collections/${collection.id}`;
  return {
    id: collection.id, title: collection.title, description: `${collection.description}; CGCS2000 (EPSG:4490) longitude/latitude, served as CRS84`, itemType: 'feature',
    crs: [CRS84],
    extent: { spatial: { bbox: [bbox ?? [-180, -90, 180, 90]], crs: CRS84 } },
    links: [
      { href, rel: 'self', type: JSON_TYPE, title: collection.title },
      { href: `${href}/items`, rel: 'items', type: GEOJSON, title: collection.title },
    ],
  };
}

function send(reply: FastifyReply, type: string, body: string | object): FastifyReply {
  return reply.header('content-type', `${type}; charset=utf-8`).header('cache-control', 'no-store').send(typeof body === 'string' ? body : JSON.stringify(body));
}

export async function ogcRoutes(app: FastifyInstance, options: { pool: Pool }): Promise<void> {
  const { pool } = options;
  const member = async (request: FastifyRequest<{ Params: Params }>): Promise<void> => {
    await programmeRoles(pool, requestAccount(request), request.params.programmeId);
  };
  const collectionOf = (request: FastifyRequest<{ Params: Params }>): OgcCollection => {
    const id = request.params.collectionId ?? '';
    const collection = ogcCollection(id);
    if (!collection) throw collectionNotFound(id);
    return collection;
  };

  app.get<{ Params: Params }>('/ogc/programmes/:programmeId', { schema: { params: PARAMS } }, async (request, reply) => {
    await member(request);
    const { rows } = await pool.query<{ name: string; name_en: string }>('select name, name_en from programmes where id = $1', [request.params.programmeId]);
    const base = baseUrl(request, request.params.programmeId);
    return send(reply, JSON_TYPE, {
      title: rows[0]?.name ?? request.params.programmeId,
      description: `${rows[0]?.name_en ?? ''} — Fulv programme ${request.params.programmeId}, OGC API – Features`.trim(),
      links: [
        { href: base, rel: 'self', type: JSON_TYPE, title: 'this document' },
        { href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'conformance classes' },
        { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'the layers' },
      ],
    });
  });

  app.get<{ Params: Params }>('/ogc/programmes/:programmeId/conformance', { schema: { params: PARAMS } }, async (request, reply) => {
    await member(request);
    return send(reply, JSON_TYPE, { conformsTo: CONFORMANCE });
  });

  app.get<{ Params: Params }>('/ogc/programmes/:programmeId/collections', { schema: { params: PARAMS } }, async (request, reply) => {
    await member(request);
    const base = baseUrl(request, request.params.programmeId);
    const collections = [];
    for (const c of OGC_COLLECTIONS) collections.push(describe(c, base, await extent(pool, c, request.params.programmeId)));
    return send(reply, JSON_TYPE, { links: [{ href: `${base}/collections`, rel: 'self', type: JSON_TYPE }], collections });
  });

  app.get<{ Params: Params }>('/ogc/programmes/:programmeId/collections/:collectionId', { schema: { params: PARAMS } }, async (request, reply) => {
    await member(request);
    const collection = collectionOf(request);
    return send(reply, JSON_TYPE, describe(collection, baseUrl(request, request.params.programmeId), await extent(pool, collection, request.params.programmeId)));
  });

  app.get<{ Params: Params; Querystring: Record<string, string | undefined> }>('/ogc/programmes/:programmeId/collections/:collectionId/items', { schema: { params: PARAMS } }, async (request, reply) => {
    await member(request);
    const collection = collectionOf(request);
    const { limit, offset, bbox } = paging(request.query);
    const args: unknown[] = [request.params.programmeId];
    let where = 's.programme_id = $1';
    if (bbox) {
      args.push(...bbox);
      where += ' and s.geom && ST_MakeEnvelope($2, $3, $4, $5, 4490) and ST_Intersects(s.geom, ST_MakeEnvelope($2, $3, $4, $5, 4490))';
    }
    const matched = Number((await pool.query<{ n: string }>(`select count(*) as n from ${collection.source} s where ${where}`, args)).rows[0]?.n ?? 0);
    const { rows } = await pool.query<{ feature: string }>(
      `select json_build_object('type', 'Feature', 'id', s.id, 'geometry', ST_AsGeoJSON(s.geom, 15, 0)::json,
         'properties', to_jsonb(s) - 'geom' - 'fid' - 'programme_id')::text as feature
       from ${collection.source} s where ${where} order by s.fid limit ${limit} offset ${offset}`, args);
    const items = `${baseUrl(request, request.params.programmeId)}/collections/${collection.id}/items`;
    const page = (at: number): string => {
      const query = new URLSearchParams({ limit: String(limit), offset: String(at) });
      if (request.query['bbox'] !== undefined) query.set('bbox', request.query['bbox']);
      return `${items}?${query.toString()}`;
    };
    const links = [{ href: page(offset), rel: 'self', type: GEOJSON, title: 'this page' }];
    if (offset + rows.length < matched) links.push({ href: page(offset + limit), rel: 'next', type: GEOJSON, title: 'next page' });
    if (offset > 0) links.push({ href: page(Math.max(0, offset - limit)), rel: 'prev', type: GEOJSON, title: 'previous page' });
    const head = JSON.stringify({ type: 'FeatureCollection', timeStamp: new Date().toISOString(), numberMatched: matched, numberReturned: rows.length, links });
    return send(reply, GEOJSON, `${head.slice(0, -1)},"features":[${rows.map((r) => r.feature).join(',')}]}`);
  });

  app.get<{ Params: Params }>('/ogc/programmes/:programmeId/collections/:collectionId/items/:featureId', { schema: { params: PARAMS } }, async (request, reply) => {
    await member(request);
    const collection = collectionOf(request);
    const { rows } = await pool.query<{ feature: string }>(
      `select json_build_object('type', 'Feature', 'id', s.id, 'geometry', ST_AsGeoJSON(s.geom, 15, 0)::json,
         'properties', to_jsonb(s) - 'geom' - 'fid' - 'programme_id')::text as feature
       from ${collection.source} s where s.programme_id = $1 and s.id = $2`, [request.params.programmeId, request.params.featureId]);
    if (!rows[0]) throw new ServerError(404, 'not_found', `there is no feature ${request.params.featureId ?? ''} in ${collection.id}`);
    return send(reply, GEOJSON, rows[0].feature);
  });
}

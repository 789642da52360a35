// The programmes a user belongs to (their members: member-routes.ts). A programme the user is not a member of
// does not exist as far as they can tell (404).
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { ProgrammeRole } from '../programme-roles.ts';
import { requestAccount } from '../request-account.ts';
import { PROGRAMME_PARAMS } from '../request-schemas.ts';
import { programmeNotFound } from '../server-error.ts';

interface ProgrammeRow {
  id: string;
  name: string;
  name_en: string;
  county: string;
  area_level: string;
  buffer_distances: Record<string, number>;
  revision: number;
  roles: ProgrammeRole[];
}

const PROGRAMME_SELECT = `select p.id, p.name, p.name_en, p.county, p.area_level, p.buffer_distances, p.revision,
  array_agg(m.role order by m.role) as roles
  from programmes p join memberships m on m.programme_id = p.id`;

function programmeSummary(row: ProgrammeRow) {
  return {
    id: row.id, name: row.name, nameEn: row.name_en, county: row.county, areaLevel: row.area_level,
    bufferDistances: row.buffer_distances, revision: row.revision, roles: row.roles,
  };
}

export async function programmeRoutes(app: FastifyInstance, options: { pool: Pool }): Promise<void> {
  const { pool } = options;

  app.get('/api/programmes', async (request) => {
    const { rows } = await pool.query<ProgrammeRow>(`${PROGRAMME_SELECT} where m.user_id = $1 group by p.id order by p.id`, [requestAccount(request).id]);
    return { programmes: rows.map(programmeSummary) };
  });

  app.get<{ Params: { programmeId: string } }>('/api/programmes/:programmeId', { schema: { params: PROGRAMME_PARAMS } }, async (request) => {
    const { rows } = await pool.query<ProgrammeRow>(`${PROGRAMME_SELECT} where m.user_id = $1 and p.id = $2 group by p.id`, [requestAccount(request).id, request.params.programmeId]);
    if (!rows[0]) throw programmeNotFound(request.params.programmeId);
    return programmeSummary(rows[0]);
  });
}

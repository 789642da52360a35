// JSON schemas of the request parts the routes share. Fastify validates them before a handler
// runs; anything else in a body is refused rather than silently dropped (app.ts: removeAdditional off).
import { LOGIN_PATTERN } from './accounts.ts';

/** store/treated-validation.ts FEATURE_ID, which every programme, parcel and polygon id follows. */
export const ID_SCHEMA = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$' } as const;
export const LOGIN_SCHEMA = { type: 'string', pattern: LOGIN_PATTERN } as const;
export const REVISION_SCHEMA = { type: 'integer', minimum: 0, maximum: 2_147_483_647 } as const;

export const PROGRAMME_PARAMS = {
  type: 'object', required: ['programmeId'], additionalProperties: false,
  properties: { programmeId: ID_SCHEMA },
} as const;

export function paramsWith(name: string) {
  return {
    type: 'object', required: ['programmeId', name], additionalProperties: false,
    properties: { programmeId: ID_SCHEMA, [name]: ID_SCHEMA },
  } as const;
}

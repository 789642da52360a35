// Roles per programme, and which role may do what on the server. The app's own rule of who may
// take which acceptance step (domain/review.ts ROLE_ACTIONS) is the one applied here.
import type { Pool, PoolClient } from 'pg';
import { ROLE_ACTIONS, type ReviewAction, type ReviewRole } from '../domain/review.ts';
import type { Account } from './accounts.ts';
import { programmeNotFound, ServerError } from './server-error.ts';

export const PROGRAMME_ROLES = ['admin', 'surveyor', 'planner', 'reviewer'] as const;
export type ProgrammeRole = (typeof PROGRAMME_ROLES)[number];

export const ROLE_NAMES: Record<ProgrammeRole, string> = {
  admin: 'programme admin', surveyor: 'surveyor', planner: 'planner', reviewer: 'reviewer',
};

/** Who may do what besides acceptance steps. */
export const PERMISSIONS = {
  editTreated: ['surveyor', 'planner', 'admin'],
  setTargets: ['planner', 'reviewer', 'admin'],
  setBuffers: ['planner', 'admin'],
  /** Import and remove townships, mines, parcels and zones (pushed import-features / remove-features). */
  editReference: ['planner', 'admin'],
  addMembers: ['admin'],
} as const satisfies Record<string, readonly ProgrammeRole[]>;
export type Permission = keyof typeof PERMISSIONS;

const WHAT: Record<Permission, string> = {
  editTreated: 'change treated polygons',
  setTargets: 'change the targets',
  setBuffers: 'change the buffer distances',
  editReference: 'add or remove parcels, zones, mines or townships',
  addMembers: 'add members',
};

/** The account's roles in the programme; a programme it is not a member of is "not found". */
export async function programmeRoles(db: Pool | PoolClient, account: Account, programmeId: string): Promise<ProgrammeRole[]> {
  const { rows } = await db.query<{ role: ProgrammeRole }>(
    'select role from memberships where programme_id = $1 and user_id = $2 order by role',
    [programmeId, account.id],
  );
  if (rows.length === 0) throw programmeNotFound(programmeId);
  return rows.map((r) => r.role);
}

function describeRoles(roles: readonly ProgrammeRole[]): string {
  return roles.map((r) => ROLE_NAMES[r]).join(', ');
}

export function requirePermission(roles: readonly ProgrammeRole[], permission: Permission): void {
  const allowed: readonly ProgrammeRole[] = PERMISSIONS[permission];
  if (roles.some((r) => allowed.includes(r))) return;
  throw new ServerError(403, 'forbidden', `only a ${allowed.map((r) => ROLE_NAMES[r]).join(' or ')} may ${WHAT[permission]}; your role in this programme: ${describeRoles(roles)}`);
}

/** The capacity in which the account takes an acceptance step, or a 403 saying who may. */
export function reviewRoleFor(roles: readonly ProgrammeRole[], action: Exclude<ReviewAction, 'reopen'>): ReviewRole {
  if (roles.includes('reviewer')) return 'reviewer';
  if (roles.includes('surveyor') && ROLE_ACTIONS.surveyor.includes(action)) return 'surveyor';
  const who = action === 'submit' ? 'a surveyor or a reviewer' : 'a reviewer';
  const verb = { submit: 'submit work for acceptance', accept: 'accept', send_back: 'send work back', close: 'close' }[action];
  throw new ServerError(403, 'forbidden', `only ${who} may ${verb} a parcel's work; your role in this programme: ${describeRoles(roles)}`);
}

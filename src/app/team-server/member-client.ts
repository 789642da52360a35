// A programme's members on the team server: list, add (an existing account, or a new one with a
// name and a first password), exchange a role for another, remove a role.
import { auth, request } from './server-client.ts';
import type { ServerSession } from './server-settings.ts';

export const MEMBER_ROLES = ['surveyor', 'planner', 'reviewer', 'admin'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Member {
  login: string;
  displayName: string;
  role: MemberRole;
}

export interface NewMember {
  login: string;
  role: MemberRole;
  /** Only to create an account that is not on the server yet. */
  account?: { displayName: string; password: string };
}

const json = (session: ServerSession) => ({ ...auth(session), 'content-type': 'application/json' });
const membersUrl = (base: string, programmeId: string) => `${base}/api/programmes/${encodeURIComponent(programmeId)}/members`;
const memberUrl = (base: string, programmeId: string, m: Member) =>
  `${membersUrl(base, programmeId)}/${encodeURIComponent(m.login)}/${encodeURIComponent(m.role)}`;

export async function listMembers(base: string, session: ServerSession, programmeId: string): Promise<Member[]> {
  return ((await (await request(membersUrl(base, programmeId), { headers: auth(session) })).json()) as { members: Member[] }).members;
}

export async function addMember(base: string, session: ServerSession, programmeId: string, member: NewMember): Promise<void> {
  const body = { login: member.login, role: member.role, ...member.account };
  await request(membersUrl(base, programmeId), { method: 'POST', headers: json(session), body: JSON.stringify(body) });
}

export async function changeMemberRole(base: string, session: ServerSession, programmeId: string, member: Member, role: MemberRole): Promise<void> {
  await request(memberUrl(base, programmeId, member), { method: 'PUT', headers: json(session), body: JSON.stringify({ role }) });
}

export async function removeMember(base: string, session: ServerSession, programmeId: string, member: Member): Promise<void> {
  await request(memberUrl(base, programmeId, member), { method: 'DELETE', headers: auth(session) });
}

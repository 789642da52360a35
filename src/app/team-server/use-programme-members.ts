// The members of the programme whose admin opened them in Settings → team server: read when opened,
// and read again after each change, so what is shown is what the server holds.
import { useCallback, useEffect, useState } from 'react';
import type { MemberItem, MemberRoleName, NewMemberInput, ProgrammeMembersProps } from '../../ui/ProgrammeMembers.tsx';
import type { Translate } from '../../ui/i18n/translate.ts';
import type { MessageKey } from '../../ui/i18n/zh.ts';
import { addMember, changeMemberRole, listMembers, removeMember } from './member-client.ts';
import { ServerFailure } from './server-client.ts';
import type { ServerSession } from './server-settings.ts';

// The server's rules (accounts.ts LOGIN_PATTERN, passwords.ts MIN_PASSWORD_LENGTH), checked first so the message is the app's own.
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$/;
const MIN_PASSWORD = 10;
const ROLE_KEYS: Record<MemberRoleName, MessageKey> = {
  admin: 'server.role.admin', surveyor: 'server.role.surveyor', planner: 'server.role.planner', reviewer: 'server.role.reviewer',
};

function inputProblem(member: NewMemberInput): MessageKey | null {
  if (!LOGIN.test(member.login.trim())) return 'members.loginInvalid';
  const name = member.displayName.trim();
  if ((name === '') !== (member.password === '')) return 'members.accountHalf';
  if (member.password !== '' && member.password.length < MIN_PASSWORD) return 'members.passwordShort';
  return null;
}

export function useProgrammeMembers(
  t: Translate, url: string | null, session: ServerSession | null, programme: { id: string; name: string } | null, onUnauthenticated: () => void,
): ProgrammeMembersProps | null {
  const [members, setMembers] = useState<MemberItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ProgrammeMembersProps['message']>(null);
  const id = programme?.id ?? null;

  const run = useCallback(async (work: () => Promise<string | null>, login = ''): Promise<boolean> => {
    if (!url || !session || !id) return false;
    setBusy(true);
    try {
      const done = await work();
      setMessage(done === null ? null : { text: done, error: false });
      return true;
    } catch (error) {
      if (error instanceof ServerFailure) {
        if (error.code === 'unauthenticated') onUnauthenticated();
        setMessage({ text: t(`server.error.${error.code}`, { reason: error.message, id: login }), error: true });
      } else setMessage({ text: t('server.error.other', { reason: error instanceof Error ? error.message : String(error) }), error: true });
      return false;
    } finally {
      // What the server holds now, whether the change went through or not.
      await listMembers(url, session, id).then(setMembers, () => undefined);
      setBusy(false);
    }
  }, [url, session, id, t, onUnauthenticated]);

  useEffect(() => {
    setMembers(null);
    setMessage(null);
    if (id) void run(async () => null);
  }, [id, run]);

  if (!programme) return null;
  const roleName = (role: MemberRoleName) => t(ROLE_KEYS[role]);
  return {
    programmeId: programme.id,
    programmeName: programme.name,
    members,
    busy,
    message,
    onAdd: async (input) => {
      const problem = inputProblem(input);
      if (problem) {
        setMessage({ text: t(problem), error: true });
        return false;
      }
      const login = input.login.trim();
      const account = input.password === '' ? undefined : { displayName: input.displayName.trim(), password: input.password };
      return run(async () => {
        await addMember(url!, session!, programme.id, { login, role: input.role, account });
        return t('members.added', { login, role: roleName(input.role) });
      }, login);
    },
    onChangeRole: (member, role) => {
      if (role === member.role) return;
      void run(async () => {
        await changeMemberRole(url!, session!, programme.id, member, role);
        return t('members.changed', { login: member.login, role: roleName(role) });
      }, member.login);
    },
    onRemove: (member) => {
      void run(async () => {
        await removeMember(url!, session!, programme.id, member);
        return t('members.removed', { login: member.login, role: roleName(member.role) });
      }, member.login);
    },
  };
}

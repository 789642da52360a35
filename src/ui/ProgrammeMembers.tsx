// A programme's members on the team server, for its admins: each member's role (changed in place),
// removing a role (asked first), and adding a member by login — with a name and a first password
// when the account is new. Messages come translated from the caller.
import { useId, useState } from 'react';
import { useI18n } from './i18n/language-context.tsx';
import type { MessageKey } from './i18n/zh.ts';
import { useModalDialog } from './modal-dialog.ts';

export type MemberRoleName = 'surveyor' | 'planner' | 'reviewer' | 'admin';
const ROLES: readonly MemberRoleName[] = ['surveyor', 'planner', 'reviewer', 'admin'];
const ROLE_KEYS: Record<MemberRoleName, MessageKey> = {
  admin: 'server.role.admin', surveyor: 'server.role.surveyor', planner: 'server.role.planner', reviewer: 'server.role.reviewer',
};

export interface MemberItem {
  login: string;
  displayName: string;
  role: MemberRoleName;
}

export interface NewMemberInput {
  login: string;
  role: MemberRoleName;
  displayName: string;
  password: string;
}

export interface ProgrammeMembersProps {
  programmeId: string;
  programmeName: string;
  members: readonly MemberItem[] | null;
  busy: boolean;
  message: { text: string; error: boolean } | null;
  /** Resolves true once added, so the form is cleared only then. */
  onAdd: (member: NewMemberInput) => Promise<boolean>;
  onChangeRole: (member: MemberItem, role: MemberRoleName) => void;
  onRemove: (member: MemberItem) => void;
}

export function ProgrammeMembers(props: ProgrammeMembersProps) {
  const { t } = useI18n();
  const ids = { title: useId(), login: useId(), role: useId(), name: useId(), password: useId(), hint: useId(), confirm: useId() };
  const [draft, setDraft] = useState<NewMemberInput>({ login: '', role: 'surveyor', displayName: '', password: '' });
  const [removing, setRemoving] = useState<MemberItem | null>(null);
  const confirm = useModalDialog(removing !== null);
  const roleName = (role: MemberRoleName) => t(ROLE_KEYS[role]);
  const roleOptions = ROLES.map((r) => <option key={r} value={r}>{roleName(r)}</option>);

  return (
    <section className="programme-members" aria-labelledby={ids.title}>
      <h4 id={ids.title}>{t('members.title', { name: props.programmeName })}</h4>
      {props.members === null && <p className="note">{t('members.loading')}</p>}
      {props.members?.length === 0 && <p className="note">{t('members.none')}</p>}
      <ul className="member-list">
        {props.members?.map((m) => (
          <li key={`${m.login}/${m.role}`}>
            <span>{t('members.who', { name: m.displayName, login: m.login })}</span>
            <select
              aria-label={t('members.roleOf', { name: m.displayName, login: m.login })}
              value={m.role}
              disabled={props.busy}
              onChange={(e) => props.onChangeRole(m, e.target.value as MemberRoleName)}
            >
              {roleOptions}
            </select>
            <button type="button" disabled={props.busy} onClick={() => setRemoving(m)}>
              {t('members.remove', { name: m.displayName, login: m.login, role: roleName(m.role) })}
            </button>
          </li>
        ))}
      </ul>
      <form
        noValidate
        className="member-add"
        onSubmit={(e) => {
          e.preventDefault();
          void props.onAdd(draft).then((added) => { if (added) setDraft({ login: '', role: draft.role, displayName: '', password: '' }); });
        }}
      >
        <label htmlFor={ids.login}>{t('members.login')}</label>
        <input id={ids.login} type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} value={draft.login} onChange={(e) => setDraft({ ...draft, login: e.target.value })} />
        <label htmlFor={ids.role}>{t('members.role')}</label>
        <select id={ids.role} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as MemberRoleName })}>{roleOptions}</select>
        <fieldset>
          <legend>{t('members.newAccount')}</legend>
          <label htmlFor={ids.name}>{t('members.displayName')}</label>
          <input id={ids.name} type="text" autoComplete="off" value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
          <label htmlFor={ids.password}>{t('members.password')}</label>
          <input id={ids.password} type="password" autoComplete="new-password" aria-describedby={ids.hint} value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} />
          <p id={ids.hint} className="note">{t('members.passwordHint')}</p>
        </fieldset>
        <button type="submit" disabled={props.busy || draft.login.trim() === ''}>{t('members.add')}</button>
      </form>
      {props.message && <p role={props.message.error ? 'alert' : 'status'} className={props.message.error ? 'error' : 'note'}>{props.message.text}</p>}
      {/* React passes a nested dialog's close and cancel on to the Settings dialog around it, which would close too. */}
      <dialog
        ref={confirm}
        aria-labelledby={ids.confirm}
        className="member-remove"
        onCancel={(e) => e.stopPropagation()}
        onClose={(e) => { e.stopPropagation(); setRemoving(null); }}
      >
        <h2 id={ids.confirm}>{t('members.confirmTitle')}</h2>
        {removing && <p>{t('members.confirmText', { name: removing.displayName, login: removing.login, role: roleName(removing.role), programme: props.programmeName })}</p>}
        <div className="button-row">
          <button type="button" className="danger" onClick={() => { if (removing) props.onRemove(removing); setRemoving(null); }}>{t('members.confirmRemove')}</button>
          <button type="button" onClick={() => setRemoving(null)}>{t('members.cancel')}</button>
        </div>
      </dialog>
    </section>
  );
}

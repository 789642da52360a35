// Settings → team server: its address, a login form, and once logged in "publish the open
// programme" (server admins) and the user's programmes on the server, each with a download for
// offline use showing progress and size, and for its admins its members (ProgrammeMembers).
// Messages come translated from the caller.
import { useId, useState } from 'react';
import { byteSize } from './byte-size.ts';
import { ProgrammeMembers, type ProgrammeMembersProps } from './ProgrammeMembers.tsx';
import { useI18n } from './i18n/language-context.tsx';
import type { MessageKey } from './i18n/zh.ts';

export interface ServerProgrammeItem {
  id: string;
  name: string;
  roles: readonly string[];
}

export interface ServerSectionProps {
  url: string | null;
  account: { login: string; displayName: string; isServerAdmin: boolean } | null;
  canPublish: boolean;
  programmes: readonly ServerProgrammeItem[] | null;
  busy: boolean;
  download: { id: string; received: number; total: number | null } | null;
  message: { text: string; error: boolean } | null;
  /** The members of the programme opened for managing (its admins and server admins only). */
  members: ProgrammeMembersProps | null;
  onManageMembers: (programmeId: string | null) => void;
  onSaveUrl: (text: string) => void;
  onRemoveUrl: () => void;
  onLogIn: (login: string, password: string) => void;
  onLogOut: () => void;
  onPublish: () => void;
  onDownload: (id: string) => void;
}

const ROLE_KEYS: Record<string, MessageKey> = {
  admin: 'server.role.admin', surveyor: 'server.role.surveyor', planner: 'server.role.planner', reviewer: 'server.role.reviewer',
};

export function ServerSection(props: ServerSectionProps) {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const ids = { title: useId(), url: useId(), hint: useId(), login: useId(), password: useId() };
  const [url, setUrl] = useState(props.url ?? '');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const roleNames = (roles: readonly string[]) => roles.map((r) => (ROLE_KEYS[r] ? t(ROLE_KEYS[r]) : r)).join(language === 'zh' ? '、' : ', ');

  return (
    <section className="server-section" aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('server.title')}</h3>
      <p className="note">{t('server.hint')}</p>
      <form noValidate onSubmit={(e) => { e.preventDefault(); props.onSaveUrl(url); }}>
        <label htmlFor={ids.url}>{t('server.url')}</label>
        <input id={ids.url} type="url" inputMode="url" autoComplete="url" value={url} aria-describedby={ids.hint} onChange={(e) => setUrl(e.target.value)} />
        <p id={ids.hint} className="note">{t('server.urlHint')}</p>
        <button type="submit" disabled={props.busy}>{t('server.saveUrl')}</button>
        {props.url && <button type="button" disabled={props.busy} onClick={() => { setUrl(''); props.onRemoveUrl(); }}>{t('server.remove')}</button>}
      </form>
      {props.url && !props.account && (
        <form noValidate onSubmit={(e) => { e.preventDefault(); props.onLogIn(login, password); setPassword(''); }}>
          <label htmlFor={ids.login}>{t('server.login')}</label>
          <input id={ids.login} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} value={login} onChange={(e) => setLogin(e.target.value)} />
          <label htmlFor={ids.password}>{t('server.password')}</label>
          <input id={ids.password} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          <button type="submit" disabled={props.busy || login.trim() === '' || password === ''}>{t('server.logIn')}</button>
        </form>
      )}
      {props.account && (
        <>
          <p>{t('server.loggedIn', { name: props.account.displayName, login: props.account.login })}</p>
          <button type="button" disabled={props.busy} onClick={props.onLogOut}>{t('server.logOut')}</button>
          {props.account.isServerAdmin && props.canPublish && (
            <>
              <button type="button" disabled={props.busy} onClick={props.onPublish}>{t('server.publish')}</button>
              <p className="note">{t('server.publishHint')}</p>
            </>
          )}
          <h4>{t('server.programmes')}</h4>
          {props.programmes?.length === 0 && <p className="note">{t('server.noProgrammes')}</p>}
          <ul className="server-programmes">
            {props.programmes?.map((p) => (
              <li key={p.id}>
                <span>{p.name} <span className="note">({p.id}; {t('server.roles', { roles: roleNames(p.roles) })})</span></span>
                <button type="button" disabled={props.busy} onClick={() => props.onDownload(p.id)}>{t('server.download', { name: p.name })}</button>
                {props.download?.id === p.id && (
                  <>
                    <progress aria-label={t('server.progressLabel', { name: p.name })} max={props.download.total ?? undefined} value={props.download.received} />
                    <span>{t('server.progress', { received: byteSize(props.download.received, locale), total: props.download.total === null ? '?' : byteSize(props.download.total, locale) })}</span>
                  </>
                )}
                {(props.account?.isServerAdmin || p.roles.includes('admin')) && (
                  <button
                    type="button"
                    aria-expanded={props.members?.programmeId === p.id}
                    onClick={() => props.onManageMembers(props.members?.programmeId === p.id ? null : p.id)}
                  >
                    {t('members.manage', { name: p.name })}
                  </button>
                )}
                {props.members?.programmeId === p.id && <ProgrammeMembers {...props.members} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {props.busy && <p className="note" aria-live="polite">{t('server.busy')}</p>}
      {props.message && <p role={props.message.error ? 'alert' : 'status'} className={props.message.error ? 'error' : 'note'}>{props.message.text}</p>}
    </section>
  );
}

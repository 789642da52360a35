// The team server's state for the settings dialog: the address (a new origin reloads the page so
// its security policy allows it, as a new basemap does), the login, publishing the open programme
// and downloading one, which then opens as a programme of this browser. Nothing is requested
// until an address is saved and someone logs in.
import { useCallback, useEffect, useState } from 'react';
import type { ProgrammeAreaLevel } from '../../domain/programme-content.ts';
import type { FieldStore } from '../../persistence/field-store.ts';
import { FieldStoreError } from '../../persistence/field-store-error.ts';
import type { FieldSnapshot } from '../../store/field-snapshot.ts';
import { programmeContentOf } from '../../store/programme-content-of.ts';
import { publishedRevisions } from '../../store/server-revisions.ts';
import type { ServerSectionProps } from '../../ui/ServerSection.tsx';
import { byteSize } from '../../ui/byte-size.ts';
import type { Translate } from '../../ui/i18n/translate.ts';
import { allowsTileUrl } from '../page-policy.ts';
import type { Programmes } from '../use-programmes.ts';
import { downloadProgramme, listProgrammes, logIn, logOut, publishProgramme, ServerFailure, whoAmI, type Me, type ServerProgramme } from './server-client.ts';
import { useProgrammeMembers } from './use-programme-members.ts';
import { clearServerSession, loadServerUrl, saveServerSession, saveServerUrl, serverBaseUrl, type ServerSession } from './server-settings.ts';
import { useServerSession } from './use-server-session.ts';

export function useTeamServer(t: Translate, locale: string, open: boolean, programmes: Programmes, store: FieldStore | null, snapshot: FieldSnapshot | null, areaLevel: ProgrammeAreaLevel): ServerSectionProps {
  const [url, setUrl] = useState<string | null>(loadServerUrl);
  const session = useServerSession();
  const [me, setMe] = useState<Me | null>(null);
  const [list, setList] = useState<ServerProgramme[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [download, setDownload] = useState<ServerSectionProps['download']>(null);
  const [message, setMessage] = useState<ServerSectionProps['message']>(null);
  const [managing, setManaging] = useState<string | null>(null);
  const signedOut = useCallback(() => {
    clearServerSession();
    setMe(null);
  }, []);
  // Closed with the settings, so that members are read afresh when they are opened again.
  useEffect(() => {
    if (!open) setManaging(null);
  }, [open]);
  const managed = list?.find((p) => p.id === managing);
  const members = useProgrammeMembers(t, url, session && me ? session : null, managed ? { id: managed.id, name: managed.name } : null, signedOut);

  const failure = useCallback((error: unknown, id = '') => {
    if (error instanceof ServerFailure) {
      if (error.code === 'unauthenticated') signedOut();
      setMessage({ text: t(`server.error.${error.code}`, { reason: error.message, id }), error: true });
    } else if (error instanceof FieldStoreError && error.code === 'stale_publish') setMessage({ text: t('server.error.stale_publish'), error: true });
    else setMessage({ text: t('server.error.other', { reason: error instanceof Error ? error.message : String(error) }), error: true });
  }, [t, signedOut]);

  const run = useCallback(async (work: () => Promise<void>, id?: string) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      failure(error, id);
    } finally {
      setBusy(false);
    }
  }, [failure]);

  const refresh = useCallback(async (base: string, s: ServerSession) => {
    const [account, mine] = await Promise.all([whoAmI(base, s), listProgrammes(base, s)]);
    setMe(account);
    setList(mine);
  }, []);

  // Who one is and one's programmes, each time the settings open with a session.
  useEffect(() => {
    if (!open || !url || !session) return;
    void run(() => refresh(url, session));
  }, [open, url, session, refresh, run]);

  return {
    url,
    account: session && me ? { login: me.login, displayName: me.displayName, isServerAdmin: me.isServerAdmin } : null,
    canPublish: snapshot !== null && store !== null,
    programmes: list?.map((p) => ({ id: p.id, name: p.name, roles: p.roles })) ?? null,
    busy,
    download,
    message,
    members,
    onManageMembers: setManaging,
    onSaveUrl: (text) => {
      const base = serverBaseUrl(text);
      if (!base) return setMessage({ text: t('server.urlInvalid'), error: true });
      saveServerUrl(base);
      setMessage(null);
      setMe(null);
      setList(null);
      // The page's policy allows a new origin only from its next start.
      if (!allowsTileUrl(base)) location.reload();
      else setUrl(base);
    },
    onRemoveUrl: () => {
      saveServerUrl(null);
      setUrl(null);
      setMe(null);
      setList(null);
      setMessage(null);
    },
    onLogIn: (login, password) => {
      if (!url) return;
      setMessage(null);
      void run(async () => {
        const s = await logIn(url, login.trim(), password);
        await saveServerSession(s, url);
      });
    },
    onLogOut: () => {
      if (url && session) void logOut(url, session);
      clearServerSession();
      setMe(null);
      setList(null);
      setMessage(null);
    },
    onPublish: () => {
      if (!url || !session || !snapshot || !store) return;
      const content = programmeContentOf(snapshot, areaLevel);
      setMessage(null);
      void run(async () => {
        const { changeSeq } = await publishProgramme(url, session, content);
        // Linked from now on: later edits enter the outbox and sync; those before are in what was published.
        await store.sync.linkPublished({ serverUrl: url, serverProgrammeId: content.programme.id, cursor: changeSeq }, publishedRevisions(content), snapshot.clock);
        setMessage({ text: t('server.published', { name: content.programme.name }), error: false });
        await refresh(url, session);
      }, content.programme.id);
    },
    onDownload: (id) => {
      if (!url || !session) return;
      setMessage(null);
      void run(async () => {
        try {
          const got = await downloadProgramme(url, session, id, (received, total) => setDownload({ id, received, total }));
          // Linked from its creation: its edits enter the outbox and sync from the snapshot's position on.
          const entry = await programmes.createProgramme(got.content, { serverUrl: url, serverProgrammeId: id, cursor: got.changeSeq, ...(got.revisions ? { revisions: got.revisions } : {}) });
          setMessage({ text: t('server.downloaded', { name: entry.name, size: byteSize(got.bytes, locale) }), error: false });
        } finally {
          setDownload(null);
        }
      }, id);
    },
  };
}

-- Schema version 3: sync. The change log names the device edit (client edit id) and the device
-- that made each change; every edit a device pushed is remembered per programme, written in the
-- same transaction as the edit, so a repeated push is answered "already applied" and never
-- applied twice, even when the server died between applying it and answering. Photo bytes may
-- arrive in pieces (resumable uploads), kept until the whole is there and its SHA-256 checked.
alter table change_log add column client_edit_id text, add column device_id text;

create table sync_applied_edits (
  programme_id fulv_id not null references programmes on delete cascade,
  client_edit_id text not null check (length(client_edit_id) between 1 and 100),
  device_id text not null,
  -- The last change_log seq the edit wrote (0 when it changed nothing).
  seq bigint not null,
  applied_at timestamptz not null default now(),
  primary key (programme_id, client_edit_id)
);

create table photo_uploads (
  sha256 bytea primary key check (length(sha256) = 32),
  mime_type text not null,
  total integer not null check (total > 0),
  received bytea not null default ''::bytea,
  updated_at timestamptz not null default now()
);

create or replace function fulv_log_change() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
declare
  r jsonb := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  programme text := r ->> tg_argv[0];
  op text := lower(tg_op);
begin
  perform pg_advisory_xact_lock(hashtext('fulv.change_log'), hashtext(programme));
  if tg_op = 'UPDATE' and ((r ->> 'deleted') = 'true' and (to_jsonb(old) ->> 'deleted') = 'false'
                        or (r ->> 'removed') = 'true' and (to_jsonb(old) ->> 'removed') = 'false') then
    op := 'delete';
  end if;
  insert into change_log (programme_id, layer, feature_id, op, revision, who, client_edit_id, device_id)
  values (programme, tg_table_name, r ->> tg_argv[1], op, (r ->> 'revision')::integer,
          coalesce(nullif(current_setting('fulv.user', true), ''), session_user),
          nullif(current_setting('fulv.client_edit_id', true), ''),
          nullif(current_setting('fulv.device_id', true), ''));
  return null;
end $$;

create index change_log_client_edit on change_log (programme_id, client_edit_id) where client_edit_id is not null;

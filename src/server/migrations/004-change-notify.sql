-- Schema version 4: change notification. Every change logged for a programme notifies channel
-- fulv_changes with the programme's id, so a server listening there wakes the devices waiting on
-- that programme (GET …/sync/wait) at once, instead of their next poll. A NOTIFY is delivered on
-- commit (never for a rolled-back change), and PostgreSQL folds identical notifications of one
-- transaction into one, so publishing a programme of thousands of rows notifies once.
-- A separate trigger on change_log, so the logging trigger itself is left as it is.
create function fulv_notify_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('fulv_changes', new.programme_id);
  return null;
end $$;

create trigger change_log_notify after insert on change_log for each row execute function fulv_notify_change();

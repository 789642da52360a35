-- Schema version 1: programmes, accounts and roles, the programme's layers, acceptance records and
-- targets. Every feature row has a revision that triggers raise on each change, and every change
-- (from the server or straight from SQL, e.g. a planner in QGIS) is written to change_log with a
-- monotonic sequence number. Geometry is CGCS2000 longitude/latitude (EPSG:4490).
create extension if not exists postgis;

-- Code lists of src/domain/model.ts; a renamed code is a data migration.
create domain fulv_id as text check (value ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$');

create table programmes (
  id fulv_id primary key,
  name text not null check (length(name) between 1 and 500),
  name_en text not null default '',
  county text not null default '',
  area_level text not null default 'county' check (area_level in ('county', 'city', 'province')),
  -- zone type → metres (domain/buffer-presets.ts); changed by planners and admins only.
  buffer_distances jsonb not null,
  revision integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table users (
  id bigint generated always as identity primary key,
  login text not null unique check (login ~ '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$'),
  display_name text not null check (length(display_name) between 1 and 100),
  -- An argon2id PHC string; the password itself is never stored.
  password_hash text not null,
  -- May create programmes (publish); sees only the programmes it is a member of, like anyone.
  is_server_admin boolean not null default false,
  created_at timestamptz not null default now()
);

create table memberships (
  programme_id fulv_id not null references programmes on delete cascade,
  user_id bigint not null references users on delete cascade,
  role text not null check (role in ('admin', 'surveyor', 'planner', 'reviewer')),
  added_at timestamptz not null default now(),
  primary key (programme_id, user_id, role)
);
create index memberships_user on memberships (user_id);

-- Opaque bearer tokens: only their SHA-256 is stored, so a leaked table opens no session.
create table sessions (
  token_hash bytea primary key,
  user_id bigint not null references users on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);
create index sessions_expiry on sessions (expires_at);

-- Failed logins per account, for the growing delay between attempts (server/login-throttle.ts).
create table login_failures (
  login text primary key,
  failures integer not null,
  last_failure timestamptz not null
);

create table townships (
  fid bigint generated always as identity unique,
  programme_id fulv_id not null references programmes on delete cascade,
  id fulv_id not null,
  name text not null,
  name_en text not null default '',
  revision integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (programme_id, id)
);

create table mines (
  fid bigint generated always as identity unique,
  programme_id fulv_id not null references programmes on delete cascade,
  id fulv_id not null,
  name text not null,
  name_en text not null default '',
  mineral text not null default '',
  township_id fulv_id not null,
  category text not null check (category in ('producing', 'under_construction', 'closed_pit', 'policy_closed', 'abandoned')),
  responsible_party text,
  location geometry(Point, 4490) not null,
  revision integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (programme_id, id),
  foreign key (programme_id, township_id) references townships deferrable initially deferred
);
create index mines_location on mines using gist (location);

create table parcels (
  fid bigint generated always as identity unique,
  programme_id fulv_id not null references programmes on delete cascade,
  id fulv_id not null,
  mine_id fulv_id not null,
  name text not null default '',
  damage_type text not null check (damage_type in ('open_pit', 'waste_dump', 'tailings_pond', 'subsidence', 'industrial_site', 'mine_road', 'other')),
  direction text not null check (direction in ('farmland', 'forest', 'grassland', 'construction', 'natural')),
  -- The status the programme records; acceptance steps (reviews) decide it from then on.
  status text not null check (status in ('untreated', 'in_progress', 'treated', 'accepted', 'closed', 'rejected')),
  tbdl text,
  tbxl text,
  note text not null default '',
  source_attributes jsonb,
  -- Polygon or MultiPolygon as published (kept as is so a download gives back the same GeoJSON).
  geom geometry(Geometry, 4490) not null check (GeometryType(geom) in ('POLYGON', 'MULTIPOLYGON')),
  revision integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (programme_id, id),
  foreign key (programme_id, mine_id) references mines deferrable initially deferred
);
create index parcels_geom on parcels using gist (geom);
create index parcels_mine on parcels (programme_id, mine_id);

create table zones (
  fid bigint generated always as identity unique,
  programme_id fulv_id not null references programmes on delete cascade,
  id fulv_id not null,
  name text not null default '',
  name_en text not null default '',
  zone_type text not null check (zone_type in ('nature_reserve', 'water_source', 'scenic_area', 'residential_area', 'traffic_line', 'river_lake')),
  note text not null default '',
  source_attributes jsonb,
  geom geometry(Geometry, 4490) not null check (GeometryType(geom) in ('POLYGON', 'MULTIPOLYGON', 'LINESTRING', 'MULTILINESTRING')),
  revision integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (programme_id, id)
);
create index zones_geom on zones using gist (geom);

-- Treated polygons keep a tombstone when deleted (deleted = true, geom null), as the app's store
-- does, so revisions only grow and an edit based on a deleted version is refused.
create table treated (
  fid bigint generated always as identity unique,
  programme_id fulv_id not null references programmes on delete cascade,
  id fulv_id not null,
  parcel_id fulv_id,
  mine_id fulv_id,
  date date,
  measure text check (measure in ('engineering', 'landform', 'vegetation')),
  direction text check (direction in ('farmland', 'forest', 'grassland', 'construction', 'natural')),
  surveyor text not null default '',
  note text not null default '',
  source_attributes jsonb,
  geom geometry(Geometry, 4490) check (GeometryType(geom) in ('POLYGON', 'MULTIPOLYGON')),
  deleted boolean not null default false,
  revision integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (programme_id, id),
  check (deleted or (geom is not null and date is not null and measure is not null and direction is not null))
);
create index treated_geom on treated using gist (geom);
create index treated_parcel on treated (programme_id, parcel_id);

-- One acceptance record per reviewed parcel (domain/review.ts ParcelReview): its status and
-- every step, oldest first.
create table reviews (
  fid bigint generated always as identity unique,
  programme_id fulv_id not null,
  parcel_id fulv_id not null,
  status text not null check (status in ('untreated', 'in_progress', 'treated', 'accepted', 'closed', 'rejected')),
  events jsonb not null check (jsonb_typeof(events) = 'array'),
  revision integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (programme_id, parcel_id),
  foreign key (programme_id, parcel_id) references parcels on delete cascade deferrable initially deferred
);

-- The targets in force (domain/model.ts TargetTable: rows, stated totals, source), one per programme.
create table targets (
  fid bigint generated always as identity unique,
  programme_id fulv_id primary key references programmes on delete cascade,
  target_table jsonb not null check (jsonb_typeof(target_table) = 'object'),
  revision integer not null default 1,
  updated_at timestamptz not null default now()
);

-- Every change of a programme's data, in order. seq comes from one identity, and writers of one
-- programme are serialised (fulv_log_change takes a per-programme transaction lock), so a reader
-- that has seen everything up to seq n never later finds a committed change of that programme
-- below n.
create table change_log (
  seq bigint generated always as identity primary key,
  at timestamptz not null default now(),
  programme_id text not null,
  layer text not null,
  feature_id text not null,
  op text not null check (op in ('insert', 'update', 'delete')),
  revision integer not null,
  -- The Fulv user the server acted for, else the database role (a planner in QGIS).
  who text not null
);
create index change_log_programme on change_log (programme_id, seq);

-- Raises the revision on every update, whatever the client wrote; an insert starts at 1 unless
-- it carries a revision (a programme published with its history).
create function fulv_bump_revision() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.revision is null or new.revision < 1 then new.revision := 1; end if;
  else
    new.revision := old.revision + 1;
  end if;
  new.updated_at := now();
  return new;
end $$;

-- tg_argv[0]: the column holding the programme id; tg_argv[1]: the column holding the feature id.
-- Security definer: a GIS editor's role needs rights on the layers only, and cannot write the log
-- itself; session_user is still the role that logged in.
create function fulv_log_change() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
declare
  r jsonb := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  programme text := r ->> tg_argv[0];
  op text := lower(tg_op);
begin
  perform pg_advisory_xact_lock(hashtext('fulv.change_log'), hashtext(programme));
  -- A tombstoned treated polygon is a deletion to anyone following the log.
  if tg_op = 'UPDATE' and (r ->> 'deleted') = 'true' and (to_jsonb(old) ->> 'deleted') = 'false' then op := 'delete'; end if;
  insert into change_log (programme_id, layer, feature_id, op, revision, who)
  values (programme, tg_table_name, r ->> tg_argv[1], op, (r ->> 'revision')::integer,
          coalesce(nullif(current_setting('fulv.user', true), ''), session_user));
  return null;
end $$;

do $$
declare
  t record;
begin
  for t in select * from (values
    ('programmes', 'id', 'id'), ('townships', 'programme_id', 'id'), ('mines', 'programme_id', 'id'),
    ('parcels', 'programme_id', 'id'), ('zones', 'programme_id', 'id'), ('treated', 'programme_id', 'id'),
    ('reviews', 'programme_id', 'parcel_id'), ('targets', 'programme_id', 'programme_id')
  ) as v(name, programme_column, id_column) loop
    execute format('create trigger %I before insert or update on %I for each row execute function fulv_bump_revision()', t.name || '_revision', t.name);
    execute format('create trigger %I after insert or update or delete on %I for each row execute function fulv_log_change(%L, %L)',
                   t.name || '_change_log', t.name, t.programme_column, t.id_column);
  end loop;
end $$;

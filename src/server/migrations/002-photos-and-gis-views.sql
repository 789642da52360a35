-- Schema version 2: photos of treated polygons, and read-only views with readable columns for
-- QGIS and other GIS clients (one per layer, every geometry of one type, Chinese labels beside
-- the codes, areas measured on the CGCS2000 ellipsoid).

-- Image bytes, stored once per content (SHA-256), however many photo records name them.
create table photo_blobs (
  sha256 bytea primary key check (length(sha256) = 32),
  bytes bytea not null,
  created_at timestamptz not null default now()
);

-- Photo metadata (store/photo.ts PhotoMeta). A removed photo keeps its row (removed = true) so
-- revisions only grow, as in the app.
create table photos (
  fid bigint generated always as identity unique,
  programme_id fulv_id not null references programmes on delete cascade,
  id fulv_id not null,
  feature_id fulv_id not null,
  taken_at timestamptz not null,
  location geometry(Point, 4490),
  accuracy_m double precision check (accuracy_m >= 0),
  size integer not null check (size > 0),
  mime_type text not null check (mime_type like 'image/%'),
  name text not null default '' check (length(name) <= 255),
  slot text check (slot in ('before', 'after')),
  sha256 bytea not null references photo_blobs,
  removed boolean not null default false,
  revision integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (programme_id, id)
);
create index photos_feature on photos (programme_id, feature_id);
create index photos_location on photos using gist (location);
-- A removed photo, like a deleted treated polygon, is a deletion to anyone following the log.
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
  insert into change_log (programme_id, layer, feature_id, op, revision, who)
  values (programme, tg_table_name, r ->> tg_argv[1], op, (r ->> 'revision')::integer,
          coalesce(nullif(current_setting('fulv.user', true), ''), session_user));
  return null;
end $$;

create trigger photos_revision before insert or update on photos for each row execute function fulv_bump_revision();
create trigger photos_change_log after insert or update or delete on photos for each row execute function fulv_log_change('programme_id', 'id');

-- Readable names of the codes, for views and for value maps in QGIS.
create table code_labels (
  list text not null,
  code text not null,
  zh text not null,
  en text not null,
  primary key (list, code)
);
insert into code_labels (list, code, zh, en) values
  ('mine_category', 'producing', '生产矿山', 'producing'),
  ('mine_category', 'under_construction', '在建矿山', 'under construction'),
  ('mine_category', 'closed_pit', '闭坑矿山', 'closed pit'),
  ('mine_category', 'policy_closed', '政策性关闭矿山', 'policy-closed'),
  ('mine_category', 'abandoned', '废弃矿山', 'abandoned'),
  ('damage_type', 'open_pit', '露天采场', 'open pit'),
  ('damage_type', 'waste_dump', '排土场', 'waste dump'),
  ('damage_type', 'tailings_pond', '尾矿库', 'tailings pond'),
  ('damage_type', 'subsidence', '塌陷区', 'subsidence'),
  ('damage_type', 'industrial_site', '工业场地', 'industrial site'),
  ('damage_type', 'mine_road', '矿区道路', 'mine road'),
  ('damage_type', 'other', '其他', 'other'),
  ('direction', 'farmland', '耕地', 'farmland'),
  ('direction', 'forest', '林地', 'forest'),
  ('direction', 'grassland', '草地', 'grassland'),
  ('direction', 'construction', '建设用地', 'construction land'),
  ('direction', 'natural', '自然恢复', 'natural recovery'),
  ('measure', 'engineering', '工程修复', 'engineering'),
  ('measure', 'landform', '地貌修复', 'landform'),
  ('measure', 'vegetation', '生态修复', 'vegetation'),
  ('status', 'untreated', '未治理', 'untreated'),
  ('status', 'in_progress', '治理中', 'in progress'),
  ('status', 'treated', '已治理', 'treated'),
  ('status', 'accepted', '已验收', 'accepted'),
  ('status', 'closed', '已销号', 'closed'),
  ('status', 'rejected', '验收不通过', 'rejected'),
  ('zone_type', 'nature_reserve', '自然保护区', 'nature reserve'),
  ('zone_type', 'water_source', '水源地保护区', 'water source protection area'),
  ('zone_type', 'scenic_area', '风景名胜区', 'scenic area'),
  ('zone_type', 'residential_area', '居民集中生活区', 'residential area'),
  ('zone_type', 'traffic_line', '重要交通干线', 'major traffic line'),
  ('zone_type', 'river_lake', '河流湖泊', 'river or lake');

create function fulv_label(list text, code text) returns text language sql stable as
  $$ select zh from code_labels where code_labels.list = $1 and code_labels.code = $2 $$;

-- 1 亩 = 10,000/15 m² exactly (DOMAIN.md); areas on the GRS80 ellipsoid, geodesic edges.
create view gis_parcels as
select p.fid, p.programme_id, p.id, p.name, p.mine_id, m.name as mine_name, t.name as township_name,
       p.damage_type, fulv_label('damage_type', p.damage_type) as damage_type_zh,
       p.direction, fulv_label('direction', p.direction) as direction_zh,
       coalesce(r.status, p.status) as status, fulv_label('status', coalesce(r.status, p.status)) as status_zh,
       p.tbdl, p.tbxl, p.note,
       round(ST_Area(p.geom::geography, true)::numeric, 2) as area_m2,
       round((ST_Area(p.geom::geography, true) * 15 / 10000)::numeric, 3) as area_mu,
       p.revision, p.updated_at,
       ST_Multi(p.geom)::geometry(MultiPolygon, 4490) as geom
from parcels p
left join mines m on m.programme_id = p.programme_id and m.id = p.mine_id
left join townships t on t.programme_id = m.programme_id and t.id = m.township_id
left join reviews r on r.programme_id = p.programme_id and r.parcel_id = p.id;

create view gis_treated as
select tr.fid, tr.programme_id, tr.id, tr.parcel_id, tr.mine_id, m.name as mine_name, tr.date,
       tr.measure, fulv_label('measure', tr.measure) as measure_zh,
       tr.direction, fulv_label('direction', tr.direction) as direction_zh,
       tr.surveyor, tr.note,
       round(ST_Area(tr.geom::geography, true)::numeric, 2) as area_m2,
       round((ST_Area(tr.geom::geography, true) * 15 / 10000)::numeric, 3) as area_mu,
       tr.revision, tr.updated_at,
       ST_Multi(tr.geom)::geometry(MultiPolygon, 4490) as geom
from treated tr
left join mines m on m.programme_id = tr.programme_id and m.id = tr.mine_id
where not tr.deleted;

create view gis_mines as
select m.fid, m.programme_id, m.id, m.name, m.name_en, m.mineral, m.township_id, t.name as township_name,
       m.category, fulv_label('mine_category', m.category) as category_zh, m.responsible_party,
       m.revision, m.updated_at, m.location as geom
from mines m
left join townships t on t.programme_id = m.programme_id and t.id = m.township_id;

create view gis_zone_areas as
select z.fid, z.programme_id, z.id, z.name, z.name_en, z.zone_type, fulv_label('zone_type', z.zone_type) as zone_type_zh,
       (p.buffer_distances ->> z.zone_type)::double precision as buffer_m, z.note, z.revision, z.updated_at,
       ST_Multi(z.geom)::geometry(MultiPolygon, 4490) as geom
from zones z join programmes p on p.id = z.programme_id
where GeometryType(z.geom) in ('POLYGON', 'MULTIPOLYGON');

create view gis_zone_lines as
select z.fid, z.programme_id, z.id, z.name, z.name_en, z.zone_type, fulv_label('zone_type', z.zone_type) as zone_type_zh,
       (p.buffer_distances ->> z.zone_type)::double precision as buffer_m, z.note, z.revision, z.updated_at,
       ST_Multi(z.geom)::geometry(MultiLineString, 4490) as geom
from zones z join programmes p on p.id = z.programme_id
where GeometryType(z.geom) in ('LINESTRING', 'MULTILINESTRING');

create view gis_photos as
select ph.fid, ph.programme_id, ph.id, ph.feature_id, ph.taken_at, ph.slot, ph.name, ph.mime_type, ph.size,
       ph.accuracy_m, encode(ph.sha256, 'hex') as sha256, ph.revision, ph.location as geom
from photos ph
where not ph.removed;

-- The targets as rows, one per township, category group and year or period.
create view gis_targets as
select t.programme_id, row.township_id, ts.name as township_name, row.category_group, row.year, row.to_year, row.target_mu,
       round((row.target_mu / 15)::numeric, 4) as target_ha, t.revision
from targets t
cross join lateral jsonb_to_recordset(t.target_table -> 'rows') as row(township_id text, category_group text, year integer, to_year integer, target_mu double precision)
left join townships ts on ts.programme_id = t.programme_id and ts.id = row.township_id;

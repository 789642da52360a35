// The layers of a programme as OGC API – Features collections: which view each reads (the gis_*
// views of migration 002, or zones as they are, lines and areas together) and how it is described.
// Only these fixed names reach SQL; a collection id from a URL is looked up here first.
export interface OgcCollection {
  id: string;
  title: string;
  description: string;
  /** A relation with fid, programme_id, id, geom and the attribute columns. */
  source: string;
}

const ZONES = `(select z.fid, z.programme_id, z.id, z.name, z.name_en, z.zone_type, fulv_label('zone_type', z.zone_type) as zone_type_zh,
  (p.buffer_distances ->> z.zone_type)::double precision as buffer_m, z.note, z.revision, z.updated_at, z.geom
  from zones z join programmes p on p.id = z.programme_id)`;

export const OGC_COLLECTIONS: readonly OgcCollection[] = [
  { id: 'parcels', title: '图斑 Parcels', description: 'Damaged-land parcels with their status after acceptance steps, areas on the CGCS2000 ellipsoid (m², 亩)', source: 'gis_parcels' },
  { id: 'treated', title: '已治理 Treated', description: 'Treated polygons drawn in the field (deleted ones left out)', source: 'gis_treated' },
  { id: 'zones', title: '三区两线 Zones', description: 'Protected zones and lines, with the buffer distance of their type', source: ZONES },
  { id: 'mines', title: '矿山 Mines', description: 'Mines as points', source: 'gis_mines' },
];

export function ogcCollection(id: string): OgcCollection | undefined {
  return OGC_COLLECTIONS.find((c) => c.id === id);
}

/** Part 1 core serves longitude/latitude in CRS84; CGCS2000 and WGS 84 agree within centimetres, so the stored values are served unchanged. */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
];

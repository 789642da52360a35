// Reading the three layers: each feature gets an id, a validated geometry and the attributes the
// figures need, or becomes an issue. Nothing here throws on bad data.
import type { AnalysisInput, InputFeature, InputLayer, Issue, Notice } from './analysis-types.ts';
import { packedArea } from './authalic-area.ts';
import { validateGeometry, type GeometryUse } from './geometry-validation.ts';
import type { GeosPtr } from './geos/geos-geometry.ts';
import { packedToGeos } from './geos/geos-geometry.ts';
import type { Geos } from './geos/geos-loader.ts';
import { checkTopology } from './geos/geos-validity.ts';
import type { AreaItem } from './layer-overlap.ts';
import { ZONE_TYPES, type ZoneType } from './model.ts';
import { longestEdge, type PackedGeometry } from './packed-geometry.ts';
import type { ZoneItem } from './zone-layers.ts';

export interface Report {
  issues: Issue[];
  notices: Notice[];
}

interface ReadFeature {
  id: string;
  properties: Record<string, unknown>;
  packed: PackedGeometry;
}

function propertiesOf(feature: InputFeature): Record<string, unknown> {
  return (feature.properties ?? {}) as Record<string, unknown>;
}

export function idOf(feature: InputFeature): string | null {
  const id = propertiesOf(feature)['id'] ?? feature.id;
  if (typeof id === 'string' && id.trim() !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}

/** Ids, duplicates and structural geometry checks, common to every layer. */
export function readFeatures(features: readonly InputFeature[], layer: InputLayer, use: GeometryUse, report: Report): ReadFeature[] {
  const seen = new Set<string>();
  const out: ReadFeature[] = [];
  features.forEach((feature, i) => {
    const issue = (id: string, code: string, reason: string): void => void report.issues.push({ layer, id, code, reason });
    if (typeof feature !== 'object' || feature === null) return issue(`${layer}[${i}]`, 'malformed', 'not a GeoJSON feature');
    const id = idOf(feature);
    if (id === null) return issue(`${layer}[${i}]`, 'missing_id', 'feature has no properties.id');
    if (seen.has(id)) return issue(id, 'duplicate_id', `id ${id} is used by an earlier feature of ${layer}`);
    seen.add(id);
    const check = validateGeometry(feature.geometry, use);
    if (!check.valid) return issue(id, check.code, check.reason);
    for (const reason of check.notices) report.notices.push({ layer, id, reason });
    out.push({ id, properties: propertiesOf(feature), packed: check.packed });
  });
  return out;
}

/** Into GEOS, with the topology checks PostGIS's ST_IsValid makes; null (and an issue) when broken. */
export function toAreaItem(geos: Geos, read: ReadFeature, layer: InputLayer, report: Report): (AreaItem & { packed: PackedGeometry }) | null {
  const geometry: GeosPtr = packedToGeos(geos, read.packed);
  const topology = checkTopology(geos, geometry);
  if (!topology.valid) {
    geos.GEOSGeom_destroy(geometry);
    report.issues.push({ layer, id: read.id, code: topology.code, reason: topology.reason });
    return null;
  }
  return { geometry, bbox: read.packed.bbox, area: packedArea(read.packed), longestEdge: longestEdge(read.packed), packed: read.packed };
}

export function readZones(geos: Geos, features: AnalysisInput['zones'], report: Report): ZoneItem[] {
  const zones: ZoneItem[] = [];
  for (const read of readFeatures(features, 'zones', 'zone', report)) {
    const type = read.properties['zone_type'];
    if (!(ZONE_TYPES as readonly unknown[]).includes(type)) {
      report.issues.push({ layer: 'zones', id: read.id, code: 'unknown_zone_type', reason: `zone_type ${JSON.stringify(type)} is not one of ${ZONE_TYPES.join(', ')}` });
      continue;
    }
    if (read.packed.kind === 'polygon') {
      const item = toAreaItem(geos, read, 'zones', report);
      if (!item) continue;
      geos.GEOSGeom_destroy(item.geometry);
    }
    zones.push({ id: read.id, type: type as ZoneType, packed: read.packed });
  }
  return zones;
}

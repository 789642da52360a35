// The whole demo programme from one seed, as the text of the files in data/demo/.
import { ZONE_TYPES, type ParcelFeature, type Programme, type ZoneFeature } from '../../src/domain/model.ts';
import { demoContext } from './context.ts';
import { planMines } from './mines.ts';
import { layOutMines } from './parcels.ts';
import { createRng } from './prng.ts';
import { featuresPerLine, recordsPerLine } from './serialize.ts';
import { Space } from './space.ts';
import { TOWNSHIPS } from './places.ts';
import { targetTable } from './targets.ts';
import { treatedPolygons } from './treated.ts';
import { fixedZones } from './zones-fixed.ts';
import { zonesAround } from './zones-around.ts';

export const SEED = 20190101;

export function buildDemo(): Record<string, string> {
  const rng = createRng(SEED);
  const space = new Space();
  const fixed = fixedZones(rng.fork('zones-fixed'), space);
  const laid = layOutMines(rng.fork('parcels'), planMines(rng.fork('mines')), fixed.river, space);
  const around = zonesAround(rng.fork('zones-around'), laid, fixed.river, space);
  const zones = [...fixed.features, ...around].sort((a, b) => zoneOrder(a) - zoneOrder(b) || a.properties.id.localeCompare(b.properties.id));
  const parcels: ParcelFeature[] = laid.flatMap((m) => m.parcels.map((p) => ({ type: 'Feature', properties: p.properties, geometry: p.geometry })));
  const meta: Omit<Programme, 'parcels' | 'treated' | 'zones'> = {
    id: 'QA-DEMO',
    name: '迁安市矿山生态修复专项行动（2019—2025年）演示方案',
    name_en: "Qian'an mine ecological restoration programme 2019–2025 (synthetic demo)",
    county: '河北省唐山市迁安市',
    townships: TOWNSHIPS.map(({ id, name, name_en }) => ({ id, name, name_en })),
    mines: laid.map((m) => m.mine),
    targets: targetTable(rng.fork('targets'), laid),
  };
  return {
    'programme.json': `${recordsPerLine(meta)}\n`,
    'parcels.geojson': featuresPerLine({ type: 'FeatureCollection', features: parcels }),
    'treated.geojson': featuresPerLine({ type: 'FeatureCollection', features: treatedPolygons(rng.fork('treated'), laid) }),
    'zones.geojson': featuresPerLine({ type: 'FeatureCollection', features: zones }),
    // Last: it places its villages in the space left by everything above.
    'context.geojson': featuresPerLine({ type: 'FeatureCollection', features: demoContext(rng.fork('context'), laid, zones, space) }),
  };
}

function zoneOrder(zone: ZoneFeature): number {
  return ZONE_TYPES.indexOf(zone.properties.zone_type);
}

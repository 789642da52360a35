// Protection zones that were there before any mine: the Luan River and a lake, a railway, an
// expressway and a national road. They are drawn first so
// that mines are laid out around them (no pit sits on a road), and near enough that some
// parcels fall inside their buffers. Courses are schematic, not surveyed.
import type { Position } from 'geojson';
import type { ZoneFeature, ZoneProperties } from '../../src/domain/model.ts';
import { toMetric, type XY } from './frame.ts';
import { isSimpleLine, isValidArea, metricLine, metricPolygon } from './geojson.ts';
import type { Rng } from './prng.ts';
import { blob, meander } from './shapes.ts';
import type { Space } from './space.ts';

interface LineSpec {
  properties: ZoneProperties;
  waypoints: Position[];
  /** Sideways bend of the course in metres: rivers meander, railways hardly bend. */
  bend: number;
}

const LINES: LineSpec[] = [
  {
    properties: { id: 'Z-RL-01', name: '滦河', name_en: 'Luan River', zone_type: 'river_lake', note: '滦河干流迁安段，自西北向南流经市区西侧' },
    waypoints: [[118.47, 40.25], [118.52, 40.2], [118.565, 40.15], [118.6, 40.1], [118.625, 40.05], [118.65, 40.0], [118.66, 39.95], [118.665, 39.9]],
    bend: 300,
  },
  {
    properties: { id: 'Z-TL-01', name: '迁安北部铁路', name_en: "Qian'an North Railway", zone_type: 'traffic_line', note: '重要交通干线（铁路），线路走向为示意' },
    waypoints: [[118.4, 40.055], [118.5, 40.06], [118.58, 40.045], [118.66, 40.04], [118.74, 40.05], [118.82, 40.065], [118.9, 40.07]],
    bend: 60,
  },
  {
    properties: { id: 'Z-TL-02', name: '承唐高速公路', name_en: 'Chengde–Tangshan Expressway', zone_type: 'traffic_line', note: '重要交通干线（高速公路），线路走向为示意' },
    waypoints: [[118.8, 40.25], [118.78, 40.17], [118.765, 40.1], [118.75, 40.03], [118.73, 39.96], [118.72, 39.9]],
    bend: 120,
  },
  {
    properties: { id: 'Z-TL-03', name: '国道112线', name_en: 'National Road G112', zone_type: 'traffic_line', note: '重要交通干线（国道），线路走向为示意' },
    waypoints: [[118.4, 40.17], [118.46, 40.13], [118.53, 40.09], [118.6, 40.025], [118.68, 39.985], [118.78, 39.975], [118.9, 39.99]],
    bend: 150,
  },
];

/** The zones, and the river's course in the metric frame for the water-source area drawn later. */
export function fixedZones(rng: Rng, space: Space): { features: ZoneFeature[]; river: XY[] } {
  const features: ZoneFeature[] = [];
  const paths = new Map<string, XY[]>();
  for (const spec of LINES) {
    const path = meander(rng, spec.waypoints.map(toMetric), spec.bend > 100 ? 250 : 400, spec.bend);
    const geometry = metricLine(path);
    if (!isSimpleLine(geometry)) throw new Error(`${spec.properties.id} crosses itself`);
    space.addLine(path);
    paths.set(spec.properties.id, path);
    features.push({ type: 'Feature', properties: spec.properties, geometry });
  }
  const lake = blob(rng, toMetric([118.675, 40.024]), { vertices: 36, aspect: 1.8, rotation: 0.6, roughness: 0.2 }, { area: 8e5 });
  const areas: [ZoneProperties, XY[]][] = [
    [{ id: 'Z-RL-02', name: '黄台湖', name_en: 'Huangtai Lake', zone_type: 'river_lake', note: '城市景观湖泊，周边无矿山' }, lake.ring],
  ];
  for (const [properties, ring] of areas) {
    const geometry = metricPolygon(ring);
    if (!isValidArea(geometry)) throw new Error(`${properties.id} is not a valid polygon`);
    space.addArea(ring);
    features.push({ type: 'Feature', properties, geometry });
  }
  return { features, river: paths.get('Z-RL-01')! };
}

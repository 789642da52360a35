// GPX from handheld GPS units: a surveyor walks round a treated area and the track comes back
// to where it started, never exactly. A track segment whose ends lie within `closureMetres`
// (default 15 m, about twice a handheld's accuracy) is closed into a polygon by moving its last
// fix onto the first, with a notice giving the gap; other tracks and routes stay lines (usable
// as zone lines), waypoints points.
import type { Feature, Geometry, LineString, MultiLineString, Position } from 'geojson';
import { gpx } from '@tmcw/togeojson';
import { geodesic, GeodesicNs } from '../../domain/cgcs2000-geodesic.ts';
import { WGS84_GEOGRAPHIC } from '../crs/crs-catalogue.ts';
import type { SourceFeature, SourceProperties } from '../import-types.ts';
import { ioFail, type IoResult } from '../io-result.ts';
import type { TextEncodingName } from '../text-encoding.ts';
import { parseXml, type XmlLimits } from '../xml/xml-document.ts';
import { attributeValue } from './attribute-values.ts';
import { sourceFeature } from './kml-reader.ts';
import type { SourceRead } from './source-read.ts';

export const DEFAULT_GPX_CLOSURE_METRES = 15;

function gap(a: Position, b: Position): number {
  return geodesic.Inverse(a[1]!, a[0]!, b[1]!, b[0]!, GeodesicNs.DISTANCE).s12 ?? Infinity;
}

function gpxProperties(properties: Record<string, unknown> | null): SourceProperties {
  const out: SourceProperties = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (key === 'coordinateProperties' || key.startsWith('stroke')) continue;
    out[key === '_gpxType' ? 'gpx_type' : key] = attributeValue(value);
  }
  return out;
}

/** Closes every segment of a track, or returns the largest gap when one is too open to close. */
function closeTrack(track: LineString | MultiLineString, closureMetres: number): { polygon: Geometry; gap: number } | { open: number } {
  const segments = track.type === 'LineString' ? [track.coordinates] : track.coordinates;
  let largest = 0;
  const rings: Position[][] = [];
  for (const segment of segments) {
    const first = segment[0];
    const last = segment[segment.length - 1];
    if (!first || !last || segment.length < 3) return { open: Infinity };
    const d = gap(first, last);
    largest = Math.max(largest, d);
    if (d > closureMetres) return { open: d };
    // The last fix moves onto the first rather than adding an edge back to it: a walk that
    // overshoots its start would otherwise fold back along its own first edge.
    const ring = segment.map((p) => [p[0]!, p[1]!]);
    ring[ring.length - 1] = [first[0]!, first[1]!];
    rings.push(ring);
  }
  const polygon: Geometry = rings.length === 1 ? { type: 'Polygon', coordinates: [rings[0]!] } : { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) };
  return { polygon, gap: largest };
}

function trackFeature(f: Feature<Geometry | null>, layer: string, closureMetres: number): SourceFeature {
  const properties = gpxProperties(f.properties);
  const geometry = f.geometry;
  if (properties['gpx_type'] !== 'trk' || !geometry || (geometry.type !== 'LineString' && geometry.type !== 'MultiLineString')) {
    return sourceFeature(f, layer, properties);
  }
  const closed = closeTrack(geometry, closureMetres);
  if ('open' in closed) {
    const read = sourceFeature(f, layer, properties);
    const reason = Number.isFinite(closed.open)
      ? `the track's ends are ${closed.open.toFixed(1)} m apart, more than ${closureMetres} m: kept as a line`
      : 'the track is too short to close: kept as a line';
    return { ...read, problems: [...read.problems, { code: 'open_track', severity: 'notice', reason }] };
  }
  const read = sourceFeature({ ...f, geometry: closed.polygon }, layer, properties);
  return { ...read, problems: [...read.problems, { code: 'track_closed', severity: 'notice', reason: `closed into a polygon; the track's ends were ${closed.gap.toFixed(1)} m apart` }] };
}

export function readGpx(bytes: Uint8Array, file: string, limits: XmlLimits, closureMetres = DEFAULT_GPX_CLOSURE_METRES, encoding?: TextEncodingName): IoResult<SourceRead> {
  const parsed = parseXml(bytes, file, limits, encoding);
  if (!parsed.ok) return parsed;
  const root = parsed.value.document.documentElement;
  if (!root || root.localName !== 'gpx') return ioFail('gpx_invalid', `the root element is <${root?.nodeName ?? 'none'}>, not <gpx>`, { file });
  const layer = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const features = gpx(parsed.value.document).features.map((f) => trackFeature(f, layer, closureMetres));
  const enc = parsed.value.encoding;
  return {
    ok: true,
    value: {
      format: 'gpx', fileName: file, layers: [{ name: layer, crs: { crs: WGS84_GEOGRAPHIC, how: 'default' } }], features,
      encoding: enc.name === 'utf-8' && enc.how !== 'chosen' ? null : enc, notices: [],
    },
  };
}

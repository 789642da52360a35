// KML (Google Earth, 奥维互动地图) and KMZ (a zip with doc.kml): @tmcw/togeojson converts the
// placemarks over an @xmldom DOM, which works in Workers and Node. Coordinates are WGS84
// lon/lat by the KML specification. Styling that togeojson copies into properties is dropped:
// it is not an attribute of the parcel.
import { kml } from '@tmcw/togeojson';
import type { Feature, Geometry } from 'geojson';
import { WGS84_GEOGRAPHIC } from '../crs/crs-catalogue.ts';
import { geometryShapeProblem } from '../geometry/geometry-shape.ts';
import type { Document } from '@xmldom/xmldom';
import type { AttributeValue, ImportFile, SourceFeature, SourceProperties } from '../import-types.ts';
import { ioFail, type IoResult } from '../io-result.ts';
import { unzipArchive } from '../zip-archive.ts';
import type { TextEncodingName } from '../text-encoding.ts';
import { parseXml, type XmlLimits } from '../xml/xml-document.ts';
import { attributeValue } from './attribute-values.ts';
import type { SourceRead } from './source-read.ts';

const STYLE_KEYS = new Set([
  'styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity',
  'icon', 'icon-scale', 'icon-color', 'icon-opacity', 'icon-offset', 'icon-offset-units', 'label-scale', 'label-color', 'label-opacity', 'visibility',
]);

/**
 * togeojson converts a `bool` SimpleData with Boolean(text), which makes "false" true; such
 * fields are handed to it as strings and converted here instead.
 */
function takeBoolFields(document: Document): Set<string> {
  const names = new Set<string>();
  const fields = document.getElementsByTagName('SimpleField');
  for (let i = 0; i < fields.length; i++) {
    const field = fields.item(i)!;
    if (field.getAttribute('type') !== 'bool') continue;
    names.add(field.getAttribute('name') ?? '');
    field.setAttribute('type', 'string');
  }
  return names;
}

function boolValue(value: unknown): AttributeValue {
  if (typeof value !== 'string') return attributeValue(value);
  const text = value.trim().toLowerCase();
  return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : value;
}

function kmlProperties(properties: Record<string, unknown> | null, bools: ReadonlySet<string>): SourceProperties {
  const out: SourceProperties = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (STYLE_KEYS.has(key)) continue;
    if (bools.has(key)) out[key] = boolValue(value);
    else if (key === 'description' && typeof value === 'object' && value !== null) out[key] = attributeValue((value as { value?: unknown }).value);
    else if (key === 'timestamp' || key === 'timespan') out[key] = typeof value === 'string' ? value : JSON.stringify(value);
    else out[key] = attributeValue(value);
  }
  return out;
}

/** A MultiGeometry of one kind becomes the matching Multi* type; a mixed one stays unsupported. */
export function collapseCollection(geometry: Geometry | null): Geometry | null {
  if (!geometry || geometry.type !== 'GeometryCollection') return geometry;
  const parts = geometry.geometries.map(collapseCollection);
  const kinds = new Set(parts.map((g) => g?.type.replace(/^Multi/, '')));
  if (kinds.size !== 1) return geometry;
  const kind = [...kinds][0];
  const flat = <T>(pick: (g: Geometry) => T[]): T[] => parts.flatMap((g) => (g ? pick(g) : []));
  if (kind === 'Polygon') return { type: 'MultiPolygon', coordinates: flat((g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [])) };
  if (kind === 'LineString') return { type: 'MultiLineString', coordinates: flat((g) => (g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [])) };
  if (kind === 'Point') return { type: 'MultiPoint', coordinates: flat((g) => (g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : [])) };
  return geometry;
}

export function sourceFeature(f: Feature<Geometry | null>, layer: string, properties: SourceProperties): SourceFeature {
  const geometry = collapseCollection(f.geometry);
  const shape = geometryShapeProblem(geometry);
  return {
    geometry: shape ? null : geometry,
    properties,
    ...(typeof f.id === 'string' || typeof f.id === 'number' ? { fileId: f.id } : {}),
    sourceLayer: layer,
    problems: shape ? [{ ...shape, severity: 'error' }] : [],
  };
}

export function readKml(bytes: Uint8Array, file: string, limits: XmlLimits, encoding?: TextEncodingName): IoResult<SourceRead> {
  const parsed = parseXml(bytes, file, limits, encoding);
  if (!parsed.ok) return parsed;
  const root = parsed.value.document.documentElement;
  if (!root || root.localName !== 'kml') return ioFail('xml_invalid', `the root element is <${root?.nodeName ?? 'none'}>, not <kml>`, { file });
  const layer = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const bools = takeBoolFields(parsed.value.document);
  const collection = kml(parsed.value.document);
  // Ground overlays (image boxes) and network links are not placemarks of the data.
  const features = collection.features
    .filter((f) => !['groundoverlay', 'networklink'].includes(String(f.properties?.['@geometry-type'] ?? '')))
    .map((f) => sourceFeature(f, layer, kmlProperties(f.properties, bools)));
  const enc = parsed.value.encoding;
  return {
    ok: true,
    value: {
      format: 'kml', fileName: file, layers: [{ name: layer, crs: { crs: WGS84_GEOGRAPHIC, how: 'default' } }], features,
      encoding: enc.name === 'utf-8' && enc.how !== 'chosen' ? null : enc, notices: [],
    },
  };
}

/**
 * KMZ: every .kml in the archive, doc.kml first. Google Earth's doc.kml may hold the placemarks
 * itself or only NetworkLinks to layers/*.kml inside the archive (GDAL's libkml writes those).
 */
export function readKmz(bytes: Uint8Array, file: string, limits: XmlLimits & { maxUnzippedBytes: number }, encoding?: TextEncodingName): IoResult<SourceRead> {
  const entries = unzipArchive(bytes, file, limits.maxUnzippedBytes);
  if (!entries.ok) return entries;
  const kmls = entries.value.filter((e: ImportFile) => /\.kml$/i.test(e.name))
    .sort((a, b) => Number(b.name.toLowerCase() === 'doc.kml') - Number(a.name.toLowerCase() === 'doc.kml'));
  if (kmls.length === 0) return ioFail('kml_missing', 'the KMZ archive contains no .kml document', { file });
  const reads: SourceRead[] = [];
  for (const kml of kmls) {
    const read = readKml(kml.bytes, `${file}/${kml.name}`, limits, encoding);
    if (!read.ok) return read;
    reads.push(read.value);
  }
  const withFeatures = reads.filter((r) => r.features.length > 0);
  const used = withFeatures.length > 0 ? withFeatures : reads.slice(0, 1);
  return {
    ok: true,
    value: {
      format: 'kmz', fileName: file, layers: used.flatMap((r) => r.layers), features: used.flatMap((r) => r.features),
      encoding: used.find((r) => r.encoding)?.encoding ?? null, notices: [],
    },
  };
}

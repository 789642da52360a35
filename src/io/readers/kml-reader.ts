// KML (Google Earth, 奥维互动地图) and KMZ (a zip with doc.kml), read as a stream
// (xml-stream.ts) into the features @tmcw/togeojson would make (kml-placemark.ts), in Workers and
// Node alike. Coordinates are WGS84 lon/lat by the KML specification. Styling is dropped: it is
// not an attribute of the parcel; ground overlays and network links are not placemarks of the data.
import type { Feature, Geometry } from 'geojson';
import type { SaxesTagPlain } from 'saxes';
import { WGS84_GEOGRAPHIC } from '../crs/crs-catalogue.ts';
import { geometryShapeProblem } from '../geometry/geometry-shape.ts';
import type { AttributeValue, ImportFile, SourceFeature, SourceProperties } from '../import-types.ts';
import { IoError, ioFail, type IoResult } from '../io-result.ts';
import { unzipArchive } from '../zip-archive.ts';
import type { TextEncodingName } from '../text-encoding.ts';
import type { XmlLimits } from '../xml/xml-document.ts';
import { streamXml, type XmlHandler } from '../xml/xml-stream.ts';
import { attributeValue } from './attribute-values.ts';
import { placemarkFeature, type KmlElement } from './kml-placemark.ts';
import type { SourceRead } from './source-read.ts';

export type KmlLimits = XmlLimits & { maxFeatures?: number };

const STYLE_KEYS = new Set([
  'styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity',
  'icon', 'icon-scale', 'icon-color', 'icon-opacity', 'icon-offset', 'icon-offset-units', 'label-scale', 'label-color', 'label-opacity', 'visibility',
]);

function boolValue(value: unknown): AttributeValue {
  if (typeof value !== 'string') return attributeValue(value);
  const text = value.trim().toLowerCase();
  return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : value;
}

export function kmlProperties(properties: Record<string, unknown> | null, bools: ReadonlySet<string>): SourceProperties {
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

/**
 * Types of SimpleData by field name, from every Schema's SimpleFields, as togeojson reads them;
 * except that togeojson converts a `bool` with Boolean(text), which makes "false" true, so those
 * stay text here and kmlProperties converts them.
 */
interface KmlSchema {
  numbers: Set<string>;
  bools: Set<string>;
}

/**
 * Collects the placemarks as the document streams past: the elements of the Placemark being read
 * are held as a small tree, made a feature at its end tag, and dropped.
 */
class PlacemarkCollector implements XmlHandler {
  readonly read: { feature: Feature<Geometry | null>; simpleData: string[] }[] = [];
  readonly schema: KmlSchema = { numbers: new Set(), bools: new Set() };
  root: string | null = null;
  private readonly stack: KmlElement[] = [];

  constructor(private readonly maxFeatures: number, private readonly file: string) {}

  open(tag: SaxesTagPlain): void {
    if (this.root === null) {
      this.root = tag.name;
      if (tag.name.slice(tag.name.indexOf(':') + 1) !== 'kml') throw new IoError('xml_invalid', `the root element is <${tag.name}>, not <kml>`, { file: this.file });
    }
    if (tag.name === 'SimpleField') {
      const name = tag.attributes['name'] ?? '';
      const type = tag.attributes['type'] ?? '';
      // As in togeojson, the last SimpleField of a name sets its type.
      this.schema.bools.delete(name);
      this.schema.numbers.delete(name);
      if (type === 'bool') this.schema.bools.add(name);
      else if (NUMBER_TYPES.has(type)) this.schema.numbers.add(name);
    }
    if (this.stack.length === 0 && tag.name !== 'Placemark') return;
    const element: KmlElement = { name: tag.name, attributes: tag.attributes, children: [] };
    this.stack.at(-1)?.children.push(element);
    this.stack.push(element);
  }

  close(): void {
    const element = this.stack.pop();
    if (!element || this.stack.length > 0) return;
    if (this.read.length >= this.maxFeatures) {
      throw new IoError('too_many_features', `the file has more than ${this.maxFeatures.toLocaleString('en')} placemarks; the limit is ${this.maxFeatures.toLocaleString('en')}`, { file: this.file, limit: this.maxFeatures.toLocaleString('en') });
    }
    this.read.push(placemarkFeature(element));
  }

  text(text: string, cdata: boolean): void {
    this.stack.at(-1)?.children.push({ text, cdata });
  }
}

const NUMBER_TYPES = new Set(['int', 'uint', 'short', 'ushort', 'float', 'double']);

function typedProperties(properties: Record<string, unknown> | null, simpleData: readonly string[], schema: KmlSchema): Record<string, unknown> | null {
  if (!properties) return properties;
  for (const name of simpleData) if (schema.numbers.has(name)) properties[name] = Number(properties[name]);
  return properties;
}

/**
 * Reads the placemarks as the document streams past: only one Placemark's elements are held at
 * a time, so memory grows with the features, not with the text or a DOM of it.
 */
export function readKml(bytes: Uint8Array, file: string, limits: KmlLimits, encoding?: TextEncodingName): IoResult<SourceRead> {
  const collector = new PlacemarkCollector(limits.maxFeatures ?? Number.POSITIVE_INFINITY, file);
  const read = streamXml(bytes, file, limits, collector, encoding);
  if (!read.ok) return read;
  const layer = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const features = collector.read.map(({ feature, simpleData }) => sourceFeature(feature, layer, kmlProperties(typedProperties(feature.properties, simpleData, collector.schema), collector.schema.bools)));
  const enc = read.value;
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
export function readKmz(bytes: Uint8Array, file: string, limits: KmlLimits & { maxUnzippedBytes: number }, encoding?: TextEncodingName): IoResult<SourceRead> {
  const entries = unzipArchive(bytes, file, limits.maxUnzippedBytes);
  if (!entries.ok) return entries;
  return readKmzEntries(entries.value, file, limits, encoding);
}

/** The .kml documents of an unzipped KMZ. */
export function readKmzEntries(entries: readonly ImportFile[], file: string, limits: KmlLimits, encoding?: TextEncodingName): IoResult<SourceRead> {
  const kmls = entries.filter((e: ImportFile) => /\.kml$/i.test(e.name))
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

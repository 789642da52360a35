// One KML Placemark, held as a small tree while the rest of the document streams past, and
// turned into a GeoJSON feature by the rules of @tmcw/togeojson 7 (which Fulv used over a whole
// DOM before): names as written (kml:Point is not Point), the first matching descendant wins,
// text is every text and CDATA inside an element.
import type { Feature, Geometry, Position } from 'geojson';

export interface KmlText {
  text: string;
  cdata: boolean;
}

export interface KmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (KmlElement | KmlText)[];
}

const isElement = (n: KmlElement | KmlText): n is KmlElement => 'name' in n;

function descendants(node: KmlElement, name: string, out: KmlElement[] = []): KmlElement[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.name === name) out.push(child);
    descendants(child, name, out);
  }
  return out;
}

function first(node: KmlElement | null | undefined, name: string): KmlElement | null {
  if (!node) return null;
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.name === name) return child;
    const inner = first(child, name);
    if (inner) return inner;
  }
  return null;
}

export function textOf(node: KmlElement | null | undefined): string {
  if (!node) return '';
  let text = '';
  for (const child of node.children) text += isElement(child) ? textOf(child) : child.text;
  return text;
}

/** Up to three numbers of one "lon,lat[,alt]" tuple; what parseFloat cannot read is skipped. */
function tuple(value: string): number[] {
  const out: number[] = [];
  for (const part of value.split(',')) {
    const n = Number.parseFloat(part);
    if (!Number.isNaN(n)) out.push(n);
    if (out.length === 3) break;
  }
  return out;
}

function coord1(value: string): number[] {
  return tuple(value.replace(/\s+/g, ''));
}

function coord(value: string): number[][] {
  const out: number[][] = [];
  const trimmed = value.trim();
  if (trimmed === '') return out;
  for (const token of trimmed.split(/\s+/)) {
    const c = tuple(token);
    if (c.length >= 2) out.push(c);
  }
  return out;
}

function fixRing(ring: number[][]): number[][] {
  if (ring.length === 0) return ring;
  const a = ring[0]!;
  const b = ring[ring.length - 1]!;
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return [...ring, a];
  return ring;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function gxTrack(node: KmlElement): { geometry: Geometry; times: string[] } | null {
  let coords = descendants(node, 'coord');
  if (coords.length === 0) coords = allElements(node).filter((e) => localName(e.name) === 'coord');
  const coordinates: Position[] = coords.map((e) => textOf(e).split(' ').map(Number.parseFloat));
  if (coordinates.length === 0) return null;
  return {
    geometry: coordinates.length >= 2 ? { type: 'LineString', coordinates } : { type: 'Point', coordinates: coordinates[0]! },
    times: descendants(node, 'when').map(textOf),
  };
}

function allElements(node: KmlElement): KmlElement[] {
  return node.children.filter(isElement).flatMap((c) => [c, ...allElements(c)]);
}

function geometries(node: KmlElement): { geometries: Geometry[]; times: string[][] } {
  const out: Geometry[] = [];
  const times: string[][] = [];
  for (const child of node.children) {
    if (!isElement(child)) continue;
    switch (child.name) {
      case 'MultiGeometry': case 'MultiTrack': case 'gx:MultiTrack': {
        const inner = geometries(child);
        out.push(...inner.geometries);
        times.push(...inner.times);
        break;
      }
      case 'Point': {
        const coordinates = coord1(textOf(first(child, 'coordinates')));
        if (coordinates.length >= 2) out.push({ type: 'Point', coordinates });
        break;
      }
      case 'LinearRing': case 'LineString': {
        const coordinates = coord(textOf(first(child, 'coordinates')));
        if (coordinates.length >= 2) out.push({ type: 'LineString', coordinates });
        break;
      }
      case 'Polygon': {
        const rings = descendants(child, 'LinearRing').map((r) => fixRing(coord(textOf(first(r, 'coordinates'))))).filter((r) => r.length >= 4);
        if (rings.length > 0) out.push({ type: 'Polygon', coordinates: rings });
        break;
      }
      case 'Track': case 'gx:Track': {
        const track = gxTrack(child);
        if (!track) break;
        out.push(track.geometry);
        if (track.times.length > 0) times.push(track.times);
        break;
      }
    }
  }
  return { geometries: out, times };
}

const TEXT_PROPERTIES = ['name', 'address', 'visibility', 'open', 'phoneNumber', 'description'];

/**
 * The feature as togeojson makes it, styles left out (Fulv drops them). SimpleData values stay
 * text here: their types come from Schema elements anywhere in the document, so the caller
 * converts them once the whole document has been read (`simpleData` names them).
 */
export function placemarkFeature(node: KmlElement): { feature: Feature<Geometry | null>; simpleData: string[] } {
  const properties: Record<string, unknown> = {};
  for (const name of TEXT_PROPERTIES) {
    const text = textOf(first(node, name));
    if (text) properties[name] = text;
  }
  const cdata = first(node, 'description')?.children.find((c): c is KmlText => !isElement(c) && c.cdata);
  if (cdata) properties['description'] = { '@type': 'html', value: cdata.text };
  const extended = first(node, 'ExtendedData');
  const simpleData: string[] = [];
  if (extended) {
    for (const data of descendants(extended, 'Data')) properties[data.attributes['name'] ?? ''] = textOf(first(data, 'value'));
    for (const data of descendants(extended, 'SimpleData')) {
      const name = data.attributes['name'] ?? '';
      properties[name] = textOf(data);
      simpleData.push(name);
    }
  }
  const span = first(node, 'TimeSpan');
  if (span) properties['timespan'] = { begin: textOf(first(span, 'begin')), end: textOf(first(span, 'end')) };
  const stamp = first(node, 'TimeStamp');
  if (stamp) properties['timestamp'] = textOf(first(stamp, 'when'));
  const found = geometries(node);
  if (found.times.length > 0) properties['coordinateProperties'] = { times: found.times.length === 1 ? found.times[0] : found.times };
  if (properties['visibility'] !== undefined) properties['visibility'] = properties['visibility'] !== '0';
  const geometry: Geometry | null = found.geometries.length === 0 ? null
    : found.geometries.length === 1 ? found.geometries[0]! : { type: 'GeometryCollection', geometries: found.geometries };
  const id = node.attributes['id'];
  return { feature: { type: 'Feature', geometry, properties, ...(id ? { id } : {}) }, simpleData };
}

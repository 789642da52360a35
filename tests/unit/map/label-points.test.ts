// Where names are written: inside the polygon (even where its centroid is not), on its largest
// part, once per feature, and only for the features in view when asked so.
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { labelPoint, labelPoints, labelPointsWithin } from '../../../src/map/label-points.ts';

function pointInRing([x, y]: number[], ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// A U open to the north: its centroid (about 1.5, 1.2) lies in the notch, outside the polygon.
const U: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
const feature = (id: string, geometry: Polygon | MultiPolygon): Feature => ({ type: 'Feature', properties: { id, name: `名${id}`, name_en: `N${id}` }, geometry });

describe('label points', () => {
  it('puts the point inside a concave polygon, where its centroid is not', () => {
    const p = labelPoint(feature('u', U))!;
    expect(pointInRing(p.geometry.coordinates, U.coordinates[0]!)).toBe(true);
    expect(p.properties).toEqual({ id: 'u', name: '名u', name_en: 'Nu' });
  });

  it('names a multipolygon once, on its largest part', () => {
    const small = [[10, 10], [10.5, 10], [10.5, 10.5], [10, 10.5], [10, 10]];
    const large = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const p = labelPoint(feature('m', { type: 'MultiPolygon', coordinates: [[small], [large]] }))!;
    expect(pointInRing(p.geometry.coordinates, large)).toBe(true);
    // The pole of inaccessibility of a square is its centre, to the hundredth asked for.
    expect(p.geometry.coordinates[0]).toBeCloseTo(2, 1);
    expect(p.geometry.coordinates[1]).toBeCloseTo(2, 1);
  });

  it('keeps the point of an unchanged feature object, and skips lines', () => {
    const f = feature('u', U);
    expect(labelPoint(f)).toBe(labelPoint(f));
    const line: Feature = { type: 'Feature', properties: { id: 'l' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } };
    expect(labelPoints({ type: 'FeatureCollection', features: [line, f] }).features.map((p) => p.properties?.id)).toEqual(['u']);
  });

  it('labels only the polygons whose boxes meet the view', () => {
    const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
    const all: FeatureCollection = { type: 'FeatureCollection', features: [0, 5, 10].map((x) => feature(`s${x}`, square(x))) };
    expect(labelPointsWithin(all, [4, -1, 6.5, 2]).features.map((p) => p.properties?.id)).toEqual(['s5']);
    expect(labelPointsWithin(all, [0.5, 0.5, 10.2, 0.6]).features.map((p) => p.properties?.id)).toEqual(['s0', 's5', 's10']);
  });
});

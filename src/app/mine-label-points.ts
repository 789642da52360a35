// Each mine as a point at its location, named, for the map's mine labels.
import type { FeatureCollection, Point } from 'geojson';
import type { Mine } from '../domain/model.ts';

export function mineLabelPoints(mines: readonly Mine[]): FeatureCollection<Point, { id: string; name: string; name_en: string }> {
  return {
    type: 'FeatureCollection',
    features: mines.map((m) => ({ type: 'Feature', properties: { id: m.id, name: m.name, name_en: m.name_en }, geometry: { type: 'Point', coordinates: m.location } })),
  };
}

// A programme as the four files the app reads (data/demo/ layout), for the map bench and for
// anyone who wants to look at a province-scale programme.
import type { Programme } from '../../src/domain/model.ts';
import { featuresPerLine } from '../demo-generator/serialize.ts';

export function programmeFiles(programme: Programme): Record<'programme.json' | 'parcels.geojson' | 'treated.geojson' | 'zones.geojson', string> {
  const { parcels, treated, zones, ...meta } = programme;
  return {
    'programme.json': `${JSON.stringify(meta)}\n`,
    'parcels.geojson': featuresPerLine(parcels),
    'treated.geojson': featuresPerLine(treated),
    'zones.geojson': featuresPerLine(zones),
  };
}

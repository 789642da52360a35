// A vector basemap's layers are styled by what their names say they hold, beneath nothing else
// and with no labels; unknown layers still show, in a neutral style.
import { describe, expect, it } from 'vitest';
import { layerRole, rasterBasemapLayers, vectorBasemapLayers } from '../../../src/map/offline-basemap-style.ts';

describe('the offline basemap style', () => {
  it('recognises the usual layer names of OpenMapTiles, Protomaps and OSM extracts', () => {
    expect(['water', 'waterway', 'ocean'].map(layerRole)).toEqual(['water', 'water', 'water']);
    expect(['transportation', 'roads', 'railway'].map(layerRole)).toEqual(['road', 'road', 'road']);
    expect(['landcover', 'park', 'natural'].map(layerRole)).toEqual(['green', 'green', 'green']);
    expect(layerRole('boundary')).toBe('boundary');
    expect(layerRole('earth')).toBe('earth');
    expect(layerRole('mines_2023')).toBe('other');
  });

  it('draws land first and roads over water, with a layer per geometry a layer holds', () => {
    const layers = vectorBasemapLayers([
      { id: 'roads', geometry: ['line'] },
      { id: 'water', geometry: ['polygon'] },
      { id: 'earth', geometry: ['polygon'] },
    ]);
    expect(layers.map((l) => l.id)).toEqual(['offline-basemap-earth-fill', 'offline-basemap-water-fill', 'offline-basemap-roads-line']);
    expect(layers.every((l) => l.type !== 'symbol')).toBe(true);
  });

  it('styles a layer of unknown geometry for polygons, lines and points', () => {
    expect(vectorBasemapLayers([{ id: 'survey', geometry: [] }]).map((l) => l.type)).toEqual(['fill', 'line', 'circle']);
  });

  it('mutes a raster basemap', () => {
    const [raster] = rasterBasemapLayers();
    expect(raster).toMatchObject({ type: 'raster', paint: { 'raster-saturation': expect.any(Number) } });
  });
});

// Which XYZ tiles an area needs, and their URLs as MapLibre fills in a template.
import { describe, expect, it } from 'vitest';
import { tileCount, tilePointLonLat, tileRanges, tilesIn, tileUrl, tmsRow } from '../../../src/lib/web-mercator-tiles.ts';

describe('tiles of an area', () => {
  it('covers the world with one tile at zoom 0 and four at zoom 1', () => {
    expect(tileCount(tileRanges([-180, -85, 180, 85], 0, 1))).toBe(5);
  });

  it('finds the tile under a known place (Qian’an, zoom 12: 3398/1550)', () => {
    const [range] = tileRanges([118.7, 40.01, 118.7, 40.01], 12, 12);
    expect(range).toEqual({ z: 12, x0: 3398, x1: 3398, y0: 1550, y1: 1550 });
  });

  it('counts every tile of a rectangle at every zoom, and lists each once', () => {
    const ranges = tileRanges([118.6, 39.9, 118.8, 40.1], 10, 13);
    const tiles = [...tilesIn(ranges)];
    expect(tiles).toHaveLength(tileCount(ranges));
    expect(new Set(tiles.map((t) => t.join('/'))).size).toBe(tiles.length);
    expect(tileCount(ranges.slice(-1))).toBeGreaterThan(tileCount(ranges.slice(-2, -1)));
  });

  it('fills a template, flipping the row for TMS', () => {
    expect(tileUrl('https://t.example/{z}/{x}/{y}.png', [3, 5, 1])).toBe('https://t.example/3/5/1.png');
    expect(tileUrl('https://t.example/{z}/{x}/{y}.png', [3, 5, 1], true)).toBe('https://t.example/3/5/6.png');
  });

  it('numbers TMS rows from the south: row 0 of zoom 3 is XYZ row 7, and back', () => {
    expect(tmsRow(3, 0)).toBe(7);
    expect(tmsRow(12, 1548)).toBe(2547);
    expect(tmsRow(12, tmsRow(12, 1548))).toBe(1548);
  });

  it('places tile corners: zoom 0 spans ±180° and ±85.0511°, zoom 1’s centre is 0°/0°', () => {
    expect(tilePointLonLat(0, 0, 0)[0]).toBe(-180);
    expect(tilePointLonLat(0, 0, 0)[1]).toBeCloseTo(85.0511287798, 9);
    expect(tilePointLonLat(0, 1, 1)[1]).toBeCloseTo(-85.0511287798, 9);
    expect(tilePointLonLat(1, 1, 1)).toEqual([0, 0]);
    // The north-west corner of the zoom-12 tile under Qian'an (3398/1550, above).
    const [lon, lat] = tilePointLonLat(12, 3398, 1550);
    expect(lon).toBeCloseTo((3398 / 4096) * 360 - 180, 12);
    expect(lat).toBeGreaterThan(40.01);
    expect(tilePointLonLat(12, 3398, 1551)[1]).toBeLessThan(40.01);
  });
});

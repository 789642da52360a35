// The conflict pattern is stripes, not a fill: a quarter of its pixels opaque, the rest empty, and
// diagonal, so that tiles meet without a seam.
import { describe, expect, it } from 'vitest';
import { hatchPixels } from '../../../src/map/conflict-hatch.ts';

describe('the conflict hatch', () => {
  const { width, height, data } = hatchPixels('#d50000');
  const alpha = (x: number, y: number) => data[(((y + height) % height) * width + ((x + width) % width)) * 4 + 3]!;

  it('is opaque red on a quarter of its pixels and empty elsewhere', () => {
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 255) {
        opaque++;
        expect([data[i], data[i + 1], data[i + 2]]).toEqual([0xd5, 0, 0]);
      } else expect(data[i + 3]).toBe(0);
    }
    expect(opaque / (width * height)).toBe(0.25);
  });

  it('runs diagonally across tile edges', () => {
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) expect(alpha(x + 1, y - 1), `${x},${y}`).toBe(alpha(x, y));
  });
});

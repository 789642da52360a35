import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertArea, formatArea, haToM2, m2ToHa, m2ToMu, M2_PER_MU, muToM2 } from '../../../src/domain/units.ts';

describe('area units', () => {
  it('defines 1 亩 as exactly 10000/15 m² and 15 亩 as 1 公顷', () => {
    expect(muToM2(15)).toBe(10_000);
    expect(m2ToMu(10_000)).toBe(15);
    expect(muToM2(1)).toBeCloseTo(666.6666666666666, 12);
    expect(M2_PER_MU * 15).toBeCloseTo(10_000, 9);
    expect(convertArea(1, 'ha', 'mu')).toBe(15);
    expect(convertArea(10_000, 'mu', 'ha')).toBeCloseTo(666.6666666666666, 12);
  });

  it('converts whole 亩 figures back and forth without drift', () => {
    // 0.0015 is not exact in binary; the exact rational keeps 1 万亩 at 10000 亩.
    expect(m2ToMu(muToM2(10_000))).toBe(10_000);
    expect(m2ToHa(haToM2(24.55))).toBe(24.55);
  });

  it('round-trips every unit pair', () => {
    const units = ['m2', 'mu', 'ha'] as const;
    fc.assert(fc.property(fc.double({ min: 0, max: 1e10, noNaN: true }), fc.constantFrom(...units), fc.constantFrom(...units), (v, a, b) => {
      const back = convertArea(convertArea(v, a, b), b, a);
      expect(Math.abs(back - v)).toBeLessThanOrEqual(v * 1e-15 + 1e-300);
    }));
  });

  it('formats each unit with the precision of a 1 m² survey', () => {
    expect(formatArea(1234.4, 'm2', 'en-US')).toBe('1,234');
    expect(formatArea(10_000, 'mu', 'en-US')).toBe('15.00');
    expect(formatArea(12_345.6, 'ha', 'en-US')).toBe('1.2346');
    expect(formatArea(666.6666666666666 * 40.4, 'mu', 'en-US')).toBe('40.40');
  });
});

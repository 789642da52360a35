import { describe, expect, it } from 'vitest';
import { fixRefusal, metresBetween, tracePolygon } from '../../../src/domain/gps-trace.ts';

const fix = (lon: number, lat: number, accuracy = 3) => ({ lon, lat, accuracy, time: 0 });

describe('GPS fixes as vertices', () => {
  it('measures distances on the ellipsoid: one minute of latitude at 40°N is 1850.6 m', () => {
    // Meridian arc per minute at 40°N on GRS80/CGCS2000: M·π/10800 with M = a(1−e²)/(1−e² sin²φ)^1.5 = 6 361 815 m.
    expect(metresBetween([118.6, 39.991666667], [118.6, 40.008333333])).toBeCloseTo(1850.6, 0);
  });

  it('refuses a fix worse than the accuracy limit, and a missing accuracy', () => {
    expect(fixRefusal([], fix(118.6, 40, 25), 10)).toEqual({ code: 'inaccurate', accuracy: 25, limit: 10 });
    expect(fixRefusal([], fix(118.6, 40, Number.NaN), 10)?.code).toBe('inaccurate');
    expect(fixRefusal([], fix(118.6, 40, 10), 10)).toBeNull();
  });

  it('while walking, keeps a fix only after the surveyor has moved the spacing', () => {
    const trace = [[118.6, 40]];
    // 1e-5° of latitude ≈ 1.11 m; 5e-5° ≈ 5.55 m.
    expect(fixRefusal(trace, fix(118.6, 40.00001), 10, 3)?.code).toBe('too_close');
    expect(fixRefusal(trace, fix(118.6, 40.00005), 10, 3)).toBeNull();
  });

  it('closes three or more vertices into a polygon', () => {
    expect(tracePolygon([[1, 1], [2, 1]])).toBeNull();
    expect(tracePolygon([[1, 1], [2, 1], [2, 2]])?.coordinates[0]).toEqual([[1, 1], [2, 1], [2, 2], [1, 1]]);
  });
});

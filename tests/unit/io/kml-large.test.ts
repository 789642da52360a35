// A KML of 10,000 parcels (4 MB) read with no DOM at all: @xmldom's parser and togeojson's KML
// converter are replaced by ones that fail, so the read can only pass if it streams. (The 50 MB
// file of issue 13 is timed by `npm run bench:kml`.)
import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { readImport } from '../../../src/io/read-import.ts';
import { parcelRing, parcelsKml } from '../../helpers/kml-placemarks.ts';

vi.mock('@xmldom/xmldom', () => ({
  DOMParser: class {
    constructor() {
      throw new Error('a DOM was built');
    }
  },
}));
vi.mock('@tmcw/togeojson', async (original) => ({
  ...(await original<typeof import('@tmcw/togeojson')>()),
  kml: () => {
    throw new Error('togeojson was asked for the KML');
  },
}));

const COUNT = 10_000;
const bytes = new TextEncoder().encode([...parcelsKml(COUNT)].join(''));

describe('a large KML, streamed', () => {
  it.each(['parcels.kml', 'parcels.kmz'])('%s: every parcel, where it must be, with its typed fields', async (name) => {
    expect(bytes.length).toBeGreaterThan(4_000_000);
    const files = [{ name, bytes: name.endsWith('kmz') ? zipSync({ 'doc.kml': bytes }) : bytes }];
    const r = await readImport(files, { layer: 'parcels', checkTopology: false });
    if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
    expect(r.value.featureCount).toBe(COUNT);
    expect(r.value.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const i of [0, 1, 4999, COUNT - 1]) {
      const f = r.value.features[i]!;
      expect(f.properties).toEqual({ name: `图斑${i}`, 编号: `TB-${i}`, 面积: (i % 97) + 0.5, 已验收: i % 2 === 0 });
      expect(f.geometry).toEqual({ type: 'Polygon', coordinates: [parcelRing(i)] });
    }
  });
});

// The legend's colours are told apart: within a theme by every reader (normal, protan, deutan and
// tritan vision, simulated), and across what the map shows together in normal vision.
import { describe, expect, it } from 'vitest';
import { DAMAGE_COLOURS, STATUS_COLOURS, TREATED_COLOUR, ZONE_COLOURS } from '../../../src/map/palette.ts';
import { closestPair, colourDifference, VISIONS } from '../../helpers/colour-vision.ts';

// ΔE*ab: above about 10 two flat colours are plainly different; the margins leave room for the
// translucency the map draws them with.
const WITHIN_THEME = 14;
const ON_ONE_MAP = 15;

describe('the map palette', () => {
  const themes = { damage: DAMAGE_COLOURS, status: STATUS_COLOURS, zones: ZONE_COLOURS };
  for (const [theme, colours] of Object.entries(themes)) {
    for (const vision of VISIONS) {
      it(`tells every ${theme} entry apart in ${vision} vision`, () => {
        const closest = closestPair({ ...colours, treated_polygon: TREATED_COLOUR }, vision);
        expect(closest.difference, closest.pair.join(' vs ')).toBeGreaterThan(WITHIN_THEME);
      });
    }
  }

  for (const [theme, colours] of Object.entries({ damage: DAMAGE_COLOURS, status: STATUS_COLOURS })) {
    it(`tells parcels by ${theme} apart from the zones and treated polygons beside them`, () => {
      const closest = closestPair({ ...colours, ...ZONE_COLOURS, treated_polygon: TREATED_COLOUR }, 'normal');
      expect(closest.difference, closest.pair.join(' vs ')).toBeGreaterThan(ON_ONE_MAP);
    });
  }

  it('no longer paints an open pit and a village in the same orange', () => {
    // The example: the former palette had these 11 ΔE apart.
    expect(colourDifference('#d35400', '#ef6c00')).toBeLessThan(ON_ONE_MAP);
    expect(colourDifference(DAMAGE_COLOURS.open_pit, ZONE_COLOURS.residential_area)).toBeGreaterThan(ON_ONE_MAP);
  });
});

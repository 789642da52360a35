// MapLibre 6 draws its sky every frame, as a full-screen quad, even when the style has none (the
// default sky is fully transparent). MapLibre 4.5 skipped it for a style without a sky. In a
// software renderer the quad is about 16 ms of every frame at 1280×800, half of a frame close up
// (tests/bench/map.bench.ts). Fulv's styles never set a sky, so skipping the draw changes no pixel.
// The painter is not public API: when it is not there as expected, nothing is changed.
import type { Map as MapLibreMap } from 'maplibre-gl';

type PainterProbe = { painter?: { drawFunctions?: Record<string, unknown> } };

export function skipTransparentSky(map: MapLibreMap): boolean {
  const painter = (map as unknown as PainterProbe).painter;
  if (!painter?.drawFunctions || typeof painter.drawFunctions['sky'] !== 'function') return false;
  // A copy for this map: the table is shared by every map on the page.
  painter.drawFunctions = { ...painter.drawFunctions, sky: () => undefined };
  return true;
}

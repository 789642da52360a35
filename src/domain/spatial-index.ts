// A flatbush index over items' bboxes (array positions as ids); null for no items.
import Flatbush from 'flatbush';
import type { BBox } from './packed-geometry.ts';

export function bboxIndex(items: readonly { bbox: BBox }[]): Flatbush | null {
  if (items.length === 0) return null;
  const index = new Flatbush(items.length);
  for (const { bbox } of items) index.add(bbox[0], bbox[1], bbox[2], bbox[3]);
  index.finish();
  return index;
}

export function searchBBox(index: Flatbush | null, bbox: BBox): number[] {
  return index ? index.search(bbox[0], bbox[1], bbox[2], bbox[3]) : [];
}

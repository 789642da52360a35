// A treated polygon split in pieces as one edit, undone as one step: the largest piece keeps the
// polygon's id (so its photos and its place in the journal stay with it), the others become new
// polygons with the same attributes. Built from the snapshot the surveyor sees, like every edit.
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '../domain/ellipsoidal-area.ts';
import type { BatchEdit, SingleEdit } from './edit.ts';
import { treatedRevision, type FieldSnapshot } from './field-snapshot.ts';
import { newTreatedId, type RandomBytes } from './new-id.ts';

export function splitTreated(snapshot: FieldSnapshot, id: string, pieces: readonly Polygon[], now: Date = new Date(), random?: RandomBytes): BatchEdit | null {
  const feature = snapshot.programme.treated.features.find((f) => f.properties.id === id);
  if (!feature || pieces.length < 2) return null;
  const [kept, ...others] = [...pieces].sort((a, b) => ellipsoidalArea(b) - ellipsoidalArea(a));
  const edits: SingleEdit[] = [{ kind: 'update-treated-geometry', id, baseRevision: treatedRevision(snapshot, id), geometry: kept! }];
  for (const piece of others) {
    const pieceId = newTreatedId(snapshot.programme.id, now, random);
    edits.push({ kind: 'create-treated', baseRevision: 0, feature: { type: 'Feature', geometry: piece, properties: { ...feature.properties, id: pieceId } } });
  }
  return { kind: 'batch', label: `split ${id}`, edits };
}

// A stored programme as the one value others carry (domain/programme-content.ts): for export to
// an archive, publishing, or a copy. The targets are those in force (edited or the programme's),
// the treated polygons the live ones, the distances the programme's or the default preset's.
import { GENERAL_PRESET } from '../domain/buffer-presets.ts';
import type { ProgrammeAreaLevel, ProgrammeContent } from '../domain/programme-content.ts';
import type { ParcelReview } from '../domain/review.ts';
import type { FieldSnapshot } from './field-snapshot.ts';

export function programmeContentOf(snapshot: FieldSnapshot, areaLevel: ProgrammeAreaLevel): ProgrammeContent {
  const reviews: ParcelReview[] = [];
  for (const record of snapshot.reviews.values()) if (record.review) reviews.push(record.review);
  return { programme: snapshot.programme, areaLevel, bufferDistances: snapshot.bufferDistances ?? GENERAL_PRESET.distances, reviews };
}

// Everything about an edit that can be checked without the database: its shape, the geometry
// it carries (structure and topology) and the photo metadata it attaches. Runs before the
// write transaction opens, because a transaction cannot wait for GEOS (it would auto-commit).
import { singleEdits, type Edit } from './edit.ts';
import { editShapeProblems } from './edit-shape.ts';
import type { GeometryChecker } from './geometry-check.ts';
import { validatePhotoMeta } from './photo.ts';
import type { Problem } from './problem.ts';

export interface PreflightRules {
  checkGeometry: GeometryChecker;
  maxPhotoBytes: number;
  now: Date;
}

/** Who made an edit is part of the journal; an anonymous edit would make it useless for review. */
export function whoProblems(who: unknown): Problem[] {
  return typeof who === 'string' && who.trim() !== '' && who.length <= 100
    ? []
    : [{ field: 'who', code: 'missing', reason: 'the editor’s name (who) is missing or longer than 100 characters' }];
}

export async function preflightEdit(edit: Edit, who: string, rules: PreflightRules): Promise<Problem[]> {
  const problems = [...whoProblems(who), ...editShapeProblems(edit)];
  if (problems.length > 0) return problems;
  for (const part of singleEdits(edit)) {
    const geometry = part.kind === 'create-treated' ? part.feature.geometry : part.kind === 'update-treated-geometry' ? part.geometry : undefined;
    if (geometry !== undefined) {
      const problem = await rules.checkGeometry(geometry);
      if (problem) problems.push(problem);
    }
    if (part.kind === 'add-photo') problems.push(...validatePhotoMeta(part.photo, rules.maxPhotoBytes, rules.now));
  }
  return problems;
}

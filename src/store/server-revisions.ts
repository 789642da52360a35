// The revision the team server holds of each record a device syncs, as a programme's snapshot
// carries them (server/programme-snapshot.ts) and as a device adopts them when it links its
// programme, so that its first edit of a record the server changed before is based on the
// server's revision, not on 1. Records absent from a map are not on the server (revision 0).
import type { ProgrammeContent } from '../domain/programme-content.ts';

export interface ServerRevisions {
  treated: Readonly<Record<string, number>>;
  photos: Readonly<Record<string, number>>;
  /** By parcel id. */
  reviews: Readonly<Record<string, number>>;
  targets: number;
  /** The buffer distances. */
  settings: number;
}

/** A newly published programme: the server starts every record it stored at revision 1. */
export function publishedRevisions(content: ProgrammeContent): ServerRevisions {
  const ones = (ids: readonly string[]): Record<string, number> => Object.fromEntries(ids.map((id) => [id, 1]));
  return {
    treated: ones(content.programme.treated.features.map((f) => f.properties.id)),
    photos: {},
    reviews: ones(content.reviews.map((r) => r.parcel_id)),
    targets: 1,
    settings: 1,
  };
}

const isRevision = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 1;

function mapProblem(value: unknown, name: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `revisions.${name} is not an object`;
  const bad = Object.entries(value).find(([, n]) => !isRevision(n));
  return bad ? `revisions.${name}["${bad[0]}"] is not a revision (a whole number from 1)` : null;
}

/** Why a snapshot's revisions are not ServerRevisions, or null. */
export function serverRevisionsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'the snapshot has no revisions';
  const r = value as Record<string, unknown>;
  for (const name of ['treated', 'photos', 'reviews'] as const) {
    const problem = mapProblem(r[name], name);
    if (problem) return problem;
  }
  for (const name of ['targets', 'settings'] as const) if (!isRevision(r[name])) return `revisions.${name} is not a revision (a whole number from 1)`;
  return null;
}

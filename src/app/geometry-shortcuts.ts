// Split and hole for a stored treated polygon: the geometry in GEOS (loaded on first use), the
// edit from the snapshot the surveyor sees. A refusal comes back with its reason for the
// drawing's message line; nothing is stored then.
import type { LineString, Polygon } from 'geojson';
import { loadGeos } from '../domain/geos/geos-loader.ts';
import { cutHole, type HoleRefusal } from '../domain/polygon-hole.ts';
import { splitPolygon, type SplitRefusal } from '../domain/polygon-split.ts';
import type { Edit } from '../store/edit.ts';
import { reshapeTreated } from '../store/edits-from-snapshot.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { splitTreated } from '../store/split-treated.ts';
import type { Translate } from '../ui/i18n/translate.ts';

export type ShortcutOutcome = { ok: true; edit: Edit } | { ok: false; refusal: SplitRefusal | HoleRefusal };

const GONE: ShortcutOutcome = { ok: false, refusal: { code: 'bad_input', reason: 'the treated polygon no longer exists' } };

export async function holeEdit(snapshot: FieldSnapshot, id: string, hole: Polygon): Promise<ShortcutOutcome> {
  const feature = snapshot.treated.get(id)?.feature;
  if (!feature) return GONE;
  const result = cutHole(await loadGeos(), feature.geometry, hole);
  return result.ok ? { ok: true, edit: reshapeTreated(snapshot, id, result.geometry) } : result;
}

export async function splitEdit(snapshot: FieldSnapshot, id: string, line: LineString): Promise<ShortcutOutcome> {
  const feature = snapshot.treated.get(id)?.feature;
  if (!feature) return GONE;
  const result = splitPolygon(await loadGeos(), feature.geometry, line);
  if (!result.ok) return result;
  const edit = splitTreated(snapshot, id, result.pieces);
  return edit ? { ok: true, edit } : GONE;
}

export function shortcutRefusalText(t: Translate, refusal: SplitRefusal | HoleRefusal): string {
  switch (refusal.code) {
    case 'not_across':
    case 'no_overlap':
    case 'removes_all':
      return t(`survey.refused.${refusal.code}`);
    default:
      return t('survey.refused.geometry', { reason: refusal.reason });
  }
}

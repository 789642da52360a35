// The text of a sync conflict for the user: what it is about and each difference as base / mine /
// theirs, in the interface language. Pure, so the table is tested without a browser.
import type { AreaGeometry } from '../domain/model.ts';
import { ellipsoidalArea } from '../domain/ellipsoidal-area.ts';
import { formatArea } from '../domain/units.ts';
import type { ConflictTarget } from '../store/conflict-resolution.ts';
import type { MessageKey, Translate } from './i18n/translate.ts';

export interface DifferenceRow {
  key: string;
  field: string;
  base: string;
  mine: string;
  theirs: string;
  conflicting: boolean;
}

const FIELD_KEYS: Record<string, MessageKey> = {
  geometry: 'conflicts.field.geometry', exists: 'conflicts.field.exists', status: 'conflicts.field.status', steps: 'conflicts.field.steps',
  note: 'field.note', date: 'field.date', measure: 'field.measure', direction: 'field.direction', surveyor: 'field.surveyor',
  parcel_id: 'field.parcel', mine_id: 'field.mine',
};

export function targetName(target: Pick<ConflictTarget, 'layer' | 'id'>, t: Translate): string {
  return t(`conflicts.layer.${target.layer}`, { id: target.id });
}

function valueText(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('conflicts.value.none');
  if (field === 'exists') return t(value ? 'conflicts.value.exists' : 'conflicts.value.deleted');
  if (field === 'geometry') return t('conflicts.value.shape', { area: formatArea(ellipsoidalArea(value as AreaGeometry), 'mu') });
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A target row: its figure is what differs.
  if (typeof value === 'object' && 'target_mu' in value) return String((value as { target_mu: unknown }).target_mu);
  return t('conflicts.value.other');
}

export function differenceRows(target: ConflictTarget, t: Translate): DifferenceRow[] {
  if (target.merge.status !== 'conflict') return [];
  return target.merge.fields.map((f) => ({
    key: `${target.layer}/${target.id}/${f.field}`,
    field: FIELD_KEYS[f.field] ? t(FIELD_KEYS[f.field]!) : f.field,
    base: valueText(f.field, f.base, t),
    mine: valueText(f.field, f.mine, t),
    theirs: valueText(f.field, f.theirs, t),
    conflicting: f.conflicting,
  }));
}

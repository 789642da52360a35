// The rows the inspector shows for each kind of feature, as (label, value) pairs of plain text.
import type { Feature } from 'geojson';
import type { Mine, ParcelProperties, Programme, TreatedProperties, ZoneProperties } from '../domain/model.ts';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { Language, Translate } from './i18n/translate.ts';
import type { MessageKey } from './i18n/zh.ts';

export type InspectorKind = 'parcel' | 'treated' | 'zone' | 'imported';
export interface Row { label: string; value: string }

function code(t: Translate, prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return t('field.none');
  return t(`${prefix}.${value}` as MessageKey);
}

function text(t: Translate, value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? t('field.none') : value;
}

export function mineRows(t: Translate, language: Language, mine: Mine, programme: Programme): Row[] {
  const township = programme.townships.find((x) => x.id === mine.township_id);
  return [
    { label: t('field.name'), value: language === 'en' ? `${mine.name} (${mine.name_en})` : mine.name },
    { label: t('field.id'), value: mine.id },
    { label: t('field.township'), value: township ? (language === 'en' ? township.name_en : township.name) : mine.township_id },
    { label: t('field.category'), value: code(t, 'category', mine.category) },
    { label: t('field.mineral'), value: mine.mineral },
    { label: t('field.responsible_party'), value: mine.responsible_party ?? t('field.responsible_party.none') },
  ];
}

export function featureRows(t: Translate, kind: InspectorKind, feature: Feature, programme: Programme, distances: BufferDistances): Row[] {
  if (kind === 'parcel') {
    const p = feature.properties as ParcelProperties;
    return [
      { label: t('field.id'), value: p.id },
      { label: t('field.name'), value: text(t, p.name) },
      { label: t('field.damage_type'), value: code(t, 'damage', p.damage_type) },
      { label: t('field.direction'), value: code(t, 'direction', p.direction) },
      { label: t('field.status'), value: code(t, 'status', p.status) },
      { label: t('field.tbdl'), value: text(t, p.tbdl) },
      { label: t('field.note'), value: text(t, p.note) },
    ];
  }
  if (kind === 'treated') {
    const p = feature.properties as TreatedProperties;
    const parcel = programme.parcels.features.find((f) => f.properties.id === p.parcel_id);
    return [
      { label: t('field.id'), value: p.id },
      { label: t('field.parcel'), value: parcel ? `${parcel.properties.name} (${parcel.properties.id})` : text(t, p.parcel_id) },
      { label: t('field.date'), value: p.date },
      { label: t('field.measure'), value: code(t, 'measure', p.measure) },
      { label: t('field.direction'), value: code(t, 'direction', p.direction) },
      { label: t('field.surveyor'), value: text(t, p.surveyor) },
      { label: t('field.note'), value: text(t, p.note) },
    ];
  }
  if (kind === 'zone') {
    const p = feature.properties as ZoneProperties;
    return [
      { label: t('field.id'), value: p.id },
      { label: t('field.name'), value: p.name },
      { label: t('field.zone_type'), value: code(t, 'zone', p.zone_type) },
      { label: t('inspector.bufferDistance'), value: `${distances[p.zone_type]} m` },
      { label: t('field.note'), value: text(t, p.note) },
    ];
  }
  // A file's own attributes, shown as text whatever they contain.
  return Object.entries(feature.properties ?? {}).map(([key, value]) => ({
    label: key,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  }));
}

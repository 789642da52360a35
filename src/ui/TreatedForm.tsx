// The attributes of one treated polygon, edited in a form: parcel (suggested from where it was
// drawn; the mine follows the parcel), date, measure, direction, surveyor and note. Problems are
// shown beside their fields; nothing is stored until every field is valid.
import { useEffect, useId, useMemo, useState } from 'react';
import { MEASURES, RESTORATION_DIRECTIONS, type Programme, type TreatedFeature } from '../domain/model.ts';
import { NEARBY_M, parcelChoices } from '../domain/parcel-choices.ts';
import type { TreatedAttributeChange } from '../store/edit.ts';
import type { Problem } from '../store/problem.ts';
import { useI18n } from './i18n/language-context.tsx';
import { useUnsavedWork } from './unsaved-work.ts';
import type { MessageKey } from './i18n/zh.ts';

export interface TreatedFormProps {
  feature: TreatedFeature;
  programme: Programme;
  suggestedParcelId: string | null;
  /** Problems of a candidate set of properties (empty when valid). */
  validate: (properties: TreatedFeature['properties']) => Problem[];
  onSave: (change: TreatedAttributeChange) => void;
}

type Draft = TreatedFeature['properties'];

const EDITED_KEYS = ['parcel_id', 'mine_id', 'date', 'measure', 'direction', 'surveyor', 'note'] as const;

export function TreatedForm(props: TreatedFormProps) {
  const { t, language } = useI18n();
  const ids = { parcel: useId(), date: useId(), measure: useId(), direction: useId(), surveyor: useId(), note: useId() };
  const { feature, programme } = props;
  const [draft, setDraft] = useState<Draft>(feature.properties);
  const [problems, setProblems] = useState<Problem[]>([]);

  // Another tab, an undo or a save replaced the stored attributes: show them.
  useEffect(() => {
    setDraft(feature.properties);
    setProblems([]);
  }, [feature.properties]);

  const choices = useMemo(
    () => parcelChoices(feature.geometry, programme.parcels.features, draft.parcel_id),
    [feature.geometry, programme.parcels.features, draft.parcel_id],
  );
  const parcelName = (id: string) => programme.parcels.features.find((p) => p.properties.id === id)?.properties.name ?? id;
  const mine = programme.mines.find((m) => m.id === draft.mine_id);
  const problemFor = (field: string) => problems.find((p) => p.field === field || (field === 'parcel_id' && p.field === 'mine_id'));
  const fieldError = (field: string, id: string) => {
    const problem = problemFor(field);
    return problem ? <p id={`${id}-error`} className="error" role="alert">{t(`problem.${problem.code}` as MessageKey)}</p> : null;
  };
  const described = (field: string, id: string) => (problemFor(field) ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

  // Typed but unsaved attributes hold back an app update's reload (see unsaved-work.ts).
  useUnsavedWork(EDITED_KEYS.some((key) => draft[key] !== feature.properties[key]));

  const save = () => {
    const found = props.validate(draft);
    setProblems(found);
    if (found.length > 0) return;
    const change: Record<string, unknown> = {};
    for (const key of ['parcel_id', 'mine_id', 'date', 'measure', 'direction', 'surveyor', 'note'] as const) {
      if (draft[key] !== feature.properties[key]) change[key] = draft[key];
    }
    if (Object.keys(change).length > 0) props.onSave(change as TreatedAttributeChange);
  };

  return (
    <form className="treated-form" aria-label={t('form.title')} noValidate onSubmit={(e) => { e.preventDefault(); save(); }}>
      <h3>{t('form.title')}</h3>
      <label htmlFor={ids.parcel}>{t('form.parcel')}</label>
      <select
        id={ids.parcel}
        value={draft.parcel_id ?? ''}
        {...described('parcel_id', ids.parcel)}
        onChange={(e) => {
          const parcelId = e.target.value || null;
          const parcel = programme.parcels.features.find((p) => p.properties.id === parcelId);
          setDraft({ ...draft, parcel_id: parcelId, mine_id: parcel ? parcel.properties.mine_id : draft.mine_id });
        }}
      >
        <option value="">{t('form.noParcel')}</option>
        {choices.parcels.map((p) => <option key={p.properties.id} value={p.properties.id}>{p.properties.name}（{p.properties.id}）</option>)}
      </select>
      {choices.limited && <p className="note">{t('form.parcelsNearby', { km: NEARBY_M / 1000, count: choices.parcels.length })}</p>}
      {props.suggestedParcelId && <p className="note">{t('form.parcelSuggested', { name: parcelName(props.suggestedParcelId) })}</p>}
      {fieldError('parcel_id', ids.parcel)}
      <p className="note">{t('form.mine')}：{mine ? (language === 'en' ? mine.name_en : mine.name) : t('field.none')}</p>

      <label htmlFor={ids.date}>{t('form.date')}</label>
      <input id={ids.date} type="date" value={draft.date} {...described('date', ids.date)} onChange={(e) => setDraft({ ...draft, date: e.target.value })} />
      {fieldError('date', ids.date)}

      <label htmlFor={ids.measure}>{t('form.measure')}</label>
      <select id={ids.measure} value={draft.measure} {...described('measure', ids.measure)} onChange={(e) => setDraft({ ...draft, measure: e.target.value as Draft['measure'] })}>
        {MEASURES.map((m) => <option key={m} value={m}>{t(`measure.${m}`)}</option>)}
      </select>
      {fieldError('measure', ids.measure)}

      <label htmlFor={ids.direction}>{t('form.direction')}</label>
      <select id={ids.direction} value={draft.direction} {...described('direction', ids.direction)} onChange={(e) => setDraft({ ...draft, direction: e.target.value as Draft['direction'] })}>
        {RESTORATION_DIRECTIONS.map((d) => <option key={d} value={d}>{t(`direction.${d}`)}</option>)}
      </select>
      {fieldError('direction', ids.direction)}

      <label htmlFor={ids.surveyor}>{t('form.surveyor')}</label>
      <input id={ids.surveyor} type="text" value={draft.surveyor} maxLength={100} {...described('surveyor', ids.surveyor)} onChange={(e) => setDraft({ ...draft, surveyor: e.target.value })} />
      {fieldError('surveyor', ids.surveyor)}

      <label htmlFor={ids.note}>{t('form.note')}</label>
      <textarea id={ids.note} value={draft.note} maxLength={2000} rows={3} {...described('note', ids.note)} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
      {fieldError('note', ids.note)}

      <button type="submit" className="primary">{t('form.save')}</button>
    </form>
  );
}

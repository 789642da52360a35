// What a surveyor can do with a whole parcel from the survey tab: record all of it as treated
// (the treated polygon is the parcel), and hand the finished work over for acceptance
// (治理完成，提交验收) under their own name.
import { useId, useState } from 'react';
import type { ParcelStatus } from '../domain/model.ts';
import { REVIEW_FLOW } from '../domain/review.ts';
import { useI18n } from './i18n/language-context.tsx';

export interface SurveyParcelActionsProps {
  parcel: { id: string; name: string; status: ParcelStatus } | null;
  /** The surveyor's name; '' until given (every step records it). */
  who: string;
  canAct: boolean;
  onWholeParcel: () => void;
  /** Resolves true once stored. */
  onSubmit: (note: string) => Promise<boolean>;
}

export function SurveyParcelActions(props: SurveyParcelActionsProps) {
  const { t } = useI18n();
  const noteId = useId();
  const [note, setNote] = useState('');
  const { parcel } = props;
  if (!parcel) {
    return (
      <section className="parcel-actions" aria-label={t('survey.parcel.title')}>
        <h3>{t('survey.parcel.title')}</h3>
        <p className="note">{t('survey.parcel.pick')}</p>
      </section>
    );
  }
  const submittable = REVIEW_FLOW.submit.from.includes(parcel.status);
  return (
    <section className="parcel-actions" aria-label={t('survey.parcel.title')}>
      <h3>{t('survey.parcel.title')}</h3>
      <p data-parcel={parcel.id}>{t('survey.parcel.status', { name: parcel.name, id: parcel.id, status: t(`status.${parcel.status}`) })}</p>
      <button type="button" onClick={props.onWholeParcel} disabled={!props.canAct}>{t('survey.wholeParcel')}</button>
      <p className="note">{t('survey.wholeParcelHint')}</p>
      <label htmlFor={noteId}>{t('survey.submitNote')}</label>
      <textarea id={noteId} value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} />
      <button
        type="button"
        className="primary"
        disabled={!props.canAct || !submittable}
        onClick={() => void props.onSubmit(note.trim()).then((saved) => { if (saved) setNote(''); })}
      >
        {t('survey.submit')}
      </button>
      {submittable
        ? props.who && <p className="note">{t('survey.submitHint', { who: props.who })}</p>
        : <p className="note">{t('survey.submitNotNow', { status: t(`status.${parcel.status}`) })}</p>}
    </section>
  );
}

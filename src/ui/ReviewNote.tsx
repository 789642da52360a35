// The reviewer's note for a decision, as a parcel's and a whole mine's acceptance take it: sending
// work back needs one (a reason), accepting may have one; cleared once the step is stored.
import { useId, useState } from 'react';
import { useI18n } from './i18n/language-context.tsx';

export function useReviewNote() {
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  /** Runs the step with the note, unless it sends work back without one. */
  const decide = <A extends string>(action: A, run: (action: A, note: string) => Promise<boolean>) => {
    if (action === 'send_back' && note.trim() === '') return setMissing(true);
    setMissing(false);
    void run(action, note.trim()).then((done) => { if (done) setNote(''); });
  };
  return { note, setNote, missing, decide };
}

export function ReviewNote(props: { state: ReturnType<typeof useReviewNote> }) {
  const { t } = useI18n();
  const id = useId();
  const { note, setNote, missing } = props.state;
  return (
    <>
      <label htmlFor={id}>{t('review.note')}</label>
      <textarea id={id} value={note} maxLength={2000} rows={2} aria-invalid={missing} onChange={(e) => setNote(e.target.value)} />
      {missing && <p role="alert" className="error">{t('review.noteRequired')}</p>}
    </>
  );
}

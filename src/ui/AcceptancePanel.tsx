// One parcel's acceptance (逐项验收): its status, the steps the reviewer may take from it, a note
// (required to send work back), and the history of every step.
import type { Mine, ParcelFeature, ParcelStatus } from '../domain/model.ts';
import { reviewActionsFor, type ParcelReview, type ReviewAction } from '../domain/review.ts';
import { ReviewHistory } from './ReviewHistory.tsx';
import { ReviewNote, useReviewNote } from './ReviewNote.tsx';
import { useI18n } from './i18n/language-context.tsx';

export interface AcceptancePanelProps {
  parcel: ParcelFeature;
  mine: Mine | undefined;
  status: ParcelStatus;
  review: ParcelReview | null;
  /** False until the reviewer has given a name (every step records it). */
  canAct: boolean;
  onAct: (action: Exclude<ReviewAction, 'reopen'>, note: string) => Promise<boolean>;
  onOpenMine: (mineId: string) => void;
}

export function AcceptancePanel(props: AcceptancePanelProps) {
  const { t, language } = useI18n();
  const note = useReviewNote();
  const { parcel, mine, status } = props;
  const actions = reviewActionsFor(status).filter((a): a is Exclude<ReviewAction, 'reopen'> => a !== 'reopen');
  const act = (action: Exclude<ReviewAction, 'reopen'>) => note.decide(action, props.onAct);
  return (
    <section className="acceptance" aria-label={t('review.acceptance')}>
      <h3>{t('review.acceptance')}</h3>
      <p className="parcel-name">{parcel.properties.name} <span className="sub">{parcel.properties.id}</span></p>
      {mine && (
        <p className="sub">
          {language === 'en' ? mine.name_en : mine.name}{' '}
          <button type="button" className="link" onClick={() => props.onOpenMine(mine.id)} aria-label={t('review.openMineOf', { name: language === 'en' ? mine.name_en : mine.name })}>{t('review.openMine')}</button>
        </p>
      )}
      <p role="status" className="parcel-status" data-status={status}>{t('review.statusNow', { status: t(`status.${status}`) })}</p>
      {actions.length > 0 ? (
        <>
          <ReviewNote state={note} />
          <div className="button-row">
            {actions.map((a) => (
              <button key={a} type="button" className={a === 'accept' ? 'primary' : undefined} disabled={!props.canAct} onClick={() => act(a)}>{t(`review.do.${a}`)}</button>
            ))}
          </div>
          {!props.canAct && <p className="note">{t('review.needReviewer')}</p>}
        </>
      ) : <p className="note">{t('review.nothingToDo')}</p>}
      <ReviewHistory recorded={parcel.properties.status} review={props.review} label={t('review.history')} />
    </section>
  );
}

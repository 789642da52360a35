// The reviewer's decision for a whole mine (整矿验收) in one step: accept every parcel whose work
// waits for acceptance, or send the mine's work back with one note (required, as for a parcel).
// Each parcel still gets its own history entry; the store writes them in one transaction.
import { ReviewNote, useReviewNote } from './ReviewNote.tsx';
import { useI18n } from './i18n/language-context.tsx';

export type MineAction = 'accept' | 'send_back';

export interface MineDecisionProps {
  /** How many of the mine's parcels each action would move. */
  counts: Record<MineAction, number>;
  canAct: boolean;
  onDecide: (action: MineAction, note: string) => Promise<boolean>;
}

export function MineDecision(props: MineDecisionProps) {
  const { t } = useI18n();
  const note = useReviewNote();
  if (props.counts.accept === 0 && props.counts.send_back === 0) return null;
  const decide = (action: MineAction) => note.decide(action, props.onDecide);
  return (
    <section className="mine-decision no-print" aria-label={t('mineFile.decision')}>
      <h3>{t('mineFile.decision')}</h3>
      <ReviewNote state={note} />
      <div className="button-row">
        {props.counts.accept > 0 && <button type="button" className="primary" disabled={!props.canAct} onClick={() => decide('accept')}>{t('mineFile.acceptAll', { count: props.counts.accept })}</button>}
        {props.counts.send_back > 0 && <button type="button" disabled={!props.canAct} onClick={() => decide('send_back')}>{t('mineFile.sendBackAll', { count: props.counts.send_back })}</button>}
      </div>
      {!props.canAct && <p className="note">{t('review.needReviewer')}</p>}
    </section>
  );
}

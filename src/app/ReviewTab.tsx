// The reviewer's tab (审查验收): who is reviewing, the map as of a date, the before/after swipe,
// the selected parcel's acceptance, the parcels waiting for it, and the dashboard.
import { useId, useMemo } from 'react';
import type { Programme } from '../domain/model.ts';
import { formatArea } from '../domain/units.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import { reviewStep, type ReviewerAction } from '../store/review-edits.ts';
import { AcceptancePanel } from '../ui/AcceptancePanel.tsx';
import { EditHistory } from '../ui/EditHistory.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import '../ui/review.css';
import { useSaveState } from './use-save-state.ts';
import type { ReviewState } from './use-review.ts';

export interface ReviewTabProps {
  review: ReviewState;
  programme: Programme;
  store: FieldStore | null;
  canUndo: boolean;
  canRedo: boolean;
  selectedParcel: string | null;
  onShowParcel: (parcelId: string) => void;
}

const WAITING_SHOWN = 40;

export function ReviewTab(props: ReviewTabProps) {
  const { t, language } = useI18n();
  const ids = { reviewer: useId(), asOf: useId(), from: useId() };
  const { review, programme, store } = props;
  const { save, track } = useSaveState(t);
  const canAct = store !== null && review.who !== '';
  const parcel = props.selectedParcel ? programme.parcels.features.find((p) => p.properties.id === props.selectedParcel) : undefined;
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const periodReversed = review.asOf !== null && review.periodFrom !== null && review.periodFrom > review.asOf;
  const summary = review.periodSummary;
  const shownNote = !review.asOf ? t('review.nowShown')
    : summary && review.periodFrom ? t('review.periodShown', { from: review.periodFrom, to: review.asOf })
      : t('review.asOfShown', { date: review.asOf });
  // Once per change of parcels or statuses: a pass over 50,000 parcels on every render of the tab
  // showed as a long task while the programme loaded.
  const waiting = useMemo(() => programme.parcels.features.filter((p) => review.statuses.get(p.properties.id) === 'treated'), [programme.parcels, review.statuses]);

  const act = async (parcelId: string, action: ReviewerAction, note: string): Promise<boolean> => {
    if (!store || !canAct) return false;
    const saved = await track(store.transact(reviewStep(store.getSnapshot(), parcelId, action, review.who, note, new Date()), review.who));
    return saved !== null;
  };

  return (
    <section className="review" aria-label={t('review.panel')}>
      <h2>{t('review.panel')}</h2>
      <label htmlFor={ids.reviewer}>{t('review.reviewer')}</label>
      <input id={ids.reviewer} type="text" value={review.reviewer} maxLength={100} autoComplete="name" onChange={(e) => review.setReviewer(e.target.value)} />
      <div className="button-row">
        <button type="button" className="primary" onClick={() => review.setOverlay({ kind: 'dashboard' })}>{t('review.openDashboard')}</button>
      </div>

      <section aria-label={t('review.asOfTitle')}>
        <h3>{t('review.asOfTitle')}</h3>
        <label htmlFor={ids.asOf}>{t('review.asOf')}</label>
        <div className="button-row">
          <input id={ids.asOf} type="date" value={review.asOf ?? ''} onChange={(e) => review.setAsOf(e.target.value || null)} />
          <button type="button" disabled={review.asOf === null} onClick={() => { review.setAsOf(null); review.setPeriodFrom(null); }}>{t('review.asOfNow')}</button>
        </div>
        <label htmlFor={ids.from}>{t('review.periodFrom')}</label>
        <input id={ids.from} type="date" value={review.periodFrom ?? ''} disabled={review.asOf === null} aria-invalid={periodReversed} onChange={(e) => review.setPeriodFrom(e.target.value || null)} />
        {periodReversed && <p role="alert" className="error">{t('review.periodReversed')}</p>}
        <p role="status" className="note">{shownNote}</p>
        {summary && (
          <dl className="rows period-summary" aria-label={t('review.periodSummary')}>
            <div><dt>{t('review.period.treated')}</dt><dd data-figure="period-treated">{summary.treated}</dd></div>
            <div><dt>{t('review.period.treatedArea')}</dt><dd data-figure="period-treated-area">{t('mineFile.areaBoth', { mu: formatArea(summary.treated_m2, 'mu', locale), ha: formatArea(summary.treated_m2, 'ha', locale) })}</dd></div>
            <div><dt>{t('review.period.accepted')}</dt><dd data-figure="period-accepted">{summary.accepted}</dd></div>
            <div><dt>{t('review.period.sentBack')}</dt><dd data-figure="period-sent-back">{summary.sent_back}</dd></div>
            <div><dt>{t('review.period.closed')}</dt><dd data-figure="period-closed">{summary.closed}</dd></div>
          </dl>
        )}
        <button type="button" onClick={() => review.setOverlay({ kind: 'swipe' })}>{t('review.openSwipe')}</button>
      </section>

      {parcel ? (
        <AcceptancePanel
          key={parcel.properties.id}
          parcel={parcel}
          mine={programme.mines.find((m) => m.id === parcel.properties.mine_id)}
          status={review.statuses.get(parcel.properties.id) ?? parcel.properties.status}
          review={review.reviews.get(parcel.properties.id) ?? null}
          canAct={canAct}
          onAct={(action, note) => act(parcel.properties.id, action, note)}
          onOpenMine={(mineId) => review.setOverlay({ kind: 'mine', mineId })}
        />
      ) : <p className="note">{t('review.pickParcel')}</p>}
      <EditHistory canUndo={props.canUndo} canRedo={props.canRedo} onUndo={() => { if (store && canAct) void track(store.undo(review.who)); }} onRedo={() => { if (store && canAct) void track(store.redo(review.who)); }} save={save} />

      <section aria-label={t('review.waiting')}>
        <h3>{t('review.waiting')} ({waiting.length})</h3>
        {waiting.length === 0 ? <p className="note">{t('review.waitingNone')}</p> : (
          <ul className="waiting">
            {waiting.slice(0, WAITING_SHOWN).map((p) => {
              const mine = programme.mines.find((m) => m.id === p.properties.mine_id);
              return (
                <li key={p.properties.id}>
                  <button type="button" className="link" aria-label={t('planner.showParcel', { name: p.properties.name, id: p.properties.id })} onClick={() => props.onShowParcel(p.properties.id)}>{p.properties.name}</button>
                  <span className="sub">{p.properties.id} · {mine ? (language === 'en' ? mine.name_en : mine.name) : ''}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </section>
  );
}

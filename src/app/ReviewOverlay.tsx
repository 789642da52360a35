// The reviewer's large views over the map: the dashboard (with the target editor), a mine's file
// and the before/after swipe. Wires them to the field store and the analysis results.
import { useCallback, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { mineFigures } from '../domain/mine-figures.ts';
import { programmeAsOf } from '../domain/programme-as-of.ts';
import { REVIEW_FLOW } from '../domain/review.ts';
import type { CompareView } from '../map/compare-maps.ts';
import { mineReviewStep } from '../store/review-edits.ts';
import { MineFile } from '../ui/MineFile.tsx';
import type { MineAction } from '../ui/MineDecision.tsx';
import { SwipeCompare } from '../ui/SwipeCompare.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import { DashboardOverlay, type DashboardOverlayProps } from './DashboardOverlay.tsx';
import { storeErrorMessage } from './use-save-state.ts';

export interface ReviewOverlayProps extends DashboardOverlayProps {
  buffers: FeatureCollection | null;
  /** Where the main map looks, for the swipe to start from. */
  view: () => CompareView;
}

const NO_PHOTOS = new Map();

export function ReviewOverlay(props: ReviewOverlayProps) {
  const { t } = useI18n();
  const { review, programme, store, snapshot, results } = props;
  const [mineMessage, setMineMessage] = useState<string | null>(null);
  const loadPhoto = useCallback((id: string) => (store ? store.photoImage(id) : Promise.resolve(null)), [store]);
  const canAct = store !== null && review.who !== '';
  const close = () => review.setOverlay(null);

  const { overlay } = review;
  const beforeDate = review.compareDates.before;
  const afterDate = review.compareDates.after;
  const swipeOpen = overlay?.kind === 'swipe';
  const swipeData = useMemo(() => {
    if (!swipeOpen) return null;
    const side = (date: string) => ({ ...programmeAsOf(programme, review.reviews, date), zones: programme.zones, ...(props.buffers ? { buffers: props.buffers } : {}) });
    return { before: side(beforeDate), after: side(afterDate) };
  }, [swipeOpen, programme, review.reviews, beforeDate, afterDate, props.buffers]);

  if (overlay?.kind === 'dashboard') {
    return <DashboardOverlay {...props} />;
  }
  if (overlay?.kind === 'mine') {
    const mine = programme.mines.find((m) => m.id === overlay.mineId);
    if (!mine) return null;
    const figures = mineFigures(programme, mine.id, results?.parcels ?? [], review.statuses);
    const decidable = {
      accept: figures.parcels.filter((p) => REVIEW_FLOW.accept.from.includes(p.status)).length,
      send_back: figures.parcels.filter((p) => REVIEW_FLOW.send_back.from.includes(p.status)).length,
    };
    const decide = async (action: MineAction, note: string): Promise<boolean> => {
      if (!store || !canAct) return false;
      const edit = mineReviewStep(store.getSnapshot(), mine.id, action, review.who, note, new Date());
      if (!edit) return false;
      try {
        await store.transact(edit, review.who);
        setMineMessage(null);
        return true;
      } catch (error) {
        setMineMessage(storeErrorMessage(t, error));
        return false;
      }
    };
    return (
      <MineFile
        programme={programme}
        mine={mine}
        figures={figures}
        reviews={review.reviews}
        photosByFeature={snapshot?.photosByFeature ?? NO_PHOTOS}
        loadPhoto={loadPhoto}
        message={mineMessage}
        decidable={decidable}
        canAct={canAct}
        onDecide={decide}
        onClose={close}
      />
    );
  }
  if (swipeOpen && swipeData) {
    return (
      <SwipeCompare
        dates={review.compareDates}
        onDate={review.setCompareDate}
        data={swipeData}
        imagery={review.imagery}
        view={props.view()}
        onClose={close}
      />
    );
  }
  return null;
}

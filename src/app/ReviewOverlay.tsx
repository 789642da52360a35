// The reviewer's large views over the map: the dashboard (with the target editor), a mine's file
// and the before/after swipe. Wires them to the field store and the analysis results.
import { useCallback, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { AnalysisResults } from '../domain/analysis-types.ts';
import { mineFigures } from '../domain/mine-figures.ts';
import type { Programme, TargetTable } from '../domain/model.ts';
import { programmeAsOf } from '../domain/programme-as-of.ts';
import { REVIEW_FLOW } from '../domain/review.ts';
import { targetInconsistencies } from '../domain/target-consistency.ts';
import { targetProgress } from '../domain/target-progress.ts';
import { readTargetsCsv } from '../io/targets-csv.ts';
import type { CompareView } from '../map/compare-maps.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { mineReviewStep, setTargets } from '../store/review-edits.ts';
import { MineFile } from '../ui/MineFile.tsx';
import { ProgressDashboard } from '../ui/ProgressDashboard.tsx';
import { SwipeCompare } from '../ui/SwipeCompare.tsx';
import { TargetEditor } from '../ui/TargetEditor.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import { storeErrorMessage } from './use-save-state.ts';
import type { ReviewState } from './use-review.ts';

export interface ReviewOverlayProps {
  review: ReviewState;
  programme: Programme;
  snapshot: FieldSnapshot | null;
  store: FieldStore | null;
  results: AnalysisResults | null;
  analysisPending: boolean;
  buffers: FeatureCollection | null;
  /** Where the main map looks, for the swipe to start from. */
  view: () => CompareView;
}

const NO_PHOTOS = new Map();

export function ReviewOverlay(props: ReviewOverlayProps) {
  const { t } = useI18n();
  const { review, programme, store, snapshot, results } = props;
  const [targetMessage, setTargetMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [mineMessage, setMineMessage] = useState<string | null>(null);
  const loadPhoto = useCallback((id: string) => (store ? store.photoImage(id) : Promise.resolve(null)), [store]);
  const canAct = store !== null && review.who !== '';
  const close = () => review.setOverlay(null);

  const progress = useMemo(() => (results ? targetProgress({ targets: programme.targets, townships: programme.townships, mines: programme.mines, parcels: results.parcels, statuses: review.statuses }) : null),
    [results, programme.targets, programme.townships, programme.mines, review.statuses]);
  const inconsistencies = useMemo(() => targetInconsistencies(programme.targets), [programme.targets]);

  const { overlay } = review;
  const beforeDate = review.compareDates.before;
  const afterDate = review.compareDates.after;
  const swipeOpen = overlay?.kind === 'swipe';
  const swipeData = useMemo(() => {
    if (!swipeOpen) return null;
    const side = (date: string) => ({ ...programmeAsOf(programme, review.reviews, date), zones: programme.zones, ...(props.buffers ? { buffers: props.buffers } : {}) });
    return { before: side(beforeDate), after: side(afterDate) };
  }, [swipeOpen, programme, review.reviews, beforeDate, afterDate, props.buffers]);

  const writeTargets = (table: TargetTable | null, done: string) => {
    if (!store || !canAct) return;
    store.transact(setTargets(store.getSnapshot(), table), review.who).then(
      () => setTargetMessage({ text: done, error: false }),
      (error: unknown) => setTargetMessage({ text: storeErrorMessage(t, error), error: true }),
    );
  };

  if (overlay?.kind === 'dashboard') {
    return (
      <ProgressDashboard
        programme={programme}
        progress={progress}
        inconsistencies={inconsistencies}
        busy={props.analysisPending}
        onClose={close}
        targetEditor={(
          <TargetEditor
            programmeId={programme.id}
            table={programme.targets}
            townships={programme.townships}
            edited={snapshot?.targetsRecord?.table != null}
            canEdit={canAct}
            message={targetMessage}
            onSave={(table) => writeTargets(table, t('targets.saved'))}
            onReset={() => writeTargets(null, t('targets.restored'))}
            onImport={(file) => {
              void file.text().then((text) => {
                const read = readTargetsCsv(text, programme.townships, file.name);
                if (!read.ok) return setTargetMessage({ text: t('targets.importFailed', { name: file.name, reason: read.reason }), error: true });
                writeTargets(read.value, t('targets.imported', { name: file.name, rows: read.value.rows.length, totals: read.value.stated_totals.length }));
              });
            }}
          />
        )}
      />
    );
  }
  if (overlay?.kind === 'mine') {
    const mine = programme.mines.find((m) => m.id === overlay.mineId);
    if (!mine) return null;
    const figures = mineFigures(programme, mine.id, results?.parcels ?? [], review.statuses);
    const acceptable = figures.parcels.filter((p) => REVIEW_FLOW.accept.from.includes(p.status)).length;
    return (
      <MineFile
        programme={programme}
        mine={mine}
        figures={figures}
        reviews={review.reviews}
        photosByFeature={snapshot?.photosByFeature ?? NO_PHOTOS}
        loadPhoto={loadPhoto}
        message={mineMessage}
        acceptable={acceptable}
        canAct={canAct}
        onAcceptAll={() => {
          if (!store || !canAct) return;
          const edit = mineReviewStep(store.getSnapshot(), mine.id, 'accept', review.who, '', new Date());
          if (edit) {
            store.transact(edit, review.who).then(
              () => setMineMessage(null),
              (error: unknown) => setMineMessage(storeErrorMessage(t, error)),
            );
          }
        }}
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
        onImagery={review.setImagery}
        view={props.view()}
        onClose={close}
      />
    );
  }
  return null;
}

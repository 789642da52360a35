// The dashboard overlay wired up: progress now or as of the chosen date, the plan's own
// inconsistencies, and the target editor writing through the field store (one undoable edit).
import { useMemo, useState } from 'react';
import type { AnalysisResults, ParcelTreated } from '../domain/analysis-types.ts';
import type { Programme, TargetTable, TreatedFeature } from '../domain/model.ts';
import { targetInconsistencies } from '../domain/target-consistency.ts';
import { targetOverlaps } from '../domain/target-overlaps.ts';
import { targetProgress } from '../domain/target-progress.ts';
import { readTargetsCsv } from '../io/targets-csv.ts';
import { targetsCsvReason } from '../ui/targets-csv-reason.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { setTargets } from '../store/review-edits.ts';
import { ProgressDashboard } from '../ui/ProgressDashboard.tsx';
import { TargetEditor } from '../ui/TargetEditor.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import { useProgressAsOf } from './use-progress-as-of.ts';
import type { ReviewState } from './use-review.ts';
import { storeErrorMessage } from './use-save-state.ts';

export interface DashboardOverlayProps {
  review: ReviewState;
  programme: Programme;
  snapshot: FieldSnapshot | null;
  store: FieldStore | null;
  results: AnalysisResults | null;
  analysisPending: boolean;
  treatedAsOf: (treated: readonly TreatedFeature[]) => Promise<ParcelTreated[] | null>;
}

export function DashboardOverlay(props: DashboardOverlayProps) {
  const { t, language } = useI18n();
  const { review, programme, store, snapshot } = props;
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  /** yyyy-mm-dd, or '' for now. */
  const [asOf, setAsOf] = useState('');
  const canAct = store !== null && review.who !== '';
  const basis = useProgressAsOf(asOf, programme, review.reviews, { results: props.results, statuses: review.statuses }, props.treatedAsOf);

  const { targets, townships, mines } = programme;
  const progress = useMemo(() => (basis.parcels ? targetProgress({ targets, townships, mines, parcels: basis.parcels, statuses: basis.statuses }) : null),
    [basis.parcels, basis.statuses, targets, townships, mines]);
  const inconsistencies = useMemo(() => targetInconsistencies(targets), [targets]);
  const overlaps = useMemo(() => targetOverlaps(targets), [targets]);

  const writeTargets = (table: TargetTable | null, done: string) => {
    if (!store || !canAct) return;
    store.transact(setTargets(store.getSnapshot(), table), review.who).then(
      () => setMessage({ text: done, error: false }),
      (error: unknown) => setMessage({ text: storeErrorMessage(t, error), error: true }),
    );
  };

  return (
    <ProgressDashboard
      programme={programme}
      progress={progress}
      inconsistencies={inconsistencies}
      overlaps={overlaps}
      asOf={{ date: asOf, onDate: setAsOf, computing: basis.computing, failed: basis.failed }}
      busy={props.analysisPending}
      onClose={() => review.setOverlay(null)}
      targetEditor={(
        <TargetEditor
          programmeId={programme.id}
          table={targets}
          townships={townships}
          edited={snapshot?.targetsRecord?.table != null}
          canEdit={canAct}
          message={message}
          onSave={(table) => writeTargets(table, t('targets.saved'))}
          onReset={() => writeTargets(null, t('targets.restored'))}
          onImport={(file) => {
            void file.text().then((text) => {
              const read = readTargetsCsv(text, townships, file.name);
              if (!read.ok) return setMessage({ text: t('targets.importFailed', { name: file.name, reason: targetsCsvReason(t, language, read.problems) }), error: true });
              writeTargets(read.value, t('targets.imported', { name: file.name, rows: read.value.rows.length, totals: read.value.stated_totals.length }));
            });
          }}
        />
      )}
    />
  );
}

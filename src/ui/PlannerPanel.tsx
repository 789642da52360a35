// The planner's tab: buffer distances, the state of the analysis, and the conflict list.
import type { ConflictQuery } from '../domain/conflict-list.ts';
import type { AnalysisResults, Progress } from '../domain/analysis-types.ts';
import type { Programme } from '../domain/model.ts';
import { BufferSettings, type BufferSettingsProps } from './BufferSettings.tsx';
import { ConflictList } from './ConflictList.tsx';
import { useI18n } from './i18n/language-context.tsx';

export interface PlannerPanelProps {
  programme: Programme;
  results: AnalysisResults | null;
  pending: number;
  progress: Progress | null;
  error: string | null;
  buffers: BufferSettingsProps;
  query: ConflictQuery;
  onQuery: (query: ConflictQuery) => void;
  selectedId: string | null;
  onShow: (parcelId: string) => void;
}

export function PlannerPanel(props: PlannerPanelProps) {
  const { t } = useI18n();
  const { progress, results } = props;
  return (
    <section className="planner" aria-label={t('planner.panel')}>
      <h2>{t('planner.panel')}</h2>
      <BufferSettings {...props.buffers} />
      {props.error && <p role="alert" className="error">{t('planner.failed', { reason: props.error })}</p>}
      {props.pending > 0 && (
        <p className="status">
          {progress
            ? t('planner.progress', { phase: t(`planner.phase.${progress.phase}`), done: progress.done, total: progress.total })
            : t('planner.computing')}
        </p>
      )}
      {results && results.issues.length > 0 && <p className="note">{t('planner.issues', { count: results.issues.length })}</p>}
      {results && results.totals.treated_without_date > 0 && <p className="note" data-figure="undated">{t('planner.undated', { count: results.totals.treated_without_date })}</p>}
      {results && (
        <ConflictList
          programme={props.programme}
          results={results.parcels}
          query={props.query}
          onQuery={props.onQuery}
          selectedId={props.selectedId}
          onShow={props.onShow}
          busy={props.pending > 0}
        />
      )}
    </section>
  );
}

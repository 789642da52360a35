// Sync conflicts the user resolves: the list, and for one conflict its two shapes on the map (with
// a legend), its differences as base / mine / theirs, and the choices that apply; then the edits
// the server refused, with its reason, each of which the user discards. A bottom sheet on a
// phone, a panel at the side on larger screens (sync-conflicts.css).
import { useEffect, useId, useMemo, useState } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import { conflictShapes } from '../map/conflict-shapes.ts';
import { mergeConflict, type ConflictTarget } from '../store/conflict-resolution.ts';
import { editTarget, singleEdits } from '../store/edit.ts';
import type { ConflictChoice, RefusedEdit, SyncConflict } from '../store/sync-conflict.ts';
import { differenceRows, targetName } from './conflict-differences.ts';
import { useI18n } from './i18n/language-context.tsx';
import type { MessageKey, Translate } from './i18n/translate.ts';
import './sync-conflicts.css';

export interface SyncConflictsProps {
  conflicts: readonly SyncConflict[];
  onResolve: (conflict: SyncConflict, choice: ConflictChoice) => Promise<void> | void;
  refused: readonly RefusedEdit[];
  /** Discards a refused edit: what it changed goes back to the server's version. */
  onDismiss: (clientEditId: string) => Promise<void> | void;
  /** The shown conflict's two shapes for the map, or null when none is shown. */
  onShowShapes?: (shapes: FeatureCollection | null) => void;
}

interface Asked {
  conflict: SyncConflict;
  targets: ConflictTarget[];
  choices: ConflictChoice[];
}

const REFUSAL_CODES = ['forbidden', 'invalid_edit', 'invalid_request', 'invalid_step', 'missing_bytes', 'unsupported_type', 'not_synced', 'refused_by_database'];

function refusedWhat(refused: RefusedEdit, t: Translate): string {
  const first = singleEdits(refused.edit)[0];
  return first ? targetName(editTarget(first), t) : refused.edit.kind;
}

function refusedReason(refused: RefusedEdit, t: Translate): string {
  return REFUSAL_CODES.includes(refused.code) ? t(`conflicts.refused.code.${refused.code}` as MessageKey) : t('conflicts.refused.code.other', { code: refused.code });
}

const geometryOf = (value: unknown): Geometry | null => (value && typeof value === 'object' && 'geometry' in value ? (value as { geometry: Geometry }).geometry : null);

export function SyncConflicts(props: SyncConflictsProps) {
  const { t, language } = useI18n();
  const headingId = useId();
  const { conflicts, onResolve, onShowShapes, refused, onDismiss } = props;
  const refusedHeadingId = useId();
  const asked = useMemo(() => conflicts.flatMap((conflict): Asked[] => {
    const outcome = mergeConflict(conflict);
    return outcome.kind === 'ask' ? [{ conflict, targets: outcome.targets, choices: outcome.choices }] : [];
  }), [conflicts]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = asked.find((a) => a.conflict.clientEditId === openId) ?? null;
  const treated = open?.targets.find((target) => target.layer === 'treated' && target.merge.status === 'conflict') ?? null;

  useEffect(() => {
    if (!onShowShapes) return;
    onShowShapes(treated ? conflictShapes(geometryOf(treated.mine), geometryOf(treated.theirs)) : null);
  }, [treated, onShowShapes]);
  useEffect(() => () => onShowShapes?.(null), [onShowShapes]);

  if (asked.length === 0 && refused.length === 0) return null;
  const at = (iso: string) => new Date(iso).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const itemText = (a: Asked) => {
    const target = a.targets.find((x) => x.merge.status === 'conflict')!;
    return t('conflicts.item', { what: targetName(target, t), who: target.theirsBy?.who ?? '?', at: target.theirsBy ? at(target.theirsBy.at) : '' });
  };
  const dismiss = async (item: RefusedEdit) => {
    setBusy(true);
    setError(null);
    try {
      await onDismiss(item.clientEditId);
    } catch (e) {
      setError(t('conflicts.refused.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const choose = async (choice: ConflictChoice) => {
    if (!open) return;
    setBusy(true);
    setError(null);
    try {
      await onResolve(open.conflict, choice);
      setOpenId(null);
    } catch (e) {
      setError(t('conflicts.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sync-conflicts" aria-labelledby={asked.length > 0 ? headingId : refusedHeadingId}>
      {asked.length > 0 && <h2 id={headingId}>{t('conflicts.title', { count: asked.length })}</h2>}
      {asked.length === 0 ? null : !open ? (
        <>
          <p>{t('conflicts.intro')}</p>
          <ul aria-label={t('conflicts.list')}>
            {asked.map((a) => (
              <li key={a.conflict.clientEditId}>
                <button type="button" aria-label={t('conflicts.open', { item: itemText(a) })} onClick={() => setOpenId(a.conflict.clientEditId)}>{itemText(a)}</button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div role="group" aria-label={t('conflicts.detail')}>
          <button type="button" className="link" onClick={() => setOpenId(null)}>{t('conflicts.back')}</button>
          {open.conflict.mergeRefused !== undefined && <p>{t('conflicts.mergeRefused', { reason: open.conflict.mergeRefused })}</p>}
          {open.targets.filter((x) => x.merge.status === 'conflict').map((target) => (
            <div key={`${target.layer}/${target.id}`}>
              <h3>{targetName(target, t)}</h3>
              <p>{target.merge.status === 'conflict' && target.merge.reasons.map((r) => t(`conflicts.reason.${r}`)).join('；')}</p>
              <table className="conflict-differences">
                <caption>{t('conflicts.table')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('conflicts.col.field')}</th>
                    <th scope="col">{t('conflicts.col.base')}</th>
                    <th scope="col">{t('conflicts.col.mine')}</th>
                    <th scope="col">{t('conflicts.col.theirs')}</th>
                  </tr>
                </thead>
                <tbody>
                  {differenceRows(target, t).map((row) => (
                    <tr key={row.key} className={row.conflicting ? 'clash' : undefined}>
                      <th scope="row">{row.field}{row.conflicting && <span className="clash-mark"> ({t('conflicts.clash')})</span>}</th>
                      <td>{row.base}</td>
                      <td>{row.mine}</td>
                      <td>{row.theirs}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          {treated && (
            <ul className="conflict-legend" aria-label={t('conflicts.legend')}>
              <li><span className="swatch mine" aria-hidden="true" />{t('conflicts.legend.mine')}</li>
              <li><span className="swatch theirs" aria-hidden="true" />{t('conflicts.legend.theirs')}</li>
            </ul>
          )}
          <div role="group" aria-label={t('conflicts.choices')} className="conflict-choices">
            {open.choices.map((choice) => (
              <button key={choice} type="button" disabled={busy} title={t(`conflicts.choice.${choice}.hint`)} onClick={() => void choose(choice)}>
                {t(`conflicts.choice.${choice}`)}
              </button>
            ))}
          </div>
          {busy && <p role="status">{t('conflicts.resolving')}</p>}
          {error && <p role="alert">{error}</p>}
        </div>
      )}
      {!open && refused.length > 0 && (
        <>
          <h2 id={refusedHeadingId}>{t('conflicts.refused.title', { count: refused.length })}</h2>
          <p>{t('conflicts.refused.intro')}</p>
          <ul aria-label={t('conflicts.refused.list')}>
            {refused.map((item) => (
              <li key={item.clientEditId} className="refused-edit">
                <p>{t('conflicts.refused.item', { what: refusedWhat(item, t), reason: refusedReason(item, t) })}</p>
                <p className="server-message">{t('conflicts.refused.server', { message: item.message })}</p>
                <button type="button" disabled={busy} aria-label={t('conflicts.refused.dismissLabel', { what: refusedWhat(item, t) })} onClick={() => void dismiss(item)}>
                  {t('conflicts.refused.dismiss')}
                </button>
              </li>
            ))}
          </ul>
          {error && <p role="alert">{error}</p>}
        </>
      )}
    </section>
  );
}

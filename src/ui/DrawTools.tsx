// Drawing a treated polygon: start, snapping, crosshair or tap-to-add, and while drawing the
// drawing bar (here, or in the phone's sheet peek).
import type { ReactNode } from 'react';
import { useI18n } from './i18n/language-context.tsx';

export interface DrawToolsProps {
  drawing: boolean;
  /** False until the surveyor has said who they are (every edit records it). */
  canDraw: boolean;
  onDraw: () => void;
  snapping: boolean;
  onSnapping: (on: boolean) => void;
  crosshair: boolean;
  onCrosshair: (on: boolean) => void;
  /** What the drawing in progress is for: a new polygon, or a hole or split line for a stored one. */
  purpose?: 'new' | 'hole' | 'split';
  /** The drawing bar, when it is shown here rather than elsewhere (the phone's sheet peek). */
  bar: ReactNode;
}

export function DrawTools(props: DrawToolsProps) {
  const { t } = useI18n();
  const hint = props.purpose === 'hole' ? 'survey.holeHint' : props.purpose === 'split' ? 'survey.splitHint' : props.crosshair ? 'layout.crosshairHint' : 'survey.drawHint';
  return (
    <section className="draw-tools" aria-label={t('survey.draw')}>
      {!props.drawing && <button type="button" className="primary" onClick={props.onDraw} disabled={!props.canDraw}>{t('survey.draw')}</button>}
      {!props.canDraw && <p className="note">{t('survey.needSurveyor')}</p>}
      <label className="inline">
        <input type="checkbox" checked={props.snapping} onChange={(e) => props.onSnapping(e.target.checked)} />
        {t('survey.snapping')}
      </label>
      <label className="inline">
        <input type="checkbox" checked={props.crosshair} onChange={(e) => props.onCrosshair(e.target.checked)} />
        {t('layout.crosshair')}
      </label>
      {props.drawing && <p className="note">{t(hint)}</p>}
      {props.bar}
    </section>
  );
}

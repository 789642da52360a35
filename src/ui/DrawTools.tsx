// Drawing a treated polygon: start/cancel, snapping, the live area, the buffer warning and why a
// change was refused.
import type { ZoneType } from '../domain/model.ts';
import { LiveArea } from './LiveArea.tsx';
import { useI18n } from './i18n/language-context.tsx';

export interface DrawToolsProps {
  drawing: boolean;
  /** False until the surveyor has said who they are (every edit records it). */
  canDraw: boolean;
  onDraw: () => void;
  onCancel: () => void;
  snapping: boolean;
  onSnapping: (on: boolean) => void;
  liveAreaM2: number | null;
  entered: readonly ZoneType[];
  refusal: string | null;
  /** What the drawing in progress is for: a new polygon, or a hole or split line for a stored one. */
  purpose?: 'new' | 'hole' | 'split';
}

export function DrawTools(props: DrawToolsProps) {
  const { t } = useI18n();
  return (
    <section className="draw-tools" aria-label={t('survey.draw')}>
      {props.drawing
        ? <button type="button" onClick={props.onCancel}>{t('survey.cancelDraw')}</button>
        : <button type="button" className="primary" onClick={props.onDraw} disabled={!props.canDraw}>{t('survey.draw')}</button>}
      {!props.canDraw && <p className="note">{t('survey.needSurveyor')}</p>}
      <label className="inline">
        <input type="checkbox" checked={props.snapping} onChange={(e) => props.onSnapping(e.target.checked)} />
        {t('survey.snapping')}
      </label>
      {props.drawing && <p className="note">{t(props.purpose === 'hole' ? 'survey.holeHint' : props.purpose === 'split' ? 'survey.splitHint' : 'survey.drawHint')}</p>}
      {props.liveAreaM2 !== null && <LiveArea m2={props.liveAreaM2} />}
      {props.entered.length > 0 && (
        <p role="alert" className="warning">{t('survey.entersBuffers', { types: props.entered.map((z) => t(`zone.${z}`)).join('、') })}</p>
      )}
      {props.refusal && <p role="alert" className="error">{props.refusal}</p>}
    </section>
  );
}

// A polygon being drawn (or reshaped): the buttons that draw without tapping the spot (a vertex at the
// crosshair or at the GPS position), undo the last vertex, finish or cancel; the live area, the
// buffers the shape enters and why the last change was refused.
import type { ZoneType } from '../domain/model.ts';
import { LiveArea } from './LiveArea.tsx';
import { useI18n } from './i18n/language-context.tsx';

export interface DrawingBarProps {
  /** A shape is being drawn (the buttons show); otherwise only the figures and refusals of a reshape. */
  drawing: boolean;
  /** Crosshair mode: vertices are added at the map centre by button, never by tapping the map. */
  crosshair: boolean;
  /** False while drawing a split line (only polygons take vertices by button). */
  polygon: boolean;
  onAddVertex: () => void;
  onUndoVertex: () => void;
  onFinish: () => void;
  onCancel: () => void;
  /** Adds a vertex at the current GPS position; null while there is no fix. */
  onGpsVertex: (() => void) | null;
  liveAreaM2: number | null;
  entered: readonly ZoneType[];
  refusal: string | null;
}

export function DrawingBar(props: DrawingBarProps) {
  const { t } = useI18n();
  return (
    <div className="drawing-bar">
      {props.drawing && (
        <div className="button-row">
          {props.polygon && props.crosshair && <button type="button" className="primary" onClick={props.onAddVertex}>{t('layout.addVertex')}</button>}
          {props.polygon && <button type="button" onClick={props.onUndoVertex}>{t('layout.undoVertex')}</button>}
          {props.polygon && <button type="button" onClick={props.onFinish}>{t('layout.finish')}</button>}
          <button type="button" onClick={props.onCancel}>{t('survey.cancelDraw')}</button>
          {props.polygon && (
            <button type="button" onClick={props.onGpsVertex ?? undefined} disabled={!props.onGpsVertex} title={props.onGpsVertex ? undefined : t('layout.gpsVertexNeedsFix')}>
              {t('layout.gpsVertex')}
            </button>
          )}
        </div>
      )}
      {props.liveAreaM2 !== null && <LiveArea m2={props.liveAreaM2} />}
      {props.entered.length > 0 && (
        <p role="alert" className="warning">{t('survey.entersBuffers', { types: props.entered.map((z) => t(`zone.${z}`)).join('、') })}</p>
      )}
      {props.refusal && <p role="alert" className="error">{props.refusal}</p>}
    </div>
  );
}

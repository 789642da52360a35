// GPS in the field: the position and its accuracy, adding the position as a vertex, walking the
// boundary, and the accuracy below which a position is refused.
import type { GpsFix } from '../domain/gps-trace.ts';
import { useI18n } from './i18n/language-context.tsx';

export type GpsStatus =
  | { status: 'off' | 'waiting' | 'unsupported' }
  | { status: 'denied' | 'unavailable'; message: string }
  | { status: 'fix'; fix: GpsFix };

export interface GpsToolsProps {
  on: boolean;
  onToggle: (on: boolean) => void;
  gps: GpsStatus;
  accuracyLimit: number;
  onAccuracyLimit: (metres: number) => void;
  vertices: number;
  walking: boolean;
  onWalking: (on: boolean) => void;
  onAddVertex: () => void;
  onFinish: () => void;
  onClear: () => void;
  onCenter: () => void;
  message: string | null;
}

export function GpsTools(props: GpsToolsProps) {
  const { t } = useI18n();
  const { gps } = props;
  const status = gps.status === 'fix'
    ? t('gps.position', { lon: gps.fix.lon.toFixed(6), lat: gps.fix.lat.toFixed(6), accuracy: gps.fix.accuracy.toFixed(1) })
    : gps.status === 'waiting' ? t('gps.waiting')
    : gps.status === 'unsupported' ? t('gps.unsupported')
    : gps.status === 'denied' ? t('gps.denied', { message: gps.message })
    : gps.status === 'unavailable' ? t('gps.unavailable', { message: gps.message })
    : null;
  return (
    <section className="gps-tools" aria-label={t('gps.title')}>
      <h3>{t('gps.title')}</h3>
      <label className="inline">
        <input type="checkbox" checked={props.on} onChange={(e) => props.onToggle(e.target.checked)} />
        {t('gps.enable')}
      </label>
      {status && <p role="status" className="status">{status}</p>}
      {props.on && (
        <>
          <label className="inline">
            {t('gps.accuracyLimit')}
            <input
              type="number" min={1} max={100} step={1} value={props.accuracyLimit}
              onChange={(e) => { const v = Number(e.target.value); if (v >= 1 && v <= 100) props.onAccuracyLimit(v); }}
            />
          </label>
          <div className="button-row">
            <button type="button" onClick={props.onCenter} disabled={gps.status !== 'fix'}>{t('gps.center')}</button>
            <button type="button" onClick={props.onAddVertex} disabled={gps.status !== 'fix'}>{t('gps.addVertex')}</button>
          </div>
          <label className="inline">
            <input type="checkbox" checked={props.walking} onChange={(e) => props.onWalking(e.target.checked)} />
            {t('gps.walk')}
          </label>
          <p className="note">{t('gps.vertices', { count: props.vertices })}</p>
          <div className="button-row">
            <button type="button" onClick={props.onFinish} disabled={props.vertices < 3}>{t('gps.finish')}</button>
            <button type="button" onClick={props.onClear} disabled={props.vertices === 0}>{t('gps.clear')}</button>
          </div>
        </>
      )}
      {props.message && <p role="alert" className="error">{props.message}</p>}
    </section>
  );
}

// The attribute panel of the selected feature: its attributes, its mine, and its ellipsoidal
// area. Every value is rendered as React text, so attribute text can never become HTML.
import type { ReactNode } from 'react';
import type { Feature, Polygon, MultiPolygon } from 'geojson';
import { ellipsoidalArea } from '../domain/ellipsoidal-area.ts';
import type { Programme } from '../domain/model.ts';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import type { ParcelResult } from '../domain/analysis-types.ts';
import { AreaFigures } from './AreaFigures.tsx';
import { ParcelOverlapFigures } from './ParcelOverlapFigures.tsx';
import { useI18n } from './i18n/language-context.tsx';
import { featureRows, mineRows, type InspectorKind, type Row } from './inspector-rows.ts';

export interface InspectorProps {
  kind: InspectorKind;
  feature: Feature;
  programme: Programme;
  distances: BufferDistances;
  /** The analysis engine's figures for a parcel; undefined while computing or if it failed. */
  parcelResult?: ParcelResult | undefined;
  analysisPending?: boolean;
  onClose: () => void;
  /** Replaces the attribute rows when the feature can be edited here. */
  editor?: ReactNode | undefined;
}

function Rows(props: { rows: Row[] }) {
  return (
    <dl className="rows">
      {props.rows.map((row, i) => (
        <div key={i}><dt>{row.label}</dt><dd>{row.value}</dd></div>
      ))}
    </dl>
  );
}

function areaOf(feature: Feature): number | null {
  const g = feature.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  return ellipsoidalArea(g as Polygon | MultiPolygon);
}

export function Inspector(props: InspectorProps) {
  const { t, language } = useI18n();
  const { kind, feature, programme } = props;
  const area = areaOf(feature);
  const mineId = (feature.properties as { mine_id?: string } | null)?.mine_id;
  const mine = kind === 'parcel' || kind === 'treated' ? programme.mines.find((m) => m.id === mineId) : undefined;
  return (
    <aside className="inspector" aria-label={t('inspector.title')}>
      <header>
        <h2>{t(`inspector.kind.${kind}`)}</h2>
        <button type="button" className="icon" aria-label={t('inspector.close')} onClick={props.onClose}>×</button>
      </header>
      {area !== null
        ? <AreaFigures m2={area} label={t('inspector.area')} note={t('inspector.areaNote')} />
        : <p className="note">{t('inspector.noArea')}</p>}
      {kind === 'parcel' && <ParcelOverlapFigures result={props.parcelResult} pending={props.analysisPending ?? false} programme={programme} />}
      {props.editor ?? (
        <section aria-label={t('inspector.attributes')}>
          <h3>{t('inspector.attributes')}</h3>
          <Rows rows={featureRows(t, kind, feature, programme, props.distances)} />
        </section>
      )}
      {mine && (
        <section aria-label={t('inspector.mine')}>
          <h3>{t('inspector.mine')}</h3>
          <Rows rows={mineRows(t, language, mine, programme)} />
        </section>
      )}
    </aside>
  );
}

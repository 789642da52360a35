// What each colour means, for the current parcel colouring and the fixed zone/buffer styles, as
// the map shows it now: today, as of a date, or over a period.
import { DAMAGE_TYPES, PARCEL_STATUSES, ZONE_TYPES } from '../domain/model.ts';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import { CONFLICT_COLOUR, CONTEXT_COLOUR, DAMAGE_COLOURS, SELECTION_LINE, STATUS_COLOURS, TREATED_COLOUR, ZONE_COLOURS } from '../map/palette.ts';
import type { ParcelStyleMode } from '../map/programme-style.ts';
import { useI18n } from './i18n/language-context.tsx';

export type SwatchKind = 'fill' | 'faded' | 'dashed' | 'hatch' | 'halo' | 'point';

export function Swatch(props: { colour: string; kind?: SwatchKind }) {
  return <span aria-hidden="true" className={`swatch ${props.kind ?? 'fill'}`} style={{ ['--c' as string]: props.colour }} />;
}

export interface LegendProps {
  parcelStyle: ParcelStyleMode;
  distances: BufferDistances;
  /** The reviewer's date the map shows, and the first day of the period ending on it. */
  asOf: string | null;
  periodFrom: string | null;
}

export function Legend(props: LegendProps) {
  const { t } = useI18n();
  const parcelItems = props.parcelStyle === 'status'
    ? PARCEL_STATUSES.map((s) => ({ key: s, colour: STATUS_COLOURS[s], label: t(`status.${s}`) }))
    : DAMAGE_TYPES.map((d) => ({ key: d, colour: DAMAGE_COLOURS[d], label: t(`damage.${d}`) }));
  const period = props.asOf && props.periodFrom && props.periodFrom <= props.asOf;
  return (
    <section className="legend" aria-label={t('legend.title')}>
      <h2>{t('legend.title')}</h2>
      {props.asOf && <p className="note">{period ? t('legend.period', { from: props.periodFrom!, to: props.asOf }) : t('legend.asOf', { date: props.asOf })}</p>}
      <h3>{t('layers.parcels')} · {t(`layers.styleBy.${props.parcelStyle}`)}</h3>
      <ul>{parcelItems.map((i) => <li key={i.key}><Swatch colour={i.colour} />{i.label}</li>)}</ul>
      <h3>{t('legend.treated')}</h3>
      <ul>
        <li><Swatch colour={TREATED_COLOUR} />{t('layers.treated')}</li>
        {period && <li><Swatch colour={TREATED_COLOUR} kind="faded" />{t('legend.faded')}</li>}
        <li><Swatch colour={SELECTION_LINE} kind="halo" />{t('legend.selection')}</li>
        <li><Swatch colour={CONFLICT_COLOUR} kind="hatch" />{t('legend.overlap')}</li>
      </ul>
      <h3>{t('legend.zones')}</h3>
      <ul>{ZONE_TYPES.map((z) => <li key={z}><Swatch colour={ZONE_COLOURS[z]} />{t(`zone.${z}`)}</li>)}</ul>
      <h3>{t('legend.buffers')}</h3>
      <ul>
        {ZONE_TYPES.map((z) => (
          <li key={z}><Swatch colour={ZONE_COLOURS[z]} kind="dashed" />{t('legend.bufferOf', { type: t(`zone.${z}`), distance: props.distances[z] })}</li>
        ))}
      </ul>
      <h3>{t('legend.context')}</h3>
      <ul>
        <li><Swatch colour={CONTEXT_COLOUR} kind="dashed" />{t('legend.township')}</li>
        <li><Swatch colour={CONTEXT_COLOUR} kind="point" />{t('legend.village')}</li>
      </ul>
    </section>
  );
}

/** The parcels by status and the treated polygons: the key of the swipe's two maps. */
export function StatusLegend() {
  const { t } = useI18n();
  return (
    <ul className="legend inline-legend" aria-label={t('legend.mapLegend')}>
      {PARCEL_STATUSES.map((s) => <li key={s}><Swatch colour={STATUS_COLOURS[s]} />{t(`status.${s}`)}</li>)}
      <li><Swatch colour={TREATED_COLOUR} />{t('layers.treated')}</li>
    </ul>
  );
}

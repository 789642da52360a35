// What each colour means, for the current parcel colouring and the fixed zone/buffer styles.
import { DAMAGE_TYPES, PARCEL_STATUSES, ZONE_TYPES } from '../domain/model.ts';
import type { BufferDistances } from '../domain/buffer-presets.ts';
import { DAMAGE_COLOURS, STATUS_COLOURS, TREATED_COLOUR, ZONE_COLOURS } from '../map/palette.ts';
import type { ParcelStyleMode } from '../map/programme-style.ts';
import { useI18n } from './i18n/language-context.tsx';

function Swatch(props: { colour: string; kind?: 'fill' | 'dashed' }) {
  return <span aria-hidden="true" className={`swatch ${props.kind ?? 'fill'}`} style={{ ['--c' as string]: props.colour }} />;
}

export function Legend(props: { parcelStyle: ParcelStyleMode; distances: BufferDistances }) {
  const { t } = useI18n();
  const parcelItems = props.parcelStyle === 'status'
    ? PARCEL_STATUSES.map((s) => ({ key: s, colour: STATUS_COLOURS[s], label: t(`status.${s}`) }))
    : DAMAGE_TYPES.map((d) => ({ key: d, colour: DAMAGE_COLOURS[d], label: t(`damage.${d}`) }));
  return (
    <section className="legend" aria-label={t('legend.title')}>
      <h2>{t('legend.title')}</h2>
      <h3>{t('layers.parcels')} · {t(`layers.styleBy.${props.parcelStyle}`)}</h3>
      <ul>{parcelItems.map((i) => <li key={i.key}><Swatch colour={i.colour} />{i.label}</li>)}</ul>
      <h3>{t('legend.treated')}</h3>
      <ul><li><Swatch colour={TREATED_COLOUR} />{t('layers.treated')}</li></ul>
      <h3>{t('legend.zones')}</h3>
      <ul>{ZONE_TYPES.map((z) => <li key={z}><Swatch colour={ZONE_COLOURS[z]} />{t(`zone.${z}`)}</li>)}</ul>
      <h3>{t('legend.buffers')}</h3>
      <ul>
        {ZONE_TYPES.map((z) => (
          <li key={z}><Swatch colour={ZONE_COLOURS[z]} kind="dashed" />{t('legend.bufferOf', { type: t(`zone.${z}`), distance: props.distances[z] })}</li>
        ))}
      </ul>
    </section>
  );
}

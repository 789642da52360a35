// The key under a mine's sketch: the statuses its parcels are in and the treated polygons, drawn
// in the SVG itself so that it prints and exports with the sketch (browsers leave CSS backgrounds
// out of print).
import type { ParcelStatus } from '../domain/model.ts';
import { PARCEL_STATUSES } from '../domain/model.ts';
import { STATUS_COLOURS, TREATED_COLOUR, TREATED_OUTLINE } from '../map/palette.ts';
import { useI18n } from './i18n/language-context.tsx';

export const SKETCH_LEGEND_HEIGHT = 30;

export function MineSketchLegend(props: { statuses: ReadonlySet<ParcelStatus>; top: number; treated: boolean }) {
  const { t } = useI18n();
  const items = [
    ...PARCEL_STATUSES.filter((s) => props.statuses.has(s)).map((s) => ({ key: s, label: t(`status.${s}`), fill: STATUS_COLOURS[s], opacity: 0.45, stroke: '#3e2723' })),
    ...(props.treated ? [{ key: 'treated', label: t('legend.treated'), fill: TREATED_COLOUR, opacity: 0.5, stroke: TREATED_OUTLINE }] : []),
  ];
  let x = 16;
  return (
    <g className="mine-sketch-legend" transform={`translate(0 ${props.top})`} aria-label={t('legend.mapLegend')}>
      <rect width="100%" height={SKETCH_LEGEND_HEIGHT} fill="#ffffff" />
      {items.map((item) => {
        const at = x;
        // Chinese labels run about 12 px a character, English about 6.5.
        x += 28 + [...item.label].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12 : 6.5), 0);
        return (
          <g key={item.key} transform={`translate(${at} 8)`}>
            <rect width={14} height={14} fill={item.fill} fillOpacity={item.opacity} stroke={item.stroke} strokeWidth={1} />
            <text x={19} y={12} fontSize={12}>{item.label}</text>
          </g>
        );
      })}
    </g>
  );
}

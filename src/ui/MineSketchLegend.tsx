// The key under a mine's sketch: the statuses its parcels are in and the treated polygons, drawn
// in the SVG itself so that it prints and exports with the sketch (browsers leave CSS backgrounds
// out of print).
import type { ParcelStatus } from '../domain/model.ts';
import { PARCEL_STATUSES } from '../domain/model.ts';
import { STATUS_COLOURS, TREATED_COLOUR, TREATED_OUTLINE } from '../map/palette.ts';
import { useI18n } from './i18n/language-context.tsx';

const ROW = 22;
const ROWS = 2;
export const SKETCH_LEGEND_HEIGHT = ROW * ROWS + 8;

export function MineSketchLegend(props: { statuses: ReadonlySet<ParcelStatus>; top: number; treated: boolean; width: number }) {
  const { t } = useI18n();
  const items = [
    ...PARCEL_STATUSES.filter((s) => props.statuses.has(s)).map((s) => ({ key: s, label: t('mineFile.legendParcel', { status: t(`status.${s}`) }), fill: STATUS_COLOURS[s], opacity: 0.45, stroke: '#3e2723' })),
    ...(props.treated ? [{ key: 'treated', label: t('mineFile.legendTreated'), fill: TREATED_COLOUR, opacity: 0.5, stroke: TREATED_OUTLINE }] : []),
  ];
  let x = 16;
  let row = 0;
  return (
    <g className="sketch-legend mine-sketch-legend" transform={`translate(0 ${props.top})`} aria-label={t('legend.mapLegend')}>
      <rect width="100%" height={SKETCH_LEGEND_HEIGHT} fill="#ffffff" />
      {items.map((item) => {
        // Chinese labels run about 12 px a character, English about 6.5.
        const width = 28 + [...item.label].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12 : 6.5), 0);
        if (x + width > props.width && x > 16 && row < ROWS - 1) {
          x = 16;
          row += 1;
        }
        const at = x;
        x += width;
        return (
          <g key={item.key} transform={`translate(${at} ${6 + row * ROW})`}>
            <rect width={14} height={14} fill={item.fill} fillOpacity={item.opacity} stroke={item.stroke} strokeWidth={1} />
            <text x={19} y={12} fontSize={12}>{item.label}</text>
          </g>
        );
      })}
    </g>
  );
}

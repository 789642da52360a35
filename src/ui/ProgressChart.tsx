// Grouped bars in SVG (target, treated, accepted per year or township): where people would
// rather look than read. The table next to it carries the same numbers for screen readers and
// spreadsheets, so the chart is one labelled image.
export interface ChartSeries {
  label: string;
  colour: string;
}

export interface ChartGroup {
  label: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 56;
const BOTTOM = 28;
const TOP = 12;

/** A round axis maximum (1, 2 or 5 × 10ⁿ) at or above the largest value. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((k) => k * power).find((m) => m >= value)!;
}

export function ProgressChart(props: { title: string; unit: string; series: ChartSeries[]; groups: ChartGroup[]; format: (value: number) => string }) {
  const max = niceMax(Math.max(0, ...props.groups.flatMap((g) => g.values)));
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, props.groups.length);
  const bar = Math.min(22, (slot * 0.8) / props.series.length);
  const y = (v: number): number => TOP + plotHeight - (v / max) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((k) => k * max);
  return (
    <figure className="progress-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title}>
        <title>{props.title}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={WIDTH - 8} y1={y(v)} y2={y(v)} className="grid" />
            <text x={LEFT - 4} y={y(v) + 4} textAnchor="end" className="tick">{props.format(v)}</text>
          </g>
        ))}
        <text x={4} y={TOP + 4} className="tick">{props.unit}</text>
        {props.groups.map((g, i) => {
          const x0 = LEFT + i * slot + (slot - bar * props.series.length) / 2;
          return (
            <g key={g.label}>
              {g.values.map((v, k) => (
                <rect key={k} x={x0 + k * bar} y={y(v)} width={bar - 2} height={Math.max(0, TOP + plotHeight - y(v))} fill={props.series[k]?.colour}>
                  <title>{`${g.label} ${props.series[k]?.label ?? ''}: ${props.format(v)} ${props.unit}`}</title>
                </rect>
              ))}
              <text x={LEFT + i * slot + slot / 2} y={HEIGHT - 10} textAnchor="middle" className="tick">{g.label}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {props.series.map((s) => <span key={s.label}><span className="swatch" style={{ ['--c' as string]: s.colour }} aria-hidden="true" />{s.label}</span>)}
      </figcaption>
    </figure>
  );
}

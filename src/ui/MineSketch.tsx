// The mine's map for its file: parcels coloured by status and labelled with their ids, treated
// polygons over them, a legend of what the colours mean (below the map, covering nothing), a scale bar and north arrow. SVG, so it
// prints crisply on A4 and exports inside the one-file document.
import type { Feature, Geometry } from 'geojson';
import type { ParcelStatus } from '../domain/model.ts';
import { sketchPaths } from '../domain/sketch-paths.ts';
import { STATUS_COLOURS, TREATED_COLOUR, TREATED_OUTLINE } from '../map/palette.ts';
import { MineSketchLegend, SKETCH_LEGEND_HEIGHT } from './MineSketchLegend.tsx';

const BOX = { width: 640, height: 400, padding: 24 };

/** 1, 2 or 5 × 10ⁿ metres, near a quarter of the width. */
function scaleBar(metresPerUnit: number): { metres: number; units: number } {
  const target = (metresPerUnit * BOX.width) / 4;
  const power = 10 ** Math.floor(Math.log10(target));
  const metres = [1, 2, 5, 10].map((k) => k * power).filter((m) => m <= target).pop() ?? power;
  return { metres, units: metres / metresPerUnit };
}

export function MineSketch(props: { label: string; parcels: { geometry: Geometry; status: ParcelStatus; id: string }[]; treated: Feature<Geometry>[] }) {
  const sketch = sketchPaths([...props.parcels.map((p) => p.geometry), ...props.treated.map((f) => f.geometry)], BOX);
  const parcelPaths = sketch.paths.slice(0, props.parcels.length);
  const treatedPaths = sketch.paths.slice(props.parcels.length);
  const bar = sketch.metresPerUnit > 0 ? scaleBar(sketch.metresPerUnit) : null;
  return (
    <svg className="mine-sketch" viewBox={`0 0 ${BOX.width} ${BOX.height + SKETCH_LEGEND_HEIGHT}`} role="img" aria-label={props.label}>
      <title>{props.label}</title>
      <rect width={BOX.width} height={BOX.height} fill="#f4f6f1" />
      {parcelPaths.map((d, i) => (
        <path key={props.parcels[i]!.id} d={d} fill={STATUS_COLOURS[props.parcels[i]!.status]} fillOpacity={0.45} stroke="#3e2723" strokeWidth={1} fillRule="evenodd" />
      ))}
      {treatedPaths.map((d, i) => <path key={i} d={d} fill={TREATED_COLOUR} fillOpacity={0.5} stroke={TREATED_OUTLINE} strokeWidth={1.2} fillRule="evenodd" />)}
      {props.parcels.map((p, i) => {
        const at = sketch.labelPoints[i];
        return at && (
          <text key={p.id} className="sketch-label" x={at[0]} y={at[1]} textAnchor="middle" dominantBaseline="middle" fontSize={10}
            stroke="#fff" strokeWidth={3} strokeLinejoin="round" paintOrder="stroke" fill="#1b1b1b">{p.id}</text>
        );
      })}
      {bar && (
        <g transform={`translate(16 ${BOX.height - 16})`}>
          <rect width={bar.units} height={5} y={-5} fill="#263238" />
          <text x={bar.units + 6} y={0} fontSize={12}>{bar.metres >= 1000 ? `${bar.metres / 1000} km` : `${bar.metres} m`}</text>
        </g>
      )}
      <g transform={`translate(${BOX.width - 24} 30)`}>
        <path d="M0,-16 L6,4 L0,0 L-6,4 Z" fill="#263238" />
        <text y={18} textAnchor="middle" fontSize={12}>N</text>
      </g>
      <MineSketchLegend statuses={new Set(props.parcels.map((p) => p.status))} treated={props.treated.length > 0} top={BOX.height} width={BOX.width} />
    </svg>
  );
}

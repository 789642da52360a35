// The drawing tool's state for React: what is being drawn or reshaped, its live area, the
// buffers it enters and why the last change was refused. New and reshaped shapes go straight
// to the field store.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LineString, Polygon } from 'geojson';
import type { BufferCollection } from '../domain/buffer-features.ts';
import { buffersEntered } from '../domain/buffers-entered.ts';
import type { DrawnShapeProblem } from '../domain/drawn-shape.ts';
import { ellipsoidalArea } from '../domain/ellipsoidal-area.ts';
import type { AreaGeometry, Programme, ZoneType } from '../domain/model.ts';
import { SnapTargets } from '../domain/snap-targets.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';
import type { DrawingState, TreatedDrawing } from '../map/treated-drawing.ts';
import type { Translate } from '../ui/i18n/translate.ts';

export interface DrawingHandlers {
  onDrawn: (shape: Polygon) => void;
  onReshaped: (id: string, shape: AreaGeometry) => void;
  /** A hole was drawn for the treated polygon `id`. */
  onHole: (id: string, shape: Polygon) => void;
  /** A split line was drawn across the treated polygon `id`. */
  onSplitLine: (id: string, line: LineString) => void;
}

/** What a drawing in progress is for: a new polygon, or a hole in / a split line across a stored one. */
export type DrawingPurpose = { kind: 'new' } | { kind: 'hole'; id: string } | { kind: 'split'; id: string };

function polygonsOf(shape: AreaGeometry): Polygon[] {
  return shape.type === 'Polygon' ? [shape] : shape.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
}

export function refusalText(t: Translate, problem: DrawnShapeProblem): string {
  switch (problem.code) {
    case 'self_intersection': return t('survey.refused.self_intersection', { lon: problem.at[0]!.toFixed(6), lat: problem.at[1]!.toFixed(6) });
    case 'too_few_vertices': return t('survey.refused.too_few_vertices', { vertices: problem.vertices });
    case 'too_small': return t('survey.refused.too_small', { area: problem.areaM2.toFixed(2) });
    case 'too_many_vertices': return t('survey.refused.too_many_vertices', { vertices: problem.vertices });
    case 'hole_outside': return t('survey.refused.hole_outside', { hole: problem.hole });
  }
}

export function useTreatedDrawing(map: ProgrammeMap | null, programme: Programme | null, buffers: BufferCollection | null, t: Translate, handlers: DrawingHandlers) {
  const drawing = useRef<TreatedDrawing | null>(null);
  const [state, setState] = useState<DrawingState>('idle');
  const [editedId, setEditedId] = useState<string | null>(null);
  const [shape, setShape] = useState<AreaGeometry | null>(null);
  const [purpose, setPurpose] = useState<DrawingPurpose>({ kind: 'new' });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [snapping, setSnapping] = useState(true);
  // Crosshair drawing by default where fingers draw: a fingertip hides the spot it taps.
  const [crosshair, setCrosshair] = useState(() => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches);
  const live = useRef({ handlers, editedId, t, purpose });
  live.current = { handlers, editedId, t, purpose };

  // Built at the first snap after the programme changed, not on every edit: at 50,000 parcels
  // indexing every ring takes about 0.1 s, and most edits happen when nobody is drawing.
  const programmeNow = useRef(programme);
  programmeNow.current = programme;
  const targetsNow = useRef<{ programme: Programme | null; targets: SnapTargets | null }>({ programme: null, targets: null });
  const snapTargets = (): SnapTargets | null => {
    const current = programmeNow.current;
    if (targetsNow.current.programme !== current) {
      targetsNow.current = { programme: current, targets: current ? new SnapTargets([...current.parcels.features, ...current.treated.features]) : null };
    }
    return targetsNow.current.targets;
  };
  const snapTargetsNow = useRef(snapTargets);

  useEffect(() => {
    if (!map) return;
    const instance = map.createDrawing(() => snapTargetsNow.current(), {
      onShape: setShape,
      onRefused: (problem) => setRefusal(refusalText(live.current.t, problem)),
      onDrawn: (drawn) => {
        setState('idle');
        setPurpose({ kind: 'new' });
        // The click that closed the shape is still being dispatched: had it selected (here,
        // deselected) too, the inspector would close and reopen, resizing the map twice.
        setTimeout(() => { map.selecting = true; }, 0);
        const aim = live.current.purpose;
        if (aim.kind === 'hole') live.current.handlers.onHole(aim.id, drawn);
        else live.current.handlers.onDrawn(drawn);
      },
      onLine: (line) => {
        setState('idle');
        setPurpose({ kind: 'new' });
        setTimeout(() => { map.selecting = true; }, 0);
        const aim = live.current.purpose;
        if (aim.kind === 'split') live.current.handlers.onSplitLine(aim.id, line);
      },
      onReshaped: (reshaped) => {
        setRefusal(null);
        const id = live.current.editedId;
        if (id) live.current.handlers.onReshaped(id, reshaped);
      },
    });
    drawing.current = instance;
    return () => {
      instance.destroy();
      drawing.current = null;
    };
  }, [map]);

  useEffect(() => {
    if (drawing.current) drawing.current.snapping = snapping;
  }, [snapping]);
  useEffect(() => {
    if (drawing.current) drawing.current.crosshair = crosshair;
  }, [crosshair, map]);

  // Once per shape, not per render: the app re-renders on every save, GPS fix and analysis
  // result, and testing a shape against the unioned buffers takes up to 0.1 s.
  const entered = useMemo(() => {
    if (!shape) return [];
    const types = new Set(polygonsOf(shape).flatMap((p) => buffersEntered(p, buffers)));
    return [...types] as ZoneType[];
  }, [shape, buffers]);

  const stop = () => {
    drawing.current?.clear();
    if (map) {
      map.selecting = true;
      map.hideTreated(null);
    }
    setState('idle');
    setPurpose({ kind: 'new' });
    setEditedId(null);
  };

  /** A polygon or a line drawn for a stored polygon, which stays on the map meanwhile. */
  const drawFor = (aim: Exclude<DrawingPurpose, { kind: 'new' }>) => {
    if (!drawing.current || !map) return;
    setRefusal(null);
    setEditedId(null);
    map.hideTreated(null);
    map.selecting = false;
    if (aim.kind === 'hole') drawing.current.startDrawing();
    else drawing.current.startLine();
    setPurpose(aim);
    setState('drawing');
  };

  return {
    state,
    editedId,
    snapping,
    setSnapping,
    crosshair,
    setCrosshair,
    /** Vertex by button (crosshair at the map centre, or a GPS position), undo, finish: for fingers and keyboards. */
    addVertex: () => drawing.current?.addVertexAtCentre(),
    addVertexAt: (lngLat: [number, number]) => drawing.current?.addVertexAt(lngLat),
    undoVertex: () => drawing.current?.undoVertex(),
    finish: () => drawing.current?.finish(),
    refusal,
    liveAreaM2: shape && (shape.type === 'MultiPolygon' || (shape.coordinates[0] && shape.coordinates[0].length >= 4)) ? ellipsoidalArea(shape) : null,
    entered,
    purpose,
    /** Why the last split or hole was refused, shown where the drawing's refusals are. */
    setRefusal,
    startDrawing: () => {
      if (!drawing.current || !map) return;
      setRefusal(null);
      setPurpose({ kind: 'new' });
      setEditedId(null);
      map.hideTreated(null);
      map.selecting = false;
      drawing.current.startDrawing();
      setState('drawing');
    },
    startHole: (id: string) => drawFor({ kind: 'hole', id }),
    startSplit: (id: string) => drawFor({ kind: 'split', id }),
    selectRing: (part: number, ring: number) => drawing.current?.selectRing(part, ring),
    editShape: (id: string, geometry: AreaGeometry) => {
      if (!drawing.current || !map) return;
      setRefusal(null);
      if (!drawing.current.editShape(geometry)) return setRefusal(live.current.t('survey.cannotEditShape'));
      map.selecting = false;
      map.hideTreated(id);
      setEditedId(id);
      setState('editing');
    },
    stop,
  };
}

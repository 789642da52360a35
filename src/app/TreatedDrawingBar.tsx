// The drawing bar while a treated polygon is drawn (or its live area or a refusal is to be read),
// with a vertex from the GPS fix when there is one.
import type { GpsFix } from '../domain/gps-trace.ts';
import { DrawingBar } from '../ui/DrawingBar.tsx';
import type { useTreatedDrawing } from './use-treated-drawing.ts';

export function TreatedDrawingBar({ drawing, fix }: { drawing: ReturnType<typeof useTreatedDrawing>; fix: GpsFix | null }) {
  const drawingNow = drawing.state === 'drawing';
  if (!drawingNow && drawing.liveAreaM2 === null && !drawing.refusal) return null;
  return (
    <DrawingBar
      drawing={drawingNow}
      crosshair={drawing.crosshair}
      polygon={drawing.purpose.kind !== 'split'}
      onAddVertex={drawing.addVertex}
      onUndoVertex={drawing.undoVertex}
      onFinish={drawing.finish}
      onCancel={drawing.stop}
      onGpsVertex={fix ? () => drawing.addVertexAt([fix.lon, fix.lat]) : null}
      liveAreaM2={drawing.liveAreaM2}
      entered={drawing.entered}
      refusal={drawing.refusal}
    />
  );
}

// The phone layout: the map fills the screen above the bottom sheet's peek; the sheet holds the
// role tabs, or the inspector while a feature is selected, and while a shape is drawn its peek
// holds the drawing's buttons, live area and buffer warning.
import { useEffect, useState, type ReactNode } from 'react';
import { BottomSheet, type SheetSnap } from './BottomSheet.tsx';
import type { LayoutSlots } from './layout-slots.ts';

export interface PhoneShellProps extends LayoutSlots {
  /** The drawing in progress (buttons, live area, buffer warning); null when nothing is drawn. */
  drawingBar: ReactNode;
  /** Changes when another feature is selected, so the sheet rises to show it. */
  inspectorKey: string | null;
}

export function PhoneShell(props: PhoneShellProps) {
  const [snap, setSnap] = useState<SheetSnap>('peek');
  const drawing = props.drawingBar !== null;
  // A drawing needs the map (and its crosshair) in view; a new selection needs the sheet.
  useEffect(() => {
    if (drawing) setSnap('peek');
  }, [drawing]);
  useEffect(() => {
    if (props.inspectorKey && !drawing) setSnap((s) => (s === 'peek' ? 'half' : s));
  }, [props.inspectorKey, drawing]);

  return (
    <div className="app phone">
      {props.banners}
      {props.header}
      <main className="app-main">
        {props.overlay}
        {props.map}
        <BottomSheet snap={snap} onSnap={setSnap} peek={props.drawingBar}>
          {props.inspector}
          <div hidden={props.inspector !== null}>{props.roles}</div>
          {props.status}
        </BottomSheet>
      </main>
      {props.dialogs}
    </div>
  );
}

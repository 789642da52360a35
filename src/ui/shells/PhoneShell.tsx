// The phone layout: the map fills the screen above the bottom sheet's peek; the sheet holds the
// role tabs, or the inspector while a feature is selected, and while a shape is drawn its peek
// holds the drawing's buttons, live area and buffer warning.
import './layouts.css';
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/language-context.tsx';
import { BottomSheet, type SheetSnap } from './BottomSheet.tsx';
import type { LayoutSlots } from './layout-slots.ts';

export interface PhoneShellProps extends LayoutSlots {
  /** The drawing in progress (buttons, live area, buffer warning); null when nothing is drawn. */
  drawingBar: ReactNode;
  /** Changes when another feature is selected, so the sheet rises to show it. */
  inspectorKey: string | null;
}

export function PhoneShell(props: PhoneShellProps) {
  const { t } = useI18n();
  const [snap, setSnap] = useState<SheetSnap>('peek');
  // The sheet shows the inspector or the role panels; the selection stays while the panels are
  // shown (the survey tab's parcel actions work on it).
  const [inspectorShown, setInspectorShown] = useState(true);
  const drawing = props.drawingBar !== null;
  // A drawing needs the map (and its crosshair) in view; a new selection needs the sheet.
  useEffect(() => {
    if (drawing) setSnap('peek');
  }, [drawing]);
  useEffect(() => {
    setInspectorShown(true);
    if (props.inspectorKey && !drawing) setSnap((s) => (s === 'peek' ? 'half' : s));
  }, [props.inspectorKey, drawing]);
  const inspector = inspectorShown ? props.inspector : null;

  return (
    <div className="app phone">
      {props.banners}
      {props.header}
      <main className="app-main">
        {props.overlay}
        {props.map}
        <BottomSheet snap={snap} onSnap={setSnap} peek={props.drawingBar}>
          {inspector !== null && (
            <>
              <button type="button" className="sheet-switch" onClick={() => setInspectorShown(false)}>{t('layout.showPanels')}</button>
              {inspector}
            </>
          )}
          <div hidden={inspector !== null}>
            {props.inspector !== null && <button type="button" className="sheet-switch" onClick={() => setInspectorShown(true)}>{t('layout.showInspector')}</button>}
            {props.roles}
          </div>
          {props.status}
        </BottomSheet>
      </main>
      {props.dialogs}
    </div>
  );
}

// The desktop layout: side panel, map, inspector side by side.
import './layouts.css';
import { useRef } from 'react';
import type { LayoutSlots } from './layout-slots.ts';
import { useMainTop } from './main-top.ts';

export function DesktopShell(props: LayoutSlots) {
  const app = useRef<HTMLDivElement>(null);
  useMainTop(app);
  return (
    <div className="app desktop" ref={app}>
      {props.banners}
      {props.header}
      <main className="app-main">
        <div className="side">{props.roles}</div>
        {props.overlay}
        {props.map}
        {props.inspector}
      </main>
      {props.status}
      {props.dialogs}
    </div>
  );
}

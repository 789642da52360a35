// The desktop layout: side panel, map, inspector side by side.
import './layouts.css';
import type { LayoutSlots } from './layout-slots.ts';

export function DesktopShell(props: LayoutSlots) {
  return (
    <div className="app desktop">
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

// The tablet layout: side panel, map and inspector, each panel collapsible to a strip (and
// remembered), and the map never narrower than half the screen (the style sheet's grid).
import './layouts.css';
import { useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/language-context.tsx';
import type { LayoutSlots } from './layout-slots.ts';
import { useMainTop } from './main-top.ts';
import { usePanelCollapse } from './panel-collapse.ts';

function CollapseButton(props: { collapsed: boolean; onToggle: () => void; label: string; arrow: string; controls: string }) {
  return (
    <button type="button" className="collapse-toggle" aria-expanded={!props.collapsed} aria-controls={props.controls} aria-label={props.label} onClick={props.onToggle}>
      <span aria-hidden="true">{props.arrow}</span>
    </button>
  );
}

export function TabletShell(props: LayoutSlots) {
  const { t } = useI18n();
  const app = useRef<HTMLDivElement>(null);
  useMainTop(app);
  const [sideCollapsed, setSideCollapsed] = usePanelCollapse('side');
  const [inspectorCollapsed, setInspectorCollapsed] = usePanelCollapse('inspector');
  const inspector: ReactNode = props.inspector && (
    <div className={inspectorCollapsed ? 'tablet-inspector collapsed' : 'tablet-inspector'}>
      <CollapseButton
        collapsed={inspectorCollapsed}
        onToggle={() => setInspectorCollapsed(!inspectorCollapsed)}
        label={t(inspectorCollapsed ? 'layout.expandInspector' : 'layout.collapseInspector')}
        arrow={inspectorCollapsed ? '‹' : '›'}
        controls="tablet-inspector"
      />
      <div id="tablet-inspector" hidden={inspectorCollapsed}>{props.inspector}</div>
    </div>
  );
  return (
    <div className="app tablet" ref={app}>
      {props.banners}
      {props.header}
      <main className="app-main">
        <div className={sideCollapsed ? 'side collapsed' : 'side'}>
          <CollapseButton
            collapsed={sideCollapsed}
            onToggle={() => setSideCollapsed(!sideCollapsed)}
            label={t(sideCollapsed ? 'layout.expandSide' : 'layout.collapseSide')}
            arrow={sideCollapsed ? '›' : '‹'}
            controls="tablet-side"
          />
          <div id="tablet-side" hidden={sideCollapsed}>{props.roles}</div>
        </div>
        {props.overlay}
        {props.map}
        {inspector ?? <div className="tablet-inspector empty" />}
      </main>
      {props.status}
      {props.dialogs}
    </div>
  );
}

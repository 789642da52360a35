// The side panel's tabs (layers, conflicts, …): WAI-ARIA tabs, arrow keys move between them.
import { Activity, useId, useRef, type ReactNode } from 'react';

export interface SideTab<K extends string> {
  key: K;
  label: string;
  content: ReactNode;
}

export function SideTabs<K extends string>(props: { label: string; tabs: SideTab<K>[]; active: K; onActivate: (key: K) => void }) {
  const base = useId();
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const move = (from: number, step: number) => {
    const next = props.tabs[(from + step + props.tabs.length) % props.tabs.length]!;
    props.onActivate(next.key);
    buttons.current.get(next.key)?.focus();
  };
  return (
    <div className="side-tabs">
      <div role="tablist" aria-label={props.label}>
        {props.tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(el) => { if (el) buttons.current.set(tab.key, el); }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.key}`}
            aria-selected={tab.key === props.active}
            aria-controls={`${base}-panel-${tab.key}`}
            tabIndex={tab.key === props.active ? 0 : -1}
            onClick={() => props.onActivate(tab.key)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(i, 1);
              else if (e.key === 'ArrowLeft') move(i, -1);
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {props.tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${base}-panel-${tab.key}`}
          aria-labelledby={`${base}-tab-${tab.key}`}
          hidden={tab.key !== props.active}
          className="side-panel"
        >
          {/* A hidden tab keeps its state, but renders only when the browser is idle: at province
              scale every panel re-rendering on each edit would hold up the map. */}
          <Activity mode={tab.key === props.active ? 'visible' : 'hidden'}>{tab.content}</Activity>
        </div>
      ))}
    </div>
  );
}

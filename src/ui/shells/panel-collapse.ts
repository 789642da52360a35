// Whether a tablet's side panel or inspector is collapsed, remembered on this device.
import { useState } from 'react';

const KEY = 'fulv.layout.collapsed';

function read(): Record<string, boolean> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return value && typeof value === 'object' ? value as Record<string, boolean> : {};
  } catch {
    return {};
  }
}

export function usePanelCollapse(panel: 'side' | 'inspector'): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setCollapsed] = useState(() => read()[panel] === true);
  return [collapsed, (value: boolean) => {
    setCollapsed(value);
    try {
      localStorage.setItem(KEY, JSON.stringify({ ...read(), [panel]: value }));
    } catch {
      // Private browsing may refuse storage: the panel still collapses, for this visit.
    }
  }];
}

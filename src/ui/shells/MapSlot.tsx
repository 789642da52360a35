// Where a layout puts the map. The map itself lives in one element (the host) that moves from
// layout to layout, so a rotation or a browser zoom that changes the layout never rebuilds the
// map, and a drawing in progress, the view and the loaded tiles all survive it.
import { useLayoutEffect, useRef } from 'react';

export function MapSlot(props: { host: HTMLElement }) {
  const slot = useRef<HTMLDivElement>(null);
  const { host } = props;
  useLayoutEffect(() => {
    const element = slot.current;
    if (!element) return;
    element.appendChild(host);
    return () => {
      if (host.parentElement === element) element.removeChild(host);
    };
  }, [host]);
  return <div ref={slot} className="map-slot" />;
}

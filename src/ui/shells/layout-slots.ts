// What every layout places: the same pieces, arranged per screen class.
import type { ReactNode } from 'react';

export interface LayoutSlots {
  /** Alerts and banners above everything (storage problems, an update waiting). */
  banners: ReactNode;
  header: ReactNode;
  /** The four role tabs (layers, survey, conflicts, review). */
  roles: ReactNode;
  map: ReactNode;
  /** The selected feature's inspector, or null when nothing is selected. */
  inspector: ReactNode;
  /** Anything drawn over the map area (the reviewer's comparison). */
  overlay: ReactNode;
  status: ReactNode;
  /** Dialogs (import, export, settings): outside the layout. */
  dialogs: ReactNode;
}

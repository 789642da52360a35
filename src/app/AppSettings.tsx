// The settings dialog wired to the map: the online basemap, offline basemaps, the tile cache and the team server.
import type { BasemapSettings } from '../map/basemap.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';
import { OfflineBasemaps } from '../ui/OfflineBasemaps.tsx';
import { ServerSection, type ServerSectionProps } from '../ui/ServerSection.tsx';
import { SettingsDialog } from '../ui/SettingsDialog.tsx';
import { TileCacheTools } from '../ui/TileCacheTools.tsx';
import { useOfflineBasemaps } from './use-offline-basemaps.ts';
import { useTileCache } from './use-tile-cache.ts';

export function AppSettings(props: { map: ProgrammeMap | null; open: boolean; basemap: BasemapSettings; onClose: () => void; onSave: (basemap: BasemapSettings) => void; server: ServerSectionProps }) {
  const offlineBasemaps = useOfflineBasemaps(props.map);
  const tileCache = useTileCache(props.map, props.basemap, props.open);
  return (
    <SettingsDialog open={props.open} basemap={props.basemap} onClose={props.onClose} onSave={props.onSave}>
      <OfflineBasemaps {...offlineBasemaps} />
      <TileCacheTools {...tileCache} />
      <ServerSection {...props.server} />
    </SettingsDialog>
  );
}

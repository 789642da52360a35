// The app's dialogs around the map: import (and its summary), the new-programme wizard, the sync
// conflicts, export, and settings (whose saved basemap is kept for the next start).
import type { Programme } from '../domain/model.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import type { BasemapSettings } from '../map/basemap.ts';
import type { ProgrammeMap } from '../map/programme-map.ts';
import { ExportDialog } from '../ui/ExportDialog.tsx';
import { ImportDialog } from '../ui/ImportDialog.tsx';
import { ImportSummary } from '../ui/ImportSummary.tsx';
import { NewProgrammeWizard } from '../ui/NewProgrammeWizard.tsx';
import type { ServerSectionProps } from '../ui/ServerSection.tsx';
import { saveBasemap } from './app-settings.ts';
import { AppSettings } from './AppSettings.tsx';
import { allowsTileUrl } from './page-policy.ts';
import { SyncConflictsDock } from './SyncConflictsDock.tsx';
import type { ArchiveExport } from './use-archive-export.ts';
import type { useExport } from './use-export.ts';
import type { useImport } from './use-import.ts';
import type { useNewProgramme } from './use-new-programme.ts';

export interface AppDialogsProps {
  programme: Programme | null;
  map: ProgrammeMap | null;
  store: FieldStore | null;
  /** Who resolves sync conflicts (the journal's name). */
  who: string;
  importer: ReturnType<typeof useImport>;
  exporter: ReturnType<typeof useExport>;
  archiveExport: ArchiveExport;
  wizard: ReturnType<typeof useNewProgramme>;
  settings: {
    open: boolean;
    onClose: () => void;
    basemap: BasemapSettings;
    onBasemap: (basemap: BasemapSettings) => void;
    server: ServerSectionProps;
  };
}

export function AppDialogs({ programme, map, store, who, importer, exporter, archiveExport, wizard, settings }: AppDialogsProps) {
  return (
    <>
      <ImportDialog {...importer.dialog} />
      <ImportSummary text={importer.summary} onDismiss={importer.dismissSummary} />
      <NewProgrammeWizard wizard={wizard} />
      {store && <SyncConflictsDock store={store} map={map} who={who} />}
      {/* Only while open: it lists every mine, which at province scale is thousands of options. */}
      {programme && exporter.dialog.open && <ExportDialog {...exporter.dialog} archive={archiveExport} programme={programme} />}
      <AppSettings
        map={map}
        server={settings.server}
        open={settings.open}
        basemap={settings.basemap}
        onClose={settings.onClose}
        onSave={(b) => {
          settings.onBasemap(b);
          saveBasemap(b);
          settings.onClose();
          // The page's security policy allows a new basemap origin only from its next start.
          if (b.enabled && !allowsTileUrl(b.url)) location.reload();
        }}
      />
    </>
  );
}

// The status line under the map: what the open programme holds (treated polygons as the map
// shows them, i.e. as of the reviewer's date), or why it did not load.
import type { FeatureCollection } from 'geojson';
import type { Programme } from '../domain/model.ts';
import { useI18n } from '../ui/i18n/language-context.tsx';

export function ProgrammeStatus(props: { programme: Programme | null; loadError: string | null; asOf: string | null; treated: FeatureCollection | null }) {
  const { t } = useI18n();
  const { programme, loadError, asOf } = props;
  return (
    <p role="status" className="programme-status">
      {loadError ? t('app.loadFailed', { reason: loadError })
        : programme ? t(asOf ? 'app.loadedAsOf' : 'app.loaded', {
          mines: programme.mines.length,
          parcels: programme.parcels.features.length,
          treated: (props.treated ?? programme.treated).features.length,
          zones: programme.zones.features.length,
          date: asOf ?? '',
        })
        : t('app.loading')}
    </p>
  );
}

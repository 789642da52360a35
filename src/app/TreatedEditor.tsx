// The inspector's editing part for a stored treated polygon: its attribute form, its photos,
// and reshaping or deleting it. Every change goes through the field store's one write path.
import { useCallback, useState } from 'react';
import type { Polygon } from 'geojson';
import type { GpsFix } from '../domain/gps-trace.ts';
import type { TreatedFeature } from '../domain/model.ts';
import { suggestParcel } from '../domain/parcel-suggestion.ts';
import type { FieldStore } from '../persistence/field-store.ts';
import { changeTreatedAttributes, deleteTreated } from '../store/edits-from-snapshot.ts';
import type { FieldSnapshot } from '../store/field-snapshot.ts';
import { DEFAULT_MAX_PHOTO_BYTES } from '../store/photo.ts';
import { referenceContext } from '../store/reference-context.ts';
import { validateTreatedProperties } from '../store/treated-validation.ts';
import { PhotoList } from '../ui/PhotoList.tsx';
import { TreatedForm } from '../ui/TreatedForm.tsx';
import { useI18n } from '../ui/i18n/language-context.tsx';
import { storeErrorMessage } from './use-save-state.ts';

export interface TreatedEditorProps {
  store: FieldStore;
  snapshot: FieldSnapshot;
  feature: TreatedFeature;
  who: string;
  fix: GpsFix | null;
  editing: boolean;
  onEditShape: (id: string, shape: Polygon) => void;
  onFinishShape: () => void;
  onDeleted: () => void;
  track: <T>(work: Promise<T>) => Promise<T | null>;
}

export function TreatedEditor(props: TreatedEditorProps) {
  const { t } = useI18n();
  const { store, snapshot, feature, who, track } = props;
  const [photoMessage, setPhotoMessage] = useState<string | null>(null);
  const programme = snapshot.programme;
  const id = feature.properties.id;
  const suggested = feature.geometry.type === 'Polygon' ? suggestParcel(feature.geometry, programme.parcels.features) : null;
  const load = useCallback((photoId: string) => store.photoImage(photoId), [store]);

  return (
    <>
      <div className="shape-actions">
        {feature.geometry.type === 'Polygon' && feature.geometry.coordinates.length === 1 && (props.editing
          ? <button type="button" className="primary" onClick={props.onFinishShape}>{t('survey.finishEdit')}</button>
          : <button type="button" onClick={() => props.onEditShape(id, feature.geometry as Polygon)}>{t('survey.editShape')}</button>)}
        <button
          type="button"
          onClick={() => {
            if (!window.confirm(t('survey.deleteConfirm', { id }))) return;
            void track(store.transact(deleteTreated(snapshot, id), who)).then((saved) => saved && props.onDeleted());
          }}
        >
          {t('survey.delete')}
        </button>
      </div>
      {props.editing && <p className="note">{t('survey.editHint')}</p>}
      {!(feature.geometry.type === 'Polygon' && feature.geometry.coordinates.length === 1) && <p className="note">{t('survey.cannotEditShape')}</p>}
      <TreatedForm
        feature={feature}
        programme={programme}
        suggestedParcelId={suggested?.properties.id ?? null}
        validate={(properties) => validateTreatedProperties(properties, referenceContext(programme, new Date()))}
        onSave={(change) => void track(store.transact(changeTreatedAttributes(snapshot, id, change), who))}
      />
      <PhotoList
        photos={snapshot.photosByFeature.get(id) ?? []}
        load={load}
        message={photoMessage}
        onAdd={(file) => {
          if (!file.type.startsWith('image/')) return setPhotoMessage(t('photos.notImage', { name: file.name }));
          if (file.size > DEFAULT_MAX_PHOTO_BYTES) {
            const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
            return setPhotoMessage(t('photos.tooLarge', { name: file.name, size: mb(file.size), limit: mb(DEFAULT_MAX_PHOTO_BYTES) }));
          }
          setPhotoMessage(null);
          const location = props.fix ? { lon: props.fix.lon, lat: props.fix.lat, accuracy_m: props.fix.accuracy } : null;
          const takenAt = file.lastModified ? new Date(file.lastModified) : new Date();
          void track(store.addPhoto(id, file, { takenAt, location, name: file.name }, who).catch((error: unknown) => {
            setPhotoMessage(storeErrorMessage(t, error));
            throw error;
          }));
        }}
        onRemove={(photoId) => void track(store.removePhoto(photoId, who))}
      />
    </>
  );
}

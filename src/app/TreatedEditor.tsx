// The inspector's editing part for a stored treated polygon: its attribute form, its photos
// (before, after or free), and reshaping (ring by ring), splitting, cutting a hole in or deleting
// it. Every change goes through the field store's one write path.
import { useCallback, useState } from 'react';
import type { GpsFix } from '../domain/gps-trace.ts';
import type { AreaGeometry, TreatedFeature } from '../domain/model.ts';
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
  onEditShape: (id: string, shape: AreaGeometry) => void;
  onFinishShape: () => void;
  /** Which ring (part, ring) of the edited shape the map's vertex handles work on. */
  onPickRing: (part: number, ring: number) => void;
  onSplit: (id: string) => void;
  onHole: (id: string) => void;
  onDeleted: () => void;
  track: <T>(work: Promise<T>) => Promise<T | null>;
}

/** Buttons choosing the ring to reshape, when the shape has more than one (holes, parts). */
function RingPicker(props: { geometry: AreaGeometry; onPick: (part: number, ring: number) => void }) {
  const { t } = useI18n();
  const parts = props.geometry.type === 'Polygon' ? [props.geometry.coordinates] : props.geometry.coordinates;
  if (parts.length === 1 && parts[0]!.length === 1) return null;
  const several = parts.length > 1;
  const name = (part: number, ring: number): string => (ring === 0
    ? (several ? t('survey.ring.outerOfPart', { part: part + 1 }) : t('survey.ring.outer'))
    : (several ? t('survey.ring.holeOfPart', { part: part + 1, hole: ring }) : t('survey.ring.hole', { hole: ring })));
  return (
    <div className="button-row" role="group" aria-label={t('survey.rings')}>
      {parts.flatMap((rings, part) => rings.map((_, ring) => (
        <button key={`${part}-${ring}`} type="button" onClick={() => props.onPick(part, ring)}>{name(part, ring)}</button>
      )))}
    </div>
  );
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
        {props.editing
          ? <button type="button" className="primary" onClick={props.onFinishShape}>{t('survey.finishEdit')}</button>
          : <button type="button" onClick={() => props.onEditShape(id, feature.geometry)}>{t('survey.editShape')}</button>}
        <button type="button" onClick={() => props.onSplit(id)}>{t('survey.split')}</button>
        <button type="button" onClick={() => props.onHole(id)}>{t('survey.hole')}</button>
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
      {props.editing && <RingPicker geometry={feature.geometry} onPick={props.onPickRing} />}
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
        onAdd={(file, slot) => {
          if (!file.type.startsWith('image/')) return setPhotoMessage(t('photos.notImage', { name: file.name }));
          if (file.size > DEFAULT_MAX_PHOTO_BYTES) {
            const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
            return setPhotoMessage(t('photos.tooLarge', { name: file.name, size: mb(file.size), limit: mb(DEFAULT_MAX_PHOTO_BYTES) }));
          }
          setPhotoMessage(null);
          const location = props.fix ? { lon: props.fix.lon, lat: props.fix.lat, accuracy_m: props.fix.accuracy } : null;
          const takenAt = file.lastModified ? new Date(file.lastModified) : new Date();
          void track(store.addPhoto(id, file, { takenAt, location, name: file.name, ...(slot ? { slot } : {}) }, who).catch((error: unknown) => {
            setPhotoMessage(storeErrorMessage(t, error));
            throw error;
          }));
        }}
        onRemove={(photoId) => void track(store.removePhoto(photoId, who))}
      />
    </>
  );
}

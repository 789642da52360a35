// Photos of one treated polygon: thumbnails from the stored Blobs, adding from the camera or a
// file, removing. Object URLs are revoked when a thumbnail goes away.
import { useEffect, useId, useState } from 'react';

const THUMBNAIL_PX = 192;
/** How often a thumbnail whose image is not stored yet looks again. */
export const IMAGE_RECHECK_MS = 5_000;

/**
 * A small JPEG of a photo: a dozen 12-megapixel originals decoded at full size would take
 * hundreds of megabytes on a field tablet. Falls back to the original where the browser cannot
 * scale (no OffscreenCanvas).
 */
async function thumbnail(blob: Blob): Promise<Blob> {
  if (typeof OffscreenCanvas === 'undefined') return blob;
  const bitmap = await createImageBitmap(blob, { resizeWidth: THUMBNAIL_PX, resizeQuality: 'medium' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}
import type { PhotoMeta, PhotoSlot } from '../store/photo.ts';
import { useI18n } from './i18n/language-context.tsx';

function Thumbnail(props: { photo: PhotoMeta; load: (id: string) => Promise<Blob | null>; onRemove: () => void }) {
  const { t, language } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const { photo, load } = props;
  useEffect(() => {
    let objectUrl: string | null = null;
    let alive = true;
    let recheck: ReturnType<typeof setTimeout> | undefined;
    // A photo pulled from another device may be here before its image, which sync fetches after.
    const show = (): void => void load(photo.id)
      .then((blob) => {
        if (alive && !blob) recheck = setTimeout(show, IMAGE_RECHECK_MS);
        if (alive) setPending(!blob);
        return blob ? thumbnail(blob) : null;
      })
      .then((small) => {
        if (!alive || !small) return;
        objectUrl = URL.createObjectURL(small);
        setUrl(objectUrl);
      }, () => undefined);
    show();
    return () => {
      alive = false;
      clearTimeout(recheck);
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [photo.id, load]);
  const time = new Date(photo.taken_at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB');
  const slot = photo.slot ? `${t(`photos.slot.${photo.slot}`)} · ` : '';
  const label = `${slot}${t('photos.thumbnail', { name: photo.name || photo.id, time })}`;
  const placeholderLabel = pending ? t('photos.pendingImage', { label }) : label;
  return (
    <li>
      {url ? <img src={url} alt={label} /> : <span className="placeholder" role="img" aria-label={placeholderLabel} />}
      <span className="note">{slot}{t('photos.takenAt', { time })}</span>
      <button type="button" className="icon" aria-label={t('photos.remove', { name: photo.name || photo.id })} onClick={props.onRemove}>×</button>
    </li>
  );
}

export interface PhotoListProps {
  photos: readonly PhotoMeta[];
  load: (id: string) => Promise<Blob | null>;
  /** `slot`: filed as before or after the work (治理前 / 治理后), or a free photo when absent. */
  onAdd: (file: File, slot?: PhotoSlot) => void;
  onRemove: (photoId: string) => void;
  message: string | null;
}

/** A file input behind a label that looks like a button, opening the camera on a phone. */
function AddPhoto(props: { label: string; onFile: (file: File) => void }) {
  const inputId = useId();
  return (
    <>
      <label htmlFor={inputId} className="file-button">{props.label}</label>
      <input
        id={inputId} type="file" accept="image/*" capture="environment" className="visually-hidden"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onFile(file);
          e.target.value = '';
        }}
      />
    </>
  );
}

export function PhotoList(props: PhotoListProps) {
  const { t } = useI18n();
  return (
    <section className="photo-list" aria-label={t('photos.title')}>
      <h3>{t('photos.title')}</h3>
      {props.photos.length === 0
        ? <p className="note">{t('photos.none')}</p>
        : <ul>{props.photos.map((p) => <Thumbnail key={p.id} photo={p} load={props.load} onRemove={() => props.onRemove(p.id)} />)}</ul>}
      <div className="button-row">
        <AddPhoto label={t('photos.addBefore')} onFile={(file) => props.onAdd(file, 'before')} />
        <AddPhoto label={t('photos.addAfter')} onFile={(file) => props.onAdd(file, 'after')} />
        <AddPhoto label={t('photos.add')} onFile={(file) => props.onAdd(file)} />
      </div>
      {props.message && <p role="alert" className="error">{props.message}</p>}
    </section>
  );
}

// Photos of one treated polygon: thumbnails from the stored Blobs, adding from the camera or a
// file, removing. Object URLs are revoked when a thumbnail goes away.
import { useEffect, useId, useState } from 'react';

const THUMBNAIL_PX = 192;

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
import type { PhotoMeta } from '../store/photo.ts';
import { useI18n } from './i18n/language-context.tsx';

function Thumbnail(props: { photo: PhotoMeta; load: (id: string) => Promise<Blob | null>; onRemove: () => void }) {
  const { t, language } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const { photo, load } = props;
  useEffect(() => {
    let objectUrl: string | null = null;
    let alive = true;
    void load(photo.id)
      .then((blob) => (blob ? thumbnail(blob) : null))
      .then((small) => {
        if (!alive || !small) return;
        objectUrl = URL.createObjectURL(small);
        setUrl(objectUrl);
      }, () => undefined);
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [photo.id, load]);
  const time = new Date(photo.taken_at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB');
  const label = t('photos.thumbnail', { name: photo.name || photo.id, time });
  return (
    <li>
      {url ? <img src={url} alt={label} /> : <span className="placeholder" role="img" aria-label={label} />}
      <span className="note">{t('photos.takenAt', { time })}</span>
      <button type="button" className="icon" aria-label={t('photos.remove', { name: photo.name || photo.id })} onClick={props.onRemove}>×</button>
    </li>
  );
}

export interface PhotoListProps {
  photos: readonly PhotoMeta[];
  load: (id: string) => Promise<Blob | null>;
  onAdd: (file: File) => void;
  onRemove: (photoId: string) => void;
  message: string | null;
}

export function PhotoList(props: PhotoListProps) {
  const { t } = useI18n();
  const inputId = useId();
  return (
    <section className="photo-list" aria-label={t('photos.title')}>
      <h3>{t('photos.title')}</h3>
      {props.photos.length === 0
        ? <p className="note">{t('photos.none')}</p>
        : <ul>{props.photos.map((p) => <Thumbnail key={p.id} photo={p} load={props.load} onRemove={() => props.onRemove(p.id)} />)}</ul>}
      <label htmlFor={inputId} className="file-button">{t('photos.add')}</label>
      <input
        id={inputId} type="file" accept="image/*" capture="environment" className="visually-hidden"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onAdd(file);
          e.target.value = '';
        }}
      />
      {props.message && <p role="alert" className="error">{props.message}</p>}
    </section>
  );
}

// Before and after photos of a parcel side by side (治理前后对比). Photos belong to treated
// polygons and carry the time they were taken and, if the surveyor filed them so, their slot
// (治理前 / 治理后); photo-pair-choice.ts picks the pair offered first, and the reviewer may pick
// any other pair.
import { useEffect, useId, useState } from 'react';
import type { PhotoMeta } from '../store/photo.ts';
import { photoPairChoice } from './photo-pair-choice.ts';
import { IMAGE_RECHECK_MS } from './PhotoList.tsx';
import { useI18n } from './i18n/language-context.tsx';

function Photo(props: { photo: PhotoMeta; load: (id: string) => Promise<Blob | null>; caption: string }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const { photo, load } = props;
  useEffect(() => {
    let objectUrl: string | null = null;
    let alive = true;
    let recheck: ReturnType<typeof setTimeout> | undefined;
    // A photo pulled from another device may be here before its image, which sync fetches after.
    const show = (): void => void load(photo.id).then((blob) => {
      if (!alive) return;
      setPending(!blob);
      if (!blob) {
        recheck = setTimeout(show, IMAGE_RECHECK_MS);
        return;
      }
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    }, () => undefined);
    show();
    return () => {
      alive = false;
      clearTimeout(recheck);
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [photo.id, load]);
  return (
    <figure>
      {url ? <img src={url} alt={props.caption} /> : <span className="placeholder" role="img" aria-label={pending ? t('photos.pendingImage', { label: props.caption }) : props.caption} />}
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}

export function PhotoPair(props: { title: string; photos: readonly PhotoMeta[]; load: (id: string) => Promise<Blob | null> }) {
  const { t, language } = useI18n();
  const ids = { before: useId(), after: useId() };
  const sorted = [...props.photos].sort((a, b) => (a.taken_at < b.taken_at ? -1 : a.taken_at > b.taken_at ? 1 : 0));
  const [before, setBefore] = useState(() => photoPairChoice(sorted).before);
  const [after, setAfter] = useState(() => photoPairChoice(sorted).after);
  if (sorted.length < 2) return <p className="note">{t('mineFile.photoPairNone', { title: props.title })}</p>;
  const time = (p: PhotoMeta): string => new Date(p.taken_at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB');
  const option = (p: PhotoMeta, i: number) => <option key={p.id} value={i}>{`${p.name || p.id} · ${time(p)}`}</option>;
  const b = sorted[Math.min(before, sorted.length - 1)]!;
  const a = sorted[Math.min(after, sorted.length - 1)]!;
  return (
    <section className="photo-pair" aria-label={t('mineFile.photoPair', { title: props.title })}>
      <h4>{t('mineFile.photoPair', { title: props.title })}</h4>
      <div className="no-print pickers">
        <label htmlFor={ids.before}>{t('mineFile.photoBefore')}</label>
        <select id={ids.before} value={before} onChange={(e) => setBefore(Number(e.target.value))}>{sorted.map(option)}</select>
        <label htmlFor={ids.after}>{t('mineFile.photoAfter')}</label>
        <select id={ids.after} value={after} onChange={(e) => setAfter(Number(e.target.value))}>{sorted.map(option)}</select>
      </div>
      <div className="pair">
        <Photo photo={b} load={props.load} caption={t('mineFile.photoCaptionBefore', { name: b.name || b.id, time: time(b) })} />
        <Photo photo={a} load={props.load} caption={t('mineFile.photoCaptionAfter', { name: a.name || a.id, time: time(a) })} />
      </div>
    </section>
  );
}

// One file per mine (一矿一档): the mine, its figures, a map, its parcels and treated polygons,
// before/after photos and every parcel's acceptance history. Printable on A4 (print CSS) and
// exportable as one self-contained HTML file.
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { MineFigures } from '../domain/mine-figures.ts';
import type { Mine, Programme } from '../domain/model.ts';
import type { ParcelReview } from '../domain/review.ts';
import { formatArea } from '../domain/units.ts';
import { localIsoDate } from '../store/calendar-date.ts';
import type { PhotoMeta } from '../store/photo.ts';
import { MINE_FILE_CSS } from './mine-file-css.ts';
import { MineDecision, type MineAction } from './MineDecision.tsx';
import { MineSketch } from './MineSketch.tsx';
import { PhotoPair } from './PhotoPair.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';
import { saveFile } from './save-file.ts';
import { pageMarginCss } from './page-margin-css.ts';
import { standaloneHtml } from './standalone-html.ts';
import { usePageMargins } from './use-page-margins.ts';
import { useI18n } from './i18n/language-context.tsx';

export interface MineFileProps {
  programme: Pick<Programme, 'townships' | 'name' | 'name_en'>;
  mine: Mine;
  figures: MineFigures;
  reviews: ReadonlyMap<string, ParcelReview>;
  photosByFeature: ReadonlyMap<string, readonly PhotoMeta[]>;
  loadPhoto: (id: string) => Promise<Blob | null>;
  /** Parcels each whole-mine step would move now. */
  decidable: Record<MineAction, number>;
  canAct: boolean;
  onDecide: (action: MineAction, note: string) => Promise<boolean>;
  /** Why the last step failed, if it did. */
  message: string | null;
  onClose: () => void;
}

export function MineFile(props: MineFileProps) {
  const { t, language } = useI18n();
  const article = useRef<HTMLElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const { mine, figures } = props;
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const mu = (m2: number): string => formatArea(m2, 'mu', locale);
  const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
  const name = language === 'en' ? mine.name_en : mine.name;
  const township = props.programme.townships.find((tw) => tw.id === mine.township_id);
  const title = t('mineFile.title', { name });
  const programmeName = language === 'en' ? props.programme.name_en : props.programme.name;
  // The date a paper copy was made: refreshed as the browser starts printing, and on export.
  const [printedAt, setPrintedAt] = useState(() => new Date());
  const printDate = localIsoDate(printedAt);
  const margins = pageMarginCss(`${programmeName} · ${title}`, `${t('mineFile.printDate')} ${printDate}`, t('mineFile.pageOf'));
  usePageMargins(margins);
  useEffect(() => {
    const refresh = () => flushSync(() => setPrintedAt(new Date()));
    window.addEventListener('beforeprint', refresh);
    return () => window.removeEventListener('beforeprint', refresh);
  }, []);

  const exportFile = () => {
    flushSync(() => setPrintedAt(new Date()));
    if (!article.current) return;
    standaloneHtml(article.current, title, MINE_FILE_CSS + margins, language === 'zh' ? 'zh-CN' : 'en').then(
      (html) => {
        setExportError(null);
        saveFile(html, `${t('mineFile.fileName')}-${mine.id}.html`, 'text/html;charset=utf-8');
      },
      (error: unknown) => setExportError(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <section className="review-overlay mine-file-overlay" aria-label={title}>
      <div className="button-row no-print">
        <button type="button" onClick={() => window.print()}>{t('mineFile.print')}</button>
        <button type="button" onClick={exportFile}>{t('mineFile.export')}</button>
        <button type="button" className="icon" aria-label={t('mineFile.close')} onClick={props.onClose}>×</button>
      </div>
      {exportError && <p role="alert" className="error no-print">{t('mineFile.exportFailed', { reason: exportError })}</p>}
      <MineDecision counts={props.decidable} canAct={props.canAct} onDecide={props.onDecide} />
      {props.message && <p role="alert" className="error no-print">{props.message}</p>}
      <article ref={article} className="mine-file" data-mine={mine.id}>
        <p className="mine-file-head">
          <span data-figure="programme">{programmeName}</span>
          <span>{t('mineFile.printDate')}：<time dateTime={printDate} data-figure="print-date">{printDate}</time></span>
        </p>
        <h2>{title}</h2>
        <dl className="rows">
          <div><dt>{t('field.id')}</dt><dd className="id">{mine.id}</dd></div>
          <div><dt>{t('field.mineral')}</dt><dd>{mine.mineral}</dd></div>
          <div><dt>{t('field.township')}</dt><dd>{township ? (language === 'en' ? township.name_en : township.name) : mine.township_id}</dd></div>
          <div><dt>{t('field.category')}</dt><dd>{t(`category.${mine.category}`)}</dd></div>
          <div><dt>{t('field.responsible_party')}</dt><dd>{mine.responsible_party ?? t('field.responsible_party.none')}</dd></div>
          <div><dt>{t('mineFile.status')}</dt><dd data-figure="mine-status">{t(`status.${figures.status}`)}</dd></div>
        </dl>

        <h3>{t('mineFile.figures')}</h3>
        <dl className="rows mine-figures">
          <div><dt>{t('mineFile.parcels')}</dt><dd data-figure="parcels">{figures.parcels.length}</dd></div>
          <div><dt>{t('mineFile.acceptedParcels')}</dt><dd data-figure="accepted-parcels">{figures.accepted_parcels}</dd></div>
          <div><dt>{t('mineFile.area')}</dt><dd data-figure="area">{t('mineFile.areaBoth', { mu: mu(figures.area_m2), ha: formatArea(figures.area_m2, 'ha', locale) })}</dd></div>
          <div><dt>{t('mineFile.treated')}</dt><dd data-figure="treated">{mu(figures.treated_m2)} {t('unit.mu')}</dd></div>
          <div><dt>{t('mineFile.rate')}</dt><dd data-figure="rate">{percent(figures.treatment_rate)}</dd></div>
          <div><dt>{t('mineFile.overlap')}</dt><dd data-figure="overlap">{mu(figures.protected_overlap_m2)} {t('unit.mu')}</dd></div>
        </dl>

        <h3>{t('mineFile.map')}</h3>
        <MineSketch
          label={t('mineFile.mapLabel', { name })}
          parcels={figures.parcels.map((p) => ({ id: p.parcel.properties.id, geometry: p.parcel.geometry, status: p.status }))}
          treated={figures.treated}
        />

        <h3>{t('mineFile.parcelTable')}</h3>
        <table>
          <thead>
            <tr>
              {(['field.id', 'field.name', 'field.damage_type', 'field.direction'] as const).map((k) => <th key={k} scope="col">{t(k)}</th>)}
              <th scope="col">{t('review.withUnit', { label: t('mineFile.area'), unit: t('unit.mu') })}</th>
              <th scope="col">{t('review.withUnit', { label: t('mineFile.treated'), unit: t('unit.mu') })}</th>
              <th scope="col">{t('mineFile.rate')}</th>
              <th scope="col">{t('review.withUnit', { label: t('mineFile.overlap'), unit: t('unit.mu') })}</th>
              <th scope="col">{t('field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.parcels.map(({ parcel, status, result }) => (
              <tr key={parcel.properties.id} data-row={parcel.properties.id}>
                <th scope="row">{parcel.properties.id}</th>
                <td>{parcel.properties.name}</td>
                <td>{t(`damage.${parcel.properties.damage_type}`)}</td>
                <td>{t(`direction.${parcel.properties.direction}`)}</td>
                <td className="number">{result ? mu(result.area_m2) : '—'}</td>
                <td className="number">{result ? mu(result.treated_m2) : '—'}</td>
                <td className="number">{result ? percent(result.treatment_rate) : '—'}</td>
                <td className="number">{result ? mu(result.protected_overlap_m2) : '—'}</td>
                <td>{t(`status.${status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h3>{t('mineFile.treatedTable')}</h3>
        {figures.treated.length === 0 ? <p className="note">{t('mineFile.noTreated')}</p> : (
          <table>
            <thead>
              <tr>{(['field.id', 'field.date', 'field.measure', 'field.direction', 'field.surveyor', 'field.parcel', 'field.note'] as const).map((k) => <th key={k} scope="col">{t(k)}</th>)}</tr>
            </thead>
            <tbody>
              {figures.treated.map((f) => (
                <tr key={f.properties.id}>
                  <th scope="row">{f.properties.id}</th>
                  <td>{f.properties.date}</td>
                  <td>{t(`measure.${f.properties.measure}`)}</td>
                  <td>{t(`direction.${f.properties.direction}`)}</td>
                  <td>{f.properties.surveyor}</td>
                  <td className="id">{f.properties.parcel_id ?? t('field.none')}</td>
                  <td>{f.properties.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h3>{t('mineFile.photos')}</h3>
        {figures.parcels.map(({ parcel }) => {
          const photos = figures.treated.filter((f) => f.properties.parcel_id === parcel.properties.id).flatMap((f) => props.photosByFeature.get(f.properties.id) ?? []);
          return <PhotoPair key={parcel.properties.id} title={parcel.properties.name} photos={photos} load={props.loadPhoto} />;
        })}

        <h3>{t('mineFile.acceptance')}</h3>
        {figures.parcels.map(({ parcel }) => (
          <ReviewHistory
            key={parcel.properties.id}
            recorded={parcel.properties.status}
            review={props.reviews.get(parcel.properties.id) ?? null}
            label={t('mineFile.historyOf', { name: parcel.properties.name, id: parcel.properties.id })}
          />
        ))}

        <section className="mine-signature" aria-label={t('mineFile.signature')}>
          <h3>{t('mineFile.signature')}</h3>
          <dl>
            <div><dt>{t('mineFile.signer')}</dt><dd /></div>
            <div><dt>{t('mineFile.signDate')}</dt><dd /></div>
          </dl>
        </section>
      </article>
    </section>
  );
}

// A parcel's acceptance history, oldest first: who did what, when and why. The programme's own
// record comes first, since it predates every step taken in Fulv.
import type { ParcelStatus } from '../domain/model.ts';
import type { ParcelReview } from '../domain/review.ts';
import { useI18n } from './i18n/language-context.tsx';

export function ReviewHistory(props: { recorded: ParcelStatus; review: ParcelReview | null; label: string }) {
  const { t, language } = useI18n();
  const locale = language === 'zh' ? 'zh-CN' : 'en-GB';
  const events = props.review?.events ?? [];
  return (
    <section className="review-history" aria-label={props.label}>
      <h3>{props.label}</h3>
      <ol>
        <li>
          <span className="what">{t('review.history.recorded', { status: t(`status.${props.recorded}`) })}</span>
        </li>
        {events.map((e, i) => (
          <li key={i} data-action={e.action}>
            <span className="what">{t(`review.action.${e.action}`)} → {t(`status.${e.status}`)}</span>
            <span className="when">{new Date(e.at).toLocaleString(locale)} · {e.who}{e.role && t('review.history.role', { role: t(`review.role.${e.role}`) })}</span>
            {e.action === 'reopen' && e.treated_id && e.change && (
              <span className="why">{t('review.history.reopened', { id: e.treated_id, change: t(`review.change.${e.change}`) })}</span>
            )}
            {e.note && <span className="why">{e.note}</span>}
            {e.accepted && <span className="why">{t('review.history.frozen', { count: e.accepted.length })}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

// Finds a mine or parcel by name or id; choosing a result flies the map to it.
import { useId, useMemo, useState } from 'react';
import type { Programme } from '../domain/model.ts';
import { searchProgramme, type SearchHit } from '../domain/programme-search.ts';
import { useI18n } from './i18n/language-context.tsx';

export function SearchBox(props: { programme: Programme; onPick: (hit: SearchHit) => void }) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const inputId = useId();
  const hits = useMemo(() => searchProgramme(props.programme, query), [props.programme, query]);
  const pick = (hit: SearchHit) => {
    props.onPick(hit);
    setQuery('');
  };
  return (
    <div className="search-box">
      <form
        role="search"
        aria-label={t('search.label')}
        onSubmit={(e) => {
          e.preventDefault();
          if (hits[0]) pick(hits[0]);
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">{t('search.label')}</label>
        <input id={inputId} type="search" value={query} placeholder={t('search.placeholder')} onChange={(e) => setQuery(e.target.value)} />
      </form>
      {query.trim() && (
        hits.length === 0
          ? <p role="status" className="status">{t('search.noResults', { query })}</p>
          : (
            <ul aria-label={t('search.results')} className="search-results">
              {hits.map((hit) => (
                <li key={`${hit.kind}:${hit.id}`}>
                  <button type="button" onClick={() => pick(hit)}>
                    <span className="kind">{t(hit.kind === 'mine' ? 'search.mine' : 'search.parcel')}</span>
                    {hit.name} <span className="id">{hit.id}</span>
                    {hit.kind === 'parcel' && hit.mine && <span className="mine"> · {language === 'en' ? hit.mine.name_en : hit.mine.name}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )
      )}
    </div>
  );
}

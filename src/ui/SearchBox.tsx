// Finds a mine or parcel by name or id; choosing a result flies the map to it. A WAI-ARIA 1.2
// combobox: the focus stays in the box while the arrow keys move through the listbox of results.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Programme } from '../domain/model.ts';
import { searchProgramme, type SearchHit } from '../domain/programme-search.ts';
import { useI18n } from './i18n/language-context.tsx';

export function SearchBox(props: { programme: Programme; onPick: (hit: SearchHit) => void }) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputId = useId();
  const listId = `${inputId}-results`;
  const optionId = (i: number) => `${inputId}-result-${i}`;
  const hits = useMemo(() => searchProgramme(props.programme, query), [props.programme, query]);
  const expanded = open && query.trim() !== '' && hits.length > 0;
  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });
  const pick = (hit: SearchHit) => {
    props.onPick(hit);
    setQuery('');
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = hits.length - 1;
    const move = (i: number) => {
      e.preventDefault();
      setOpen(true);
      setActive(i);
    };
    if (e.key === 'ArrowDown' && last >= 0) move(!expanded || active >= last ? 0 : active + 1);
    else if (e.key === 'ArrowUp' && last >= 0) move(!expanded || active <= 0 ? last : active - 1);
    else if (e.key === 'Home' && expanded) move(0);
    else if (e.key === 'End' && expanded) move(last);
    else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  return (
    <div className="search-box">
      <form
        role="search"
        aria-label={t('search.label')}
        onSubmit={(e) => {
          e.preventDefault();
          const hit = hits[expanded && active >= 0 ? active : 0];
          if (hit) pick(hit);
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">{t('search.label')}</label>
        <input
          id={inputId}
          type="search"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          value={query}
          placeholder={t('search.placeholder')}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
      </form>
      {query.trim() && hits.length === 0 && <p role="status" className="status">{t('search.noResults', { query })}</p>}
      <ul id={listId} role="listbox" aria-label={t('search.results')} className="search-results" hidden={!expanded}>
        {expanded && hits.map((hit, i) => (
          <li
            key={`${hit.kind}:${hit.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // The press must not take the focus from the box before the click picks the option.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(hit)}
          >
            <span className="kind">{t(hit.kind === 'mine' ? 'search.mine' : 'search.parcel')}</span>
            {hit.name} <span className="id">{hit.id}</span>
            {hit.kind === 'parcel' && hit.mine && <span className="mine"> · {language === 'en' ? hit.mine.name_en : hit.mine.name}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

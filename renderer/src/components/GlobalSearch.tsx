import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SEARCH_KIND_LABELS } from '../../../shared/contract/kinds';
import type { SearchHit } from '../../../shared/contract/schemas/search';
import { call, errorMessage } from '../api';
import { useApp } from '../store/app';
import { Icon } from '../shell/icons';

/** "…text «found» text…" → text with the found words in bold; never as HTML. */
export function Snippet({ text }: { text: string }): ReactNode {
  const parts = text.split(/(«[^»]*»)/g);
  return parts.map((part, i) => (part.startsWith('«') && part.endsWith('»') ? <strong key={i}>{part.slice(1, -1)}</strong> : <span key={i}>{part}</span>));
}

/** The one search field in the app bar: ärenden, people, members and documents, as you type (plain elements: it is on the first screen). */
export function GlobalSearch() {
  const go = useApp((s) => s.go);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        (e.key === 'k' && (e.ctrlKey || e.metaKey)) ||
        (e.key === '/' && !(e.target instanceof HTMLInputElement) && !(e.target instanceof HTMLTextAreaElement))
      ) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (query.trim() === '') {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('search.query', { query, limit: 12 })
        .then((r) => current && (setHits(r.hits), setError(null)))
        .catch((err: unknown) => current && setError(errorMessage(err)));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  function openHit(hit: SearchHit) {
    setOpen(false);
    setQuery('');
    if (hit.kind === 'arende') go('arenden', String(hit.id));
    else if (hit.kind === 'document' && hit.arendeId !== null) go('arenden', String(hit.arendeId));
    else if (hit.kind === 'person') go('register', 'personer', String(hit.id));
    else go('register', 'medlemmar');
  }

  return (
    <div
      className="k-search"
      onBlur={(e) => {
        // Closes when focus leaves the field and its hits, as a click elsewhere does.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <div className="k-search-field">
        <Icon name="search" size={20} />
        <input
          ref={input}
          type="text"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
            if (e.key === 'Enter' && hits[0]) openHit(hits[0]);
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              list.current?.querySelector('button')?.focus();
            }
          }}
          placeholder="Sök ärenden, personer, medlemmar, handlingar"
          aria-label="Sök"
          autoComplete="off"
        />
      </div>
      {open && query.trim() !== '' && (
        <div className="k-search-hits">
          {error && (
            <p className="k-search-empty" data-error="true" role="alert">
              {error}
            </p>
          )}
          {!error && hits.length === 0 && <p className="k-search-empty">Inga träffar.</p>}
          <ul
            ref={list}
            aria-label="Sökträffar"
            onKeyDown={(e) => {
              // Up and down move through the hits; up from the first goes back to the field.
              const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
              const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
              if (e.key === 'ArrowDown' && at < buttons.length - 1) buttons[at + 1]?.focus();
              else if (e.key === 'ArrowUp') (at > 0 ? buttons[at - 1] : input.current)?.focus();
              else if (e.key === 'Escape') {
                setOpen(false);
                input.current?.focus();
              } else return;
              e.preventDefault();
            }}
          >
            {hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`}>
                <button type="button" onClick={() => openHit(hit)}>
                  <span className="k-kind">{SEARCH_KIND_LABELS[hit.kind]}</span>
                  {hit.title}
                  {hit.subtitle && <span className="k-sub">{hit.subtitle}</span>}
                  <span className="k-snippet">
                    <Snippet text={hit.snippet} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

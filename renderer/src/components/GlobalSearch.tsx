import { useEffect, useRef, useState, type ReactNode } from 'react';
import ClickAwayListener from '@mui/material/ClickAwayListener';
import InputBase from '@mui/material/InputBase';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import { SEARCH_KIND_LABELS } from '../../../shared/contract/kinds';
import type { SearchHit } from '../../../shared/contract/schemas/search';
import { call, errorMessage } from '../api';
import { useApp } from '../store/app';

/** "…text «found» text…" → text with the found words in bold; never as HTML. */
export function Snippet({ text }: { text: string }): ReactNode {
  const parts = text.split(/(«[^»]*»)/g);
  return parts.map((part, i) => (part.startsWith('«') && part.endsWith('»') ? <strong key={i}>{part.slice(1, -1)}</strong> : <span key={i}>{part}</span>));
}

/** The one search field in the app bar: ärenden, people, members and documents, as you type. */
export function GlobalSearch() {
  const go = useApp((s) => s.go);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);

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
    <ClickAwayListener onClickAway={() => setOpen(false)}>
      <div style={{ position: 'relative', marginRight: 16 }}>
        <Paper sx={{ display: 'flex', alignItems: 'center', px: 1, width: 380, bgcolor: 'rgba(255,255,255,0.15)', color: 'inherit' }} elevation={0}>
          <SearchOutlined fontSize="small" sx={{ mr: 1, opacity: 0.8 }} />
          <InputBase
            inputRef={input}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false);
              if (e.key === 'Enter' && hits[0]) openHit(hits[0]);
            }}
            placeholder="Sök ärenden, personer, medlemmar, handlingar"
            inputProps={{ 'aria-label': 'Sök' }}
            sx={{ color: 'inherit', flex: 1, fontSize: 14, py: 0.5 }}
          />
        </Paper>
        {/* Placed under the field by CSS, not by popper.js: the first screen's JavaScript stays small. */}
        {open && query.trim() !== '' && (
          <Box sx={{ position: 'absolute', top: '100%', left: 0, zIndex: 1500, width: 520 }}>
            <Paper elevation={6} sx={{ mt: 0.5, maxHeight: 480, overflow: 'auto' }}>
              {error && <Typography sx={{ p: 2, color: 'error.main' }}>{error}</Typography>}
              {!error && hits.length === 0 && <Typography sx={{ p: 2, color: 'text.secondary' }}>Inga träffar.</Typography>}
              <List dense aria-label="Sökträffar">
                {hits.map((hit) => (
                  <ListItemButton key={`${hit.kind}-${hit.id}`} onClick={() => openHit(hit)}>
                    <ListItemText
                      primary={
                        <>
                          <Typography component="span" variant="caption" sx={{ color: 'text.secondary', mr: 1 }}>
                            {SEARCH_KIND_LABELS[hit.kind]}
                          </Typography>
                          {hit.title}
                          {hit.subtitle && (
                            <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 1 }}>
                              {hit.subtitle}
                            </Typography>
                          )}
                        </>
                      }
                      secondary={<Snippet text={hit.snippet} />}
                    />
                  </ListItemButton>
                ))}
              </List>
            </Paper>
          </Box>
        )}
      </div>
    </ClickAwayListener>
  );
}

import { useEffect, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { SearchHit } from '../../../../shared/contract/schemas/search';
import { call } from '../../api';

/** Picks a handling in the diarium as evidence, found by any word of its title or text. */
export function EvidencePicker({
  value,
  label,
  disabled,
  onChange,
}: {
  value: { id: number; title: string } | null;
  label: string;
  disabled?: boolean;
  onChange: (doc: { id: number; title: string } | null) => void;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  useEffect(() => {
    if (query.trim().length < 2) return;
    const t = setTimeout(() => {
      call('search.query', { query, kinds: ['document'], limit: 15 })
        .then((r) => setHits(r.hits))
        .catch(() => setHits([]));
    }, 150);
    return () => clearTimeout(t);
  }, [query]);
  const options = value && !hits.some((h) => h.id === value.id) ? [{ id: value.id, title: value.title }, ...hits] : hits;
  return (
    <Autocomplete
      size="small"
      disabled={disabled}
      options={options}
      value={value}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.title}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onInputChange={(_e, v) => setQuery(v)}
      onChange={(_e, v) => onChange(v ? { id: v.id, title: v.title } : null)}
      noOptionsText={query.trim().length < 2 ? 'Skriv minst två tecken' : 'Ingen handling hittades'}
      renderInput={(params) => <TextField {...params} label={label} />}
      sx={{ minWidth: 280 }}
    />
  );
}

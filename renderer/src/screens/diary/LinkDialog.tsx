import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { RecordLink } from '../../../../shared/contract/schemas/diarium';
import { call, errorMessage } from '../../api';
import { closeOnPurpose } from '../../components/closeOnPurpose';

type Kind = 'arende' | 'person' | 'member' | 'group';
const KINDS: { id: Kind; label: string }[] = [
  { id: 'arende', label: 'Ett annat ärende' },
  { id: 'person', label: 'En person' },
  { id: 'member', label: 'En medlem' },
  { id: 'group', label: 'En grupp' },
];

interface Option {
  id: number;
  label: string;
}

/** Links an ärende to another record, picked by searching for it. */
export function LinkDialog(props: { arendeId: number; onClose: () => void; onLinked: (l: RecordLink) => void }) {
  const [kind, setKind] = useState<Kind>('arende');
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const load: Promise<Option[]> =
        kind === 'group'
          ? call('groups.list', {}).then((gs) => gs.map((g) => ({ id: g.id, label: g.name })))
          : text.trim() === ''
            ? Promise.resolve([])
            : call('search.query', { query: text, kinds: [kind], limit: 20 }).then((r) =>
                r.hits
                  .filter((h) => !(kind === 'arende' && h.id === props.arendeId))
                  .map((h) => ({ id: h.id, label: h.subtitle ? `${h.title} (${h.subtitle})` : h.title })),
              );
      load.then((o) => current && setOptions(o)).catch((err: unknown) => current && setError(errorMessage(err)));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [kind, text, props.arendeId]);

  async function save() {
    if (!chosen) return;
    try {
      props.onLinked(await call('links.add', { arendeId: props.arendeId, targetKind: kind, targetId: chosen.id }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog open onClose={closeOnPurpose(props.onClose)} maxWidth="sm" fullWidth aria-labelledby="link-title">
      <DialogTitle id="link-title">Koppla ärendet</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          <TextField
            select
            label="Koppla till"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setChosen(null);
              setOptions([]);
            }}
          >
            {KINDS.map((k) => (
              <MenuItem key={k.id} value={k.id}>
                {k.label}
              </MenuItem>
            ))}
          </TextField>
          <Autocomplete
            options={options}
            value={chosen}
            onChange={(_e, v) => setChosen(v)}
            onInputChange={(_e, v) => setText(v)}
            filterOptions={(o) => o}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            noOptionsText={kind === 'group' ? 'Inga grupper' : 'Skriv för att söka'}
            renderInput={(params) => <TextField {...params} label="Sök" />}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Avbryt</Button>
        <Button variant="contained" onClick={() => void save()} disabled={!chosen}>
          Koppla
        </Button>
      </DialogActions>
    </Dialog>
  );
}

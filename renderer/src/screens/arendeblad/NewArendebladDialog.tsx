import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { ORGAN_OPTIONS, type Arendeblad, type TemplateInfo, type TemplateKey } from '../../../../shared/contract/schemas/arendeblad';
import { call, errorMessage } from '../../api';
import { DateField, SelectField } from '../../components/fields';
import { todayIso } from '../../components/text';
import { closeOnPurpose } from '../../components/closeOnPurpose';

/**
 * Nytt ärendeblad: pick a template, check the rubrik, and Kansli registers the
 * ärende in the diarium (or uses the one given) and opens the editor.
 */
export function NewArendebladDialog({ arendeId, onClose, onCreated }: { arendeId?: number; onClose(): void; onCreated(b: Arendeblad): void }) {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [template, setTemplate] = useState<TemplateKey>('tomt');
  const [rubrik, setRubrik] = useState('');
  const [organ, setOrgan] = useState<string>(ORGAN_OPTIONS[0]);
  const [datum, setDatum] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('arendeblad.templates', {})
      .then(setTemplates)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  function choose(t: TemplateInfo) {
    setTemplate(t.key);
    setRubrik(t.suggestedTitle);
  }

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const created = await call('arendeblad.create', { template, rubrik: rubrik.trim() || undefined, organ, datum, ...(arendeId ? { arendeId } : {}) });
      onCreated(created);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={closeOnPurpose(onClose)} maxWidth="md" fullWidth aria-labelledby="new-arendeblad-title">
      <DialogTitle id="new-arendeblad-title">Nytt ärendeblad</DialogTitle>
      <DialogContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ pt: 1 }}>
          <List dense sx={{ minWidth: 300, maxHeight: 420, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }} aria-label="Mallar">
            {(templates ?? []).map((t) => (
              <ListItemButton key={t.key} selected={t.key === template} onClick={() => choose(t)}>
                <ListItemText primary={t.label} secondary={t.description} />
              </ListItemButton>
            ))}
          </List>
          <Stack spacing={2} sx={{ flexGrow: 1 }}>
            <TextField label="Rubrik" value={rubrik} onChange={(e) => setRubrik(e.target.value)} helperText="Mallens förslag; ändra gärna." autoFocus />
            <SelectField label="Till" value={organ} onChange={(e) => setOrgan(e.target.value)} options={ORGAN_OPTIONS} />
            <DateField label="Datum" value={datum} onChange={(e) => setDatum(e.target.value)} />
            <Alert severity="info">
              {arendeId ? 'Ärendebladet skrivs i det valda ärendet.' : 'Ett nytt beslutsärende registreras i diariet med nästa lediga diarienummer.'} Fält inom
              «…» fyller du i själv.
            </Alert>
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Avbryt</Button>
        <Button variant="contained" onClick={() => void create()} disabled={busy || rubrik.trim() === ''}>
          {busy ? 'Skapar …' : 'Skapa ärendeblad'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

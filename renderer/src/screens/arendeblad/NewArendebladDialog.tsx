import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { ORGAN_OPTIONS, type Arendeblad, type TemplateInfo, type TemplateKey } from '../../../../shared/contract/schemas/arendeblad';
import { APPLICATION_TEMPLATES, type Application } from '../../../../shared/contract/schemas/insatser';
import { call, errorMessage } from '../../api';
import { DateField, SelectField } from '../../components/fields';
import { todayIso } from '../../components/text';
import { closeOnPurpose } from '../../components/closeOnPurpose';

/**
 * Nytt ärendeblad: pick a template, check the rubrik, and Kansli registers the
 * ärende in the diarium (or uses the one given) and opens the editor. "Beviljande av
 * ansökan" and "Tilläggsansökan" pick an open ansökan and are written in its ärende,
 * as "Skriv ärendeblad till styrelsen" on the ansökan does.
 */
export function NewArendebladDialog({ arendeId, onClose, onCreated }: { arendeId?: number; onClose(): void; onCreated(b: Arendeblad): void }) {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [template, setTemplate] = useState<TemplateKey>('tomt');
  const [rubrik, setRubrik] = useState('');
  const [organ, setOrgan] = useState<string>(ORGAN_OPTIONS[0]);
  const [datum, setDatum] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [applications, setApplications] = useState<Application[] | null>(null);
  const [applicationId, setApplicationId] = useState<string>('');
  // "Beviljande av ansökan" and "Tilläggsansökan" are written from an open ansökan of their kind.
  const forApplication = Object.values(APPLICATION_TEMPLATES).some((t) => t === template);
  const choosable = forApplication
    ? (applications ?? []).filter((a) => (a.status === 'inkommen' || a.status === 'under_beredning') && APPLICATION_TEMPLATES[a.kind] === template)
    : [];
  const picked = choosable.find((a) => String(a.id) === applicationId) ?? null;

  useEffect(() => {
    if (!forApplication || applications !== null) return;
    call('insatser.applications', {})
      .then(setApplications)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [forApplication, applications]);

  useEffect(() => {
    call('arendeblad.templates', {})
      .then(setTemplates)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  function choose(t: TemplateInfo) {
    setTemplate(t.key);
    setRubrik(t.suggestedTitle);
    setApplicationId('');
  }

  async function create() {
    setBusy(true);
    setError(null);
    try {
      if (picked) {
        // Written from the ansökan, in its ärende; the editor then holds the rest.
        const a = picked.arendebladId !== null ? picked : await call('insatser.proposal', { id: picked.id, outcome: 'bifall', granted: [], reason: '', datum });
        if (a.arendebladId === null) throw new Error('Ärendebladet kunde inte skrivas.');
        onCreated(await call('arendeblad.get', { id: a.arendebladId }));
        return;
      }
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
              <ListItem key={t.key} disablePadding>
                <ListItemButton selected={t.key === template} onClick={() => choose(t)}>
                  <ListItemText primary={t.label} secondary={t.description} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
          <Stack spacing={2} sx={{ flexGrow: 1 }}>
            {forApplication && (
              <SelectField
                label="Ansökan"
                value={applicationId}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                onChange={(e) => {
                  setApplicationId(e.target.value);
                  const a = choosable.find((x) => String(x.id) === e.target.value);
                  if (a) setRubrik(a.name);
                }}
                options={[
                  { value: '', label: 'Ingen – fyll i själv' },
                  ...choosable.map((a) => ({
                    value: String(a.id),
                    label: `${a.diarienummer} ${a.name}${a.arendebladId !== null ? ' (ärendeblad finns)' : ''}`,
                  })),
                ]}
                helperText={
                  applications === null
                    ? 'Läser in ansökningarna …'
                    : choosable.length === 0
                      ? 'Det finns ingen obeslutad ansökan av det slaget.'
                      : 'Ärendebladet skrivs i ansökans ärende med dess parter, mål och belopp.'
                }
              />
            )}
            <TextField
              label="Rubrik"
              value={rubrik}
              disabled={picked !== null}
              onChange={(e) => setRubrik(e.target.value)}
              helperText={picked ? 'Ansökans namn.' : 'Mallens förslag; ändra gärna.'}
              autoFocus
            />
            <SelectField label="Till" disabled={picked !== null} value={organ} onChange={(e) => setOrgan(e.target.value)} options={ORGAN_OPTIONS} />
            <DateField label="Datum" value={datum} onChange={(e) => setDatum(e.target.value)} />
            <Alert severity="info">
              {picked
                ? `Ärendebladet skrivs i ansökans ärende ${picked.diarienummer}.`
                : arendeId
                  ? 'Ärendebladet skrivs i det valda ärendet.'
                  : 'Ett nytt beslutsärende registreras i diariet med nästa lediga diarienummer.'}{' '}
              Fält inom «…» fyller du i själv.
            </Alert>
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Avbryt</Button>
        <Button variant="contained" onClick={() => void create()} disabled={busy || rubrik.trim() === ''}>
          {busy ? 'Skapar …' : picked?.arendebladId ? 'Öppna ärendebladet' : 'Skapa ärendeblad'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { seriesStartInput } from '../../../../shared/contract/schemas/diarium';
import { call, errorMessage } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSaveForm } from '../../components/useSaveForm';
import { useApp } from '../../store/app';

/**
 * Diariets nummerserie: the next diarienummer of the year, and — for a förbund that began
 * the year in another register — the löpnummer the series continues from, given once.
 */
export function DiarySeriesSection() {
  const notify = useApp((s) => s.notify);
  const year = new Date().getFullYear();
  const [next, setNext] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [asking, setAsking] = useState(false);
  const { errors, formError, saving, submit, dialogs } = useSaveForm(seriesStartInput);

  useEffect(() => {
    call('arenden.nextNumber', { year })
      .then((r) => setNext(r.diarienummer))
      .catch((err: unknown) => setLoadError(errorMessage(err)));
  }, [year]);

  const wanted = typed.trim() === '' ? NaN : Number(typed.trim());

  async function save() {
    setAsking(false);
    const saved = await submit({ year, next: wanted }, (input) => call('arenden.startSeries', input));
    if (saved) {
      setNext(saved.diarienummer);
      setTyped('');
      notify('success', `Nästa ärende får diarienummer ${saved.diarienummer}.`);
    }
  }

  return (
    <Paper sx={{ p: 3, maxWidth: 640 }} component="section" aria-labelledby="diary-series-title">
      <Typography variant="h2" id="diary-series-title" sx={{ mb: 1 }}>
        Diariets nummerserie {year}
      </Typography>
      {loadError && <Alert severity="error">{loadError}</Alert>}
      <Typography sx={{ mb: 2 }}>
        Nästa ärende får diarienummer <strong>{next ?? '…'}</strong>. Började året i ett annat diarium, skriv det löpnummer serien ska fortsätta från; numren
        före räknas som tagna och ges aldrig ut här.
      </Typography>
      {formError && !errors.next && <Alert severity="error">{formError}</Alert>}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="Nästa löpnummer"
          value={typed}
          onChange={(e) => setTyped(e.target.value.replace(/\D/g, '').slice(0, 5))}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          error={!!errors.next}
          helperText={errors.next ?? 'T.ex. 46 om 2026/045 var det sista numret i det gamla diariet.'}
          sx={{ width: 300 }}
        />
        <Button variant="outlined" disabled={saving || !Number.isInteger(wanted)} onClick={() => setAsking(true)} sx={{ mt: 1 }}>
          Fortsätt serien härifrån
        </Button>
      </Stack>
      <ConfirmDialog
        open={asking}
        title="Fortsätta årets nummerserie?"
        text={`Numren före löpnummer ${typed} i ${year} räknas som tagna. Serien går aldrig tillbaka, så det kan inte ångras.`}
        confirmLabel="Fortsätt serien"
        confirmColor="primary"
        onCancel={() => setAsking(false)}
        onConfirm={() => void save()}
      />
      {dialogs}
    </Paper>
  );
}

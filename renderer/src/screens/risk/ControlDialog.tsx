import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { controlSaveInput, DEFAULT_PROCESSES, type ControlView, type PlanView, type RiskYearView } from '../../../../shared/contract/schemas/risk';
import { FREKVENS_LABELS, FREKVENSER, METOD_LABELS, METODER, type Frekvens, type Metod } from '../../../../shared/domain/risk';
import { call } from '../../api';
import { useSaveForm } from '../../components/useSaveForm';
import { closeOnPurpose } from '../../components/closeOnPurpose';

/** A kontrollmoment: the risk it answers, metod, frekvens, ansvarig, reporting, and what each checklist asks. */
export function ControlDialog({
  year,
  risks,
  control,
  onClose,
  onSaved,
}: {
  year: number;
  risks: RiskYearView;
  control: ControlView | null;
  onClose: () => void;
  onSaved: (p: PlanView) => void;
}) {
  const [f, setF] = useState({
    process: control?.process ?? 'Ekonomi/budget',
    moment: control?.moment ?? '',
    riskId: control?.riskId ?? null,
    metod: (control?.metod ?? 'stickprov') as Metod,
    frekvens: (control?.frekvens ?? 'kvartal') as Frekvens,
    ansvarig: control?.ansvarig ?? '',
    rapportTill: control?.rapportTill ?? 'Förbundsstyrelsen',
    rapportNar: control?.rapportNar ?? 'Delårsrapport och årsredovisning',
    checklist: (control?.checklist ?? []).join('\n'),
  });
  const { errors, formError, saving, submit, dialogs } = useSaveForm(controlSaveInput);
  const processes = [...new Set([...DEFAULT_PROCESSES, ...risks.risks.map((r) => r.process)])];

  async function save() {
    const input = {
      id: control?.id,
      year,
      ...f,
      checklist: f.checklist
        .split('\n')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    };
    const saved = await submit(input, (i) => call('controls.save', i));
    if (saved) onSaved(saved);
  }

  return (
    <Dialog open onClose={closeOnPurpose(onClose)} maxWidth="sm" fullWidth aria-labelledby="control-title">
      <DialogTitle id="control-title">{control ? 'Kontrollmoment' : 'Nytt kontrollmoment'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select label="Process/område" value={f.process} onChange={(e) => setF({ ...f, process: e.target.value })}>
            {processes.map((p) => (
              <MenuItem key={p} value={p}>
                {p}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Kontrollmoment"
            value={f.moment}
            onChange={(e) => setF({ ...f, moment: e.target.value })}
            error={!!errors.moment}
            helperText={errors.moment ?? 'Skrivs som en sats: ”fakturor följer ingångna avtal”.'}
          />
          <TextField
            select
            label="Risk"
            value={f.riskId ?? ''}
            onChange={(e) => setF({ ...f, riskId: e.target.value === '' ? null : Number(e.target.value) })}
            error={!!errors.riskId}
            helperText={errors.riskId}
          >
            <MenuItem value="">Välj …</MenuItem>
            {risks.risks.map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {r.code} {r.title}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={2}>
            <TextField select fullWidth label="Kontrollmetod" value={f.metod} onChange={(e) => setF({ ...f, metod: e.target.value as Metod })}>
              {METODER.map((m) => (
                <MenuItem key={m} value={m}>
                  {METOD_LABELS[m]}
                </MenuItem>
              ))}
            </TextField>
            <TextField select fullWidth label="Frekvens" value={f.frekvens} onChange={(e) => setF({ ...f, frekvens: e.target.value as Frekvens })}>
              {FREKVENSER.map((m) => (
                <MenuItem key={m} value={m}>
                  {FREKVENS_LABELS[m]}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <TextField
            label="Ansvarig"
            value={f.ansvarig}
            onChange={(e) => setF({ ...f, ansvarig: e.target.value })}
            error={!!errors.ansvarig}
            helperText={errors.ansvarig}
          />
          <Stack direction="row" spacing={2}>
            <TextField fullWidth label="Rapporteras till" value={f.rapportTill} onChange={(e) => setF({ ...f, rapportTill: e.target.value })} />
            <TextField fullWidth label="När" value={f.rapportNar} onChange={(e) => setF({ ...f, rapportNar: e.target.value })} />
          </Stack>
          <TextField
            label="Att kontrollera (en punkt per rad)"
            value={f.checklist}
            onChange={(e) => setF({ ...f, checklist: e.target.value })}
            multiline
            minRows={3}
            error={!!errors.checklist}
            helperText={errors.checklist ?? 'Blir checklistan vid varje kontrolltillfälle.'}
          />
          {formError && <Alert severity="error">{formError}</Alert>}
        </Stack>
        {dialogs}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Avbryt</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          Spara
        </Button>
      </DialogActions>
    </Dialog>
  );
}

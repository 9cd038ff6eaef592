import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  DEFAULT_PROCESSES,
  HANTERING_LABELS,
  HANTERINGAR,
  riskSaveInput,
  type Hantering,
  type RiskView,
  type RiskYearView,
} from '../../../../shared/contract/schemas/risk';
import { levelOf, riskvarde } from '../../../../shared/domain/risk';
import { call } from '../../api';
import { useSaveForm } from '../../components/useSaveForm';
import { closeOnPurpose } from '../../components/closeOnPurpose';

/** A risk: process, what could happen, why, sannolikhet and konsekvens in the scale's words, owner and the one decided hantering. */
export function RiskDialog({
  year,
  analysis,
  risk,
  onClose,
  onSaved,
}: {
  year: number;
  analysis: RiskYearView;
  risk: RiskView | null;
  onClose: () => void;
  onSaved: (a: RiskYearView) => void;
}) {
  const [f, setF] = useState({
    process: 'Ekonomi/budget',
    title: '',
    orsak: '',
    sannolikhet: 2,
    konsekvens: 2,
    owner: '',
    hantering: 'kontroll' as Hantering,
    hanteringText: '',
  });
  const { errors, formError, saving, submit, dialogs } = useSaveForm(riskSaveInput);
  useEffect(() => {
    if (risk)
      setF({
        process: risk.process,
        title: risk.title,
        orsak: risk.orsak ?? '',
        sannolikhet: risk.sannolikhet,
        konsekvens: risk.konsekvens,
        owner: risk.owner,
        hantering: risk.hantering,
        hanteringText: risk.hanteringText ?? '',
      });
  }, [risk]);
  const { scale } = analysis;
  const value = riskvarde(f.sannolikhet, f.konsekvens);
  const level = levelOf(value, scale);
  const processes = [...new Set([...DEFAULT_PROCESSES, ...analysis.risks.map((r) => r.process)])];

  async function save() {
    const saved = await submit({ id: risk?.id, year, ...f, orsak: f.orsak, hanteringText: f.hanteringText }, (input) => call('risks.save', input));
    if (saved) onSaved(saved);
  }

  return (
    <Dialog open onClose={closeOnPurpose(onClose)} maxWidth="sm" fullWidth aria-labelledby="risk-title">
      <DialogTitle id="risk-title">{risk ? `Risk ${risk.code}` : 'Ny risk'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            select
            label="Process/område"
            value={f.process}
            onChange={(e) => setF({ ...f, process: e.target.value })}
            error={!!errors.process}
            helperText={errors.process}
          >
            {processes.map((p) => (
              <MenuItem key={p} value={p}>
                {p}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Risk"
            value={f.title}
            onChange={(e) => setF({ ...f, title: e.target.value })}
            error={!!errors.title}
            helperText={errors.title ?? 'Vad skulle kunna hindra förbundet att nå sina mål?'}
          />
          <TextField label="Orsak" value={f.orsak} onChange={(e) => setF({ ...f, orsak: e.target.value })} multiline minRows={2} />
          <Stack direction="row" spacing={2}>
            <TextField
              select
              fullWidth
              label="Sannolikhet"
              value={f.sannolikhet}
              onChange={(e) => setF({ ...f, sannolikhet: Number(e.target.value) })}
              error={!!errors.sannolikhet}
              helperText={errors.sannolikhet}
            >
              {scale.sannolikhet.map((w, i) => (
                <MenuItem key={w} value={i + 1}>
                  {i + 1} – {w}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              fullWidth
              label="Konsekvens"
              value={f.konsekvens}
              onChange={(e) => setF({ ...f, konsekvens: Number(e.target.value) })}
              error={!!errors.konsekvens}
              helperText={errors.konsekvens}
            >
              {scale.konsekvens.map((w, i) => (
                <MenuItem key={w} value={i + 1}>
                  {i + 1} – {w}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Typography>
            Riskvärde <strong>{value}</strong> – <span style={{ background: level.color, padding: '1px 6px', borderRadius: 4 }}>{level.label}</span>
            {risk?.previous && ` (${risk.previous.year}: ${risk.previous.value})`}
          </Typography>
          <TextField
            label="Riskägare"
            value={f.owner}
            onChange={(e) => setF({ ...f, owner: e.target.value })}
            error={!!errors.owner}
            helperText={errors.owner}
          />
          <TextField select label="Hantering" value={f.hantering} onChange={(e) => setF({ ...f, hantering: e.target.value as Hantering })}>
            {HANTERINGAR.map((h) => (
              <MenuItem key={h} value={h}>
                {HANTERING_LABELS[h]}
              </MenuItem>
            ))}
          </TextField>
          {f.hantering !== 'kontroll' && (
            <TextField
              label={f.hantering === 'accepterad' ? 'Skäl till att risken accepteras' : 'Åtgärd'}
              value={f.hanteringText}
              onChange={(e) => setF({ ...f, hanteringText: e.target.value })}
              multiline
              minRows={2}
              error={!!errors.hanteringText}
              helperText={errors.hanteringText}
            />
          )}
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

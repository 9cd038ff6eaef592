import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { periodSaveInput, type MandatePeriod } from '../../../../shared/contract/schemas/board';
import { call } from '../../api';
import { AuditHistoryButton } from '../../components/AuditHistory';
import { useSaveForm } from '../../components/useSaveForm';
import { DateField } from '../people/common';
import { closeOnPurpose } from '../../components/closeOnPurpose';

interface Draft {
  startsOn: string;
  endsOn: string;
  label: string;
}

/** A new term follows the last one: four years from the day after it ended (mandatperioder are four years). */
function suggestNext(latest: MandatePeriod | null): Draft {
  if (latest === null) {
    const year = new Date().getFullYear();
    return { startsOn: `${year}-01-01`, endsOn: `${year + 3}-12-31`, label: '' };
  }
  const endYear = Number(latest.endsOn.slice(0, 4));
  return { startsOn: `${endYear + 1}-01-01`, endsOn: `${endYear + 4}-12-31`, label: '' };
}

export function PeriodDialog(props: {
  period: MandatePeriod | null;
  latest: MandatePeriod | null;
  onClose: () => void;
  onSaved: (p: MandatePeriod) => void;
  onRemove: (p: MandatePeriod) => void;
}) {
  const isNew = props.period === null;
  const [draft, setDraft] = useState<Draft>(() =>
    props.period ? { startsOn: props.period.startsOn, endsOn: props.period.endsOn, label: props.period.label } : suggestNext(props.latest),
  );
  const { errors, formError, saving, submit, dialogs } = useSaveForm(periodSaveInput);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function save() {
    const input = { ...(props.period ? { id: props.period.id } : {}), ...draft };
    const saved = await submit(input, (i) => call('periods.save', i));
    if (saved) props.onSaved(saved);
  }

  return (
    <Dialog open onClose={closeOnPurpose(saving ? undefined : props.onClose)} fullWidth maxWidth="xs" aria-labelledby="period-dialog-title">
      <DialogTitle id="period-dialog-title">{isNew ? 'Ny mandatperiod' : `Mandatperiod ${props.period?.label ?? ''}`}</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          spacing={2}
          sx={{ mt: 1 }}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {formError && <Alert severity="error">{formError}</Alert>}
          {isNew && (
            <Typography variant="body2" color="text.secondary">
              Ledamöter och ersättare utses för en mandatperiod. Den nya perioden börjar tom; lägg sedan till styrelsen.
            </Typography>
          )}
          <DateField
            label="Från"
            required
            value={draft.startsOn}
            onChange={(e) => update({ startsOn: e.target.value })}
            error={!!errors.startsOn}
            helperText={errors.startsOn}
          />
          <DateField
            label="Till"
            required
            value={draft.endsOn}
            onChange={(e) => update({ endsOn: e.target.value })}
            error={!!errors.endsOn}
            helperText={errors.endsOn}
          />
          <TextField
            label="Benämning"
            value={draft.label}
            onChange={(e) => update({ label: e.target.value })}
            error={!!errors.label}
            helperText={errors.label ?? 'Lämna tomt för årtalen, t.ex. 2023–2026'}
          />
          <button type="submit" hidden />
        </Stack>
        {dialogs}
      </DialogContent>
      <DialogActions>
        {props.period && (
          <Stack direction="row" spacing={1} sx={{ mr: 'auto' }}>
            <AuditHistoryButton entity="mandate_period" entityId={props.period.id} title={`mandatperiod ${props.period.label}`} />
            {props.period.appointments === 0 && (
              <Button color="error" startIcon={<DeleteOutline />} onClick={() => props.period && props.onRemove(props.period)} disabled={saving}>
                Ta bort
              </Button>
            )}
          </Stack>
        )}
        <Button onClick={props.onClose} disabled={saving}>
          Avbryt
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {saving ? 'Sparar …' : 'Spara'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

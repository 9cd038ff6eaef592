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
import {
  ARENDE_KINDS,
  ARENDE_KIND_LABELS,
  ARENDE_STATUSES,
  ARENDE_STATUS_LABELS,
  arendeSaveInput,
  type Arende,
  type ArendeKind,
  type ArendeStatus,
} from '../../../../shared/contract/schemas/diarium';
import { call } from '../../api';
import { useSaveForm } from '../../components/useSaveForm';
import { personalDataHint } from '../../components/PersonalDataDialog';
import { DateField, todayIso } from '../people/common';
import { closeOnPurpose } from '../../components/closeOnPurpose';

interface Draft {
  title: string;
  kind: ArendeKind;
  status: ArendeStatus;
  receivedOn: string;
  decidedOn: string;
  handlaggare: string;
  description: string;
}

function toDraft(a: Arende | null): Draft {
  if (!a) return { title: '', kind: 'inkommande', status: 'oppet', receivedOn: todayIso(), decidedOn: '', handlaggare: '', description: '' };
  return {
    title: a.title,
    kind: a.kind,
    status: a.status,
    receivedOn: a.receivedOn ?? '',
    decidedOn: a.decidedOn ?? '',
    handlaggare: a.handlaggare ?? '',
    description: a.description ?? '',
  };
}

/** Registers a new ärende (the next number of its year) or edits one; the number itself never changes. */
export function ArendeDialog(props: { arende: Arende | null; open: boolean; onClose: () => void; onSaved: (a: Arende) => void }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(props.arende));
  const [next, setNext] = useState<string | null>(null);
  const { errors, formError, saving, submit, dialogs } = useSaveForm(arendeSaveInput);
  const isNew = props.arende === null;
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const year = /^\d{4}/.test(draft.receivedOn) ? Number(draft.receivedOn.slice(0, 4)) : new Date().getFullYear();

  useEffect(() => {
    if (!isNew) return;
    call('arenden.nextNumber', { year })
      .then((r) => setNext(r.diarienummer))
      .catch(() => setNext(null));
  }, [isNew, year]);

  async function save() {
    const input = {
      ...(props.arende ? { id: props.arende.id } : {}),
      title: draft.title,
      kind: draft.kind,
      status: draft.status,
      receivedOn: draft.receivedOn,
      decidedOn: draft.decidedOn,
      handlaggare: draft.handlaggare,
      description: draft.description,
    };
    const saved = await submit(input, (i) => call('arenden.save', i));
    if (saved) props.onSaved(saved);
  }

  return (
    <Dialog open={props.open} onClose={closeOnPurpose(props.onClose)} maxWidth="sm" fullWidth aria-labelledby="arende-dialog-title">
      <DialogTitle id="arende-dialog-title">{isNew ? 'Nytt ärende' : `Ärende ${props.arende?.diarienummer ?? ''}`}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {isNew && next && <Alert severity="info">Får diarienummer {next} när det sparas.</Alert>}
          {formError && <Alert severity="error">{formError}</Alert>}
          <TextField
            label="Rubrik"
            value={draft.title}
            onChange={(e) => update({ title: e.target.value })}
            error={!!errors.title}
            helperText={errors.title ?? personalDataHint(draft.title)}
            required
            autoFocus
          />
          <Stack direction="row" spacing={2}>
            <TextField select label="Typ" value={draft.kind} onChange={(e) => update({ kind: e.target.value as ArendeKind })} sx={{ flex: 1 }}>
              {ARENDE_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {ARENDE_KIND_LABELS[k]}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label="Status" value={draft.status} onChange={(e) => update({ status: e.target.value as ArendeStatus })} sx={{ flex: 1 }}>
              {ARENDE_STATUSES.map((s) => (
                <MenuItem key={s} value={s}>
                  {ARENDE_STATUS_LABELS[s]}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Stack direction="row" spacing={2}>
            <DateField
              label="Inkom"
              value={draft.receivedOn}
              onChange={(e) => update({ receivedOn: e.target.value })}
              error={!!errors.receivedOn}
              helperText={errors.receivedOn}
              sx={{ flex: 1 }}
            />
            <DateField
              label="Beslutsdatum"
              value={draft.decidedOn}
              onChange={(e) => update({ decidedOn: e.target.value })}
              error={!!errors.decidedOn}
              helperText={errors.decidedOn}
              sx={{ flex: 1 }}
            />
          </Stack>
          <TextField
            label="Handläggare"
            value={draft.handlaggare}
            onChange={(e) => update({ handlaggare: e.target.value })}
            error={!!errors.handlaggare}
            helperText={errors.handlaggare}
          />
          <TextField
            label="Beskrivning"
            value={draft.description}
            onChange={(e) => update({ description: e.target.value })}
            error={!!errors.description}
            helperText={errors.description ?? personalDataHint(draft.description)}
            multiline
            minRows={3}
          />
        </Stack>
        {dialogs}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Avbryt</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {isNew ? 'Registrera' : 'Spara'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

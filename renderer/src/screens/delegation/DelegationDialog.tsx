import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { delegationSaveInput, type Delegation } from '../../../../shared/contract/schemas/delegation';
import type { Person } from '../../../../shared/contract/schemas/board';
import type { MethodInput } from '../../../../shared/contract/methods';
import { formatInteger } from '../../../../shared/format/sv';
import { call } from '../../api';
import { AuditHistoryButton } from '../../components/AuditHistory';
import { personalDataHint } from '../../components/PersonalDataDialog';
import { useSaveForm } from '../../components/useSaveForm';
import { DateField, KronorField, parseKronor, todayIso } from '../people/common';
import { closeOnPurpose } from '../../components/closeOnPurpose';

interface Draft {
  code: string;
  matter: string;
  delegate: string;
  personId: number | null;
  limit: string;
  validFrom: string;
  validTo: string;
  reportToBoard: boolean;
  notes: string;
}

function toDraft(d: Delegation | null): Draft {
  if (d === null)
    return { code: '', matter: '', delegate: 'Förbundschef', personId: null, limit: '', validFrom: todayIso(), validTo: '', reportToBoard: true, notes: '' };
  return {
    code: d.code,
    matter: d.matter,
    delegate: d.delegate,
    personId: d.personId,
    limit: d.limitKr === null ? '' : formatInteger(d.limitKr),
    validFrom: d.validFrom,
    validTo: d.validTo ?? '',
    reportToBoard: d.reportToBoard,
    notes: d.notes ?? '',
  };
}

function toInput(d: Draft, id: number | undefined): MethodInput<'delegations.save'> {
  return {
    ...(id === undefined ? {} : { id }),
    code: d.code,
    matter: d.matter,
    delegate: d.delegate,
    personId: d.personId,
    // A typed text that is not whole kronor goes as it is, so the schema can say so at the field.
    limitKr: parseKronor(d.limit) as number | null,
    validFrom: d.validFrom,
    validTo: d.validTo,
    reportToBoard: d.reportToBoard,
    notes: d.notes,
  };
}

/** One point of the delegationsordning: what may be decided, by whom, up to which amount. */
export function DelegationDialog(props: {
  delegation: Delegation | null;
  people: Person[];
  onClose: () => void;
  onSaved: (d: Delegation) => void;
  onRemove: (d: Delegation) => void;
}) {
  const { delegation } = props;
  const [draft, setDraft] = useState<Draft>(() => toDraft(delegation));
  const { errors, formError, saving, submit, dialogs } = useSaveForm(delegationSaveInput);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const notesHint = personalDataHint(draft.notes);
  const matterHint = personalDataHint(draft.matter);
  const fieldMessages = new Set(Object.values(errors));

  async function save() {
    const saved = await submit(toInput(draft, delegation?.id), (input) => call('delegations.save', input));
    if (saved) props.onSaved(saved);
  }

  return (
    <Dialog open onClose={closeOnPurpose(saving ? undefined : props.onClose)} fullWidth maxWidth="sm" aria-labelledby="delegation-dialog-title">
      <DialogTitle id="delegation-dialog-title">
        {delegation ? `Punkt ${delegation.code} i delegationsordningen` : 'Ny punkt i delegationsordningen'}
      </DialogTitle>
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
          {formError && !fieldMessages.has(formError) && <Alert severity="error">{formError}</Alert>}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label="Punkt"
              required
              autoFocus={!delegation}
              value={draft.code}
              onChange={(e) => update({ code: e.target.value })}
              error={!!errors.code}
              helperText={errors.code ?? 'T.ex. 3.1'}
              sx={{ width: { xs: '100%', sm: 140 } }}
            />
            <Autocomplete<Person, false, false, true>
              freeSolo
              fullWidth
              options={props.people}
              getOptionLabel={(o) => (typeof o === 'string' ? o : o.name)}
              inputValue={draft.delegate}
              onInputChange={(_e, value, reason) => {
                if (reason !== 'input' && reason !== 'clear') return;
                // Typing another name breaks the link to the person in the register.
                const linked = props.people.find((p) => p.id === draft.personId);
                update({ delegate: value, personId: linked && linked.name === value ? linked.id : null });
              }}
              onChange={(_e, value) => {
                if (value !== null && typeof value !== 'string') update({ delegate: value.name, personId: value.id });
              }}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="Delegat"
                  required
                  error={!!errors.delegate}
                  helperText={errors.delegate ?? 'En befattning (Förbundschef) eller en person ur registret'}
                />
              )}
            />
          </Stack>
          <TextField
            label="Ärende/beslutstyp"
            required
            multiline
            minRows={2}
            value={draft.matter}
            onChange={(e) => update({ matter: e.target.value })}
            error={!!errors.matter}
            helperText={errors.matter ?? matterHint ?? 'T.ex. Beslut om medel till förstudie eller kompetenshöjande insats'}
            slotProps={{ formHelperText: { sx: matterHint && !errors.matter ? { color: 'warning.dark' } : undefined } }}
          />
          <KronorField
            label="Beloppsgräns"
            value={draft.limit}
            onChange={(e) => update({ limit: e.target.value })}
            error={!!errors.limitKr}
            helperText={errors.limitKr ?? 'Högsta belopp per beslut i hela kronor. Lämna tomt om delegationen saknar beloppsgräns.'}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <DateField
              label="Gäller från"
              required
              fullWidth
              value={draft.validFrom}
              onChange={(e) => update({ validFrom: e.target.value })}
              error={!!errors.validFrom}
              helperText={errors.validFrom ?? 'Dagen styrelsen beslutade delegationen'}
            />
            <DateField
              label="Gäller till"
              fullWidth
              value={draft.validTo}
              onChange={(e) => update({ validTo: e.target.value })}
              error={!!errors.validTo}
              helperText={errors.validTo ?? 'Lämna tomt tills vidare'}
            />
          </Stack>
          <FormControlLabel
            control={<Checkbox checked={draft.reportToBoard} onChange={(e) => update({ reportToBoard: e.target.checked })} />}
            label="Besluten anmäls till styrelsen"
          />
          <TextField
            label="Anteckning"
            multiline
            minRows={2}
            value={draft.notes}
            onChange={(e) => update({ notes: e.target.value })}
            error={!!errors.notes}
            helperText={errors.notes ?? notesHint ?? undefined}
            slotProps={{ formHelperText: { sx: notesHint && !errors.notes ? { color: 'warning.dark' } : undefined } }}
          />
          <button type="submit" hidden />
        </Stack>
        {dialogs}
      </DialogContent>
      <DialogActions>
        {delegation && (
          <Stack direction="row" spacing={1} sx={{ mr: 'auto' }}>
            <AuditHistoryButton entity="delegation" entityId={delegation.id} title={`punkt ${delegation.code}`} />
            <Button color="error" startIcon={<DeleteOutline />} onClick={() => props.onRemove(delegation)} disabled={saving}>
              Ta bort
            </Button>
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

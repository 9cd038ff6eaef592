import Autocomplete from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { delegationSaveInput, type Delegation } from '../../../../shared/contract/schemas/delegation';
import type { Person } from '../../../../shared/contract/schemas/board';
import type { MethodInput } from '../../../../shared/contract/methods';
import { formatInteger } from '../../../../shared/format/sv';
import { call } from '../../api';
import { DateField, FreeTextField, KronorField } from '../../components/fields';
import { parseKronor, todayIso } from '../../components/text';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';

interface Draft {
  code: string;
  matter: string;
  delegate: string;
  personId: number | null;
  limitKr: string;
  validFrom: string;
  validTo: string;
  reportToBoard: boolean;
  notes: string;
}

function toDraft(d: Delegation | null): Draft {
  if (d === null)
    return { code: '', matter: '', delegate: 'Förbundschef', personId: null, limitKr: '', validFrom: todayIso(), validTo: '', reportToBoard: true, notes: '' };
  return {
    code: d.code,
    matter: d.matter,
    delegate: d.delegate,
    personId: d.personId,
    limitKr: d.limitKr === null ? '' : formatInteger(d.limitKr),
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
    limitKr: parseKronor(d.limitKr) as number | null,
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
  const form = useRecordForm(delegationSaveInput, () => toDraft(delegation));
  const { draft, update, bind, errors } = form;

  async function save() {
    const saved = await form.submit(toInput(draft, delegation?.id), (input) => call('delegations.save', input));
    if (saved) props.onSaved(saved);
  }

  return (
    <RecordDialog
      id="delegation-dialog"
      title={delegation ? `Punkt ${delegation.code} i delegationsordningen` : 'Ny punkt i delegationsordningen'}
      form={form}
      onSave={() => void save()}
      onClose={props.onClose}
      record={delegation && { entity: 'delegation', entityId: delegation.id, title: `punkt ${delegation.code}`, onRemove: () => props.onRemove(delegation) }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label="Punkt" required autoFocus={!delegation} {...bind('code', 'T.ex. 3.1')} sx={{ width: { xs: '100%', sm: 140 } }} />
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
      <FreeTextField
        label="Ärende/beslutstyp"
        required
        multiline
        minRows={2}
        {...bind('matter', 'T.ex. Beslut om medel till förstudie eller kompetenshöjande insats')}
      />
      <KronorField label="Beloppsgräns" {...bind('limitKr', 'Högsta belopp per beslut i hela kronor. Lämna tomt om delegationen saknar beloppsgräns.')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateField label="Gäller från" required fullWidth {...bind('validFrom', 'Dagen styrelsen beslutade delegationen')} />
        <DateField label="Gäller till" fullWidth {...bind('validTo', 'Lämna tomt tills vidare')} />
      </Stack>
      <FormControlLabel
        control={<Checkbox checked={draft.reportToBoard} onChange={(e) => update({ reportToBoard: e.target.checked })} />}
        label="Besluten anmäls till styrelsen"
      />
      <FreeTextField label="Anteckning" multiline minRows={2} {...bind('notes')} />
    </RecordDialog>
  );
}

import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  BOARD_ROLES,
  BOARD_ROLE_LABELS,
  SEAT_LABELS,
  boardSaveInput,
  type BoardAppointment,
  type BoardRole,
  type MandatePeriod,
  type Person,
  type Seat,
} from '../../../../shared/contract/schemas/board';
import type { MethodInput } from '../../../../shared/contract/methods';
import type { Member } from '../../../../shared/contract/schemas/members';
import { call } from '../../api';
import { DateField } from '../../components/fields';
import { personLabel } from '../../components/text';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';

interface Draft {
  memberId: number | '';
  seat: Seat;
  role: BoardRole | '';
  startsOn: string;
  endsOn: string;
  /** The person from the register whose details are edited, or null for a new person. */
  personId: number | null;
  name: string;
  party: string;
  title: string;
  organisation: string;
  email: string;
  phone: string;
  notes: string;
}

const EMPTY_PERSON = { personId: null, name: '', party: '', title: '', organisation: '', email: '', phone: '', notes: '' } as const;

function personDraft(
  p: Omit<Person, 'usedIn' | 'createdAt' | 'updatedAt'>,
): Pick<Draft, 'personId' | 'name' | 'party' | 'title' | 'organisation' | 'email' | 'phone' | 'notes'> {
  return {
    personId: p.id,
    name: p.name,
    party: p.party ?? '',
    title: p.title ?? '',
    organisation: p.organisation ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    notes: p.notes ?? '',
  };
}

function toDraft(a: BoardAppointment | null, period: MandatePeriod, preset: { memberId?: number; seat?: Seat }): Draft {
  if (a === null) {
    return { memberId: preset.memberId ?? '', seat: preset.seat ?? 'ordinarie', role: '', startsOn: period.startsOn, endsOn: period.endsOn, ...EMPTY_PERSON };
  }
  return { memberId: a.memberId, seat: a.seat, role: a.role ?? '', startsOn: a.startsOn, endsOn: a.endsOn, ...personDraft(a.person) };
}

function toInput(d: Draft, id: number | undefined, period: MandatePeriod): MethodInput<'board.save'> {
  return {
    ...(id === undefined ? {} : { id }),
    periodId: period.id,
    memberId: d.memberId === '' ? 0 : d.memberId,
    seat: d.seat,
    role: d.seat === 'ordinarie' && d.role !== '' ? d.role : null,
    // The period's own first and last day are the default: sent as "not set".
    startsOn: d.startsOn.trim() === period.startsOn ? null : d.startsOn,
    endsOn: d.endsOn.trim() === period.endsOn ? null : d.endsOn,
    person: {
      ...(d.personId === null ? {} : { id: d.personId }),
      name: d.name,
      party: d.party,
      title: d.title,
      organisation: d.organisation,
      email: d.email,
      phone: d.phone,
      notes: d.notes,
    },
  };
}

/** Add or edit one seat on the board: member organisation, ordinarie/ersättare, role, the person and the dates. */
export function SeatDialog(props: {
  appointment: BoardAppointment | null;
  period: MandatePeriod;
  preset: { memberId?: number; seat?: Seat };
  members: Member[];
  people: Person[];
  onClose: () => void;
  onSaved: (a: BoardAppointment) => void;
  onRemove: (a: BoardAppointment) => void;
}) {
  const { appointment, period } = props;
  const form = useRecordForm(boardSaveInput, () => toDraft(appointment, period, props.preset));
  const { draft, update, bind, errors } = form;
  const [memberError, setMemberError] = useState<string | null>(null);

  async function save() {
    if (draft.memberId === '') {
      setMemberError('Välj vilken medlemsorganisation som har utsett ledamoten.');
      return;
    }
    setMemberError(null);
    const saved = await form.submit(toInput(draft, appointment?.id, period), (input) => call('board.save', input));
    if (saved) props.onSaved(saved);
  }

  const nameError = errors['person.name'] ?? errors['person.id'] ?? errors.person;
  const title = appointment === null ? 'Lägg till ledamot' : `${SEAT_LABELS[appointment.seat]}: ${personLabel(appointment.person)}`;
  const picked = draft.personId !== null;

  return (
    <RecordDialog
      id="seat-dialog"
      title={title}
      form={form}
      onSave={() => void save()}
      onClose={props.onClose}
      record={
        appointment && {
          entity: 'board_appointment',
          entityId: appointment.id,
          title: `${personLabel(appointment.person)}, ${appointment.memberName}`,
          onRemove: () => props.onRemove(appointment),
        }
      }
    >
      <TextField
        select
        label="Medlemsorganisation"
        required
        value={draft.memberId}
        onChange={(e) => update({ memberId: Number(e.target.value) })}
        error={!!(memberError ?? errors.memberId)}
        helperText={memberError ?? errors.memberId ?? 'Den medlem som har utsett ledamoten ("Utsedd av")'}
      >
        {props.members.map((m) => (
          <MenuItem key={m.id} value={m.id}>
            {m.name}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <FormControl error={!!errors.seat} sx={{ flex: 1 }}>
          <FormLabel id="seat-label">Uppdrag</FormLabel>
          <RadioGroup
            row
            aria-labelledby="seat-label"
            value={draft.seat}
            onChange={(e) => {
              const seat = e.target.value as Seat;
              update(seat === 'ersattare' ? { seat, role: '' } : { seat });
            }}
          >
            <FormControlLabel value="ordinarie" control={<Radio />} label="Ordinarie ledamot" />
            <FormControlLabel value="ersattare" control={<Radio />} label="Ersättare" />
          </RadioGroup>
          {errors.seat && <FormHelperText>{errors.seat}</FormHelperText>}
        </FormControl>
        <TextField
          select
          label="Roll"
          value={draft.role}
          disabled={draft.seat !== 'ordinarie'}
          onChange={(e) => update({ role: e.target.value as BoardRole | '' })}
          error={!!errors.role}
          helperText={errors.role ?? (draft.seat === 'ordinarie' ? 'Presidiet' : 'Bara ordinarie ledamöter')}
          sx={{ width: { xs: '100%', sm: 240 } }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Ingen särskild roll</MenuItem>
          {BOARD_ROLES.map((r) => (
            <MenuItem key={r} value={r}>
              {BOARD_ROLE_LABELS[r]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>

      <Typography variant="h3" sx={{ pt: 1 }}>
        Person
      </Typography>
      {picked ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label="Namn"
            required
            fullWidth
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
            error={!!nameError}
            helperText={nameError ?? 'Ur personregistret. Ändrade uppgifter gäller personen i alla uppdrag.'}
          />
          <Button sx={{ mt: 1, whiteSpace: 'nowrap' }} onClick={() => update({ ...EMPTY_PERSON })}>
            Byt person
          </Button>
        </Stack>
      ) : (
        <Autocomplete<Person, false, false, true>
          freeSolo
          options={props.people}
          getOptionLabel={(o) => (typeof o === 'string' ? o : personLabel(o))}
          inputValue={draft.name}
          onInputChange={(_e, value, reason) => {
            if (reason === 'input' || reason === 'clear') update({ name: value });
          }}
          onChange={(_e, value) => {
            if (value !== null && typeof value !== 'string') update(personDraft(value));
          }}
          renderOption={({ key, ...optionProps }, o) => (
            <Box component="li" key={key} {...optionProps}>
              <Stack>
                <Typography>{personLabel(o)}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {o.usedIn.length > 0 ? o.usedIn.join(' · ') : [o.title, o.organisation].filter(Boolean).join(', ') || 'Inget uppdrag'}
                </Typography>
              </Stack>
            </Box>
          )}
          renderInput={(params) => (
            <TextField
              {...params}
              label="Namn"
              required
              error={!!nameError}
              helperText={
                nameError ??
                (draft.name.trim() === '' ? 'Välj en person ur personregistret eller skriv namnet på en ny.' : 'En ny person läggs till i personregistret.')
              }
            />
          )}
        />
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label="Parti" {...bind('party', 'T.ex. S, M, C', 'person.party')} sx={{ width: { xs: '100%', sm: 160 } }} />
        <TextField label="Befattning" fullWidth {...bind('title', 'T.ex. Kommunalråd, Områdeschef', 'person.title')} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label="E-post" fullWidth type="email" {...bind('email', null, 'person.email')} />
        <TextField label="Telefon" fullWidth {...bind('phone', null, 'person.phone')} />
      </Stack>

      <Typography variant="h3" sx={{ pt: 1 }}>
        Tid
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateField label="Från" fullWidth {...bind('startsOn', `Mandatperioden börjar ${period.startsOn}`)} />
        <DateField label="Till" fullWidth {...bind('endsOn', `Mandatperioden slutar ${period.endsOn}`)} />
      </Stack>
    </RecordDialog>
  );
}

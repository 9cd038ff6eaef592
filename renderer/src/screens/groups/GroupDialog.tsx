import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowDownward from '@mui/icons-material/ArrowDownwardOutlined';
import ArrowUpward from '@mui/icons-material/ArrowUpwardOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import { GROUP_KINDS, GROUP_KIND_LABELS, groupSaveInput, type Group, type GroupKind } from '../../../../shared/contract/schemas/groups';
import type { Person } from '../../../../shared/contract/schemas/board';
import type { Member } from '../../../../shared/contract/schemas/members';
import type { MethodInput } from '../../../../shared/contract/methods';
import { call } from '../../api';
import { personLabel } from '../../components/text';
import { FreeTextField, SelectField } from '../../components/fields';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';

interface MemberDraft {
  /** Stable key for React while rows move. */
  key: number;
  personId: number | null;
  /** For a register person: their name (read only here); for a free entry: the name typed. */
  name: string;
  organisation: string;
  role: string;
}

interface Draft {
  name: string;
  kind: GroupKind;
  memberId: number | '';
  description: string;
  members: MemberDraft[];
}

let keySeq = 0;

function toDraft(g: Group | null, people: Person[]): Draft {
  if (g === null) return { name: '', kind: 'arbetsutskott', memberId: '', description: '', members: [] };
  return {
    name: g.name,
    kind: g.kind,
    memberId: g.memberId ?? '',
    description: g.description ?? '',
    members: g.members.map((m) => {
      // A register person's organisation follows the register unless the group says otherwise.
      const own =
        m.personId === null ? m.organisation : m.organisation === (people.find((p) => p.id === m.personId)?.organisation ?? null) ? null : m.organisation;
      return { key: ++keySeq, personId: m.personId, name: m.name, organisation: own ?? '', role: m.role ?? '' };
    }),
  };
}

function toInput(d: Draft, id: number | undefined): MethodInput<'groups.save'> {
  return {
    ...(id === undefined ? {} : { id }),
    name: d.name,
    kind: d.kind,
    memberId: d.kind === 'lokusgrupp' && d.memberId !== '' ? d.memberId : null,
    description: d.description,
    members: d.members.map((m) => ({
      personId: m.personId,
      ...(m.personId === null ? { name: m.name } : {}),
      organisation: m.organisation,
      role: m.role,
    })),
  };
}

export function GroupDialog(props: {
  group: Group | null;
  members: Member[];
  people: Person[];
  onClose: () => void;
  onSaved: (g: Group) => void;
  onRemove: (g: Group) => void;
}) {
  const { group } = props;
  const form = useRecordForm(groupSaveInput, () => toDraft(group, props.people));
  const { draft, update, bind, errors } = form;
  const [pick, setPick] = useState<Person | null>(null);
  const setRow = (i: number, patch: Partial<MemberDraft>) => update({ members: draft.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const kommuner = props.members.filter((m) => m.kind === 'kommun');
  const chosen = new Set(draft.members.flatMap((m) => (m.personId === null ? [] : [m.personId])));

  function move(i: number, by: -1 | 1) {
    const list = [...draft.members];
    const [row] = list.splice(i, 1);
    if (!row) return;
    list.splice(i + by, 0, row);
    update({ members: list });
  }

  function addPerson(p: Person) {
    update({ members: [...draft.members, { key: ++keySeq, personId: p.id, name: p.name, organisation: '', role: '' }] });
    setPick(null);
  }

  async function save() {
    const saved = await form.submit(toInput(draft, group?.id), (input) => call('groups.save', input));
    if (saved) props.onSaved(saved);
  }

  return (
    <RecordDialog
      id="group-dialog"
      maxWidth="md"
      title={group ? group.name : 'Ny grupp'}
      form={form}
      onSave={() => void save()}
      onClose={props.onClose}
      record={group && { entity: 'group', entityId: group.id, title: group.name, onRemove: () => props.onRemove(group) }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label="Gruppens namn" required fullWidth autoFocus={!group} {...bind('name', 'T.ex. Arbetsutskottet, Lokusgrupp Heby')} />
        <SelectField
          label="Typ"
          value={draft.kind}
          onChange={(e) => update({ kind: e.target.value as GroupKind })}
          error={!!errors.kind}
          helperText={errors.kind}
          sx={{ minWidth: 240 }}
          options={GROUP_KINDS.map((k) => ({ value: k, label: GROUP_KIND_LABELS[k] }))}
        />
      </Stack>
      {draft.kind === 'lokusgrupp' && (
        <TextField
          select
          label="Kommun"
          required
          value={draft.memberId}
          onChange={(e) => update({ memberId: Number(e.target.value) })}
          error={!!errors.memberId}
          helperText={errors.memberId ?? 'Den kommun där lokusgruppen samordnar parterna'}
        >
          {kommuner.map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <FreeTextField label="Beskrivning" multiline minRows={2} {...bind('description', 'Uppdrag, mötesfrekvens och liknande')} />

      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', pt: 1 }}>
        <Typography variant="h3">Medlemmar</Typography>
        <Typography variant="body2" color="text.secondary">
          {draft.members.length === 1 ? '1 medlem' : `${draft.members.length} medlemmar`}
        </Typography>
      </Stack>
      {errors.members && <Alert severity="error">{errors.members}</Alert>}
      <Paper variant="outlined" sx={{ p: 0 }}>
        {draft.members.length === 0 && (
          <Typography color="text.secondary" sx={{ p: 2 }}>
            Inga medlemmar ännu. Lägg till personer ur personregistret eller skriv namn och organisation.
          </Typography>
        )}
        {draft.members.map((m, i) => (
          <GroupMemberRow
            key={m.key}
            row={m}
            index={i}
            count={draft.members.length}
            people={props.people}
            errors={errors}
            onChange={(patch) => setRow(i, patch)}
            onMove={(by) => move(i, by)}
            onRemove={() => update({ members: draft.members.filter((_m, j) => j !== i) })}
          />
        ))}
      </Paper>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <Autocomplete<Person>
          size="small"
          sx={{ flex: 1 }}
          value={pick}
          options={props.people.filter((p) => !chosen.has(p.id))}
          getOptionLabel={personLabel}
          onChange={(_e, value) => value && addPerson(value)}
          renderOption={({ key, ...optionProps }, o) => (
            <Box component="li" key={key} {...optionProps}>
              <Stack>
                <Typography>{personLabel(o)}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {[o.title, o.organisation].filter(Boolean).join(', ') || o.usedIn[0] || ''}
                </Typography>
              </Stack>
            </Box>
          )}
          renderInput={(params) => <TextField {...params} label="Lägg till person ur registret" />}
          noOptionsText="Ingen person i registret matchar"
        />
        <Button
          startIcon={<PersonAddAlt1Outlined />}
          onClick={() => update({ members: [...draft.members, { key: ++keySeq, personId: null, name: '', organisation: '', role: '' }] })}
        >
          Lägg till namn utanför registret
        </Button>
      </Stack>
    </RecordDialog>
  );
}

/** One member of the group: a person from the register, or a name typed for someone outside it. */
function GroupMemberRow({
  row,
  index,
  count,
  people,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  row: MemberDraft;
  index: number;
  count: number;
  people: Person[];
  errors: Record<string, string>;
  onChange: (patch: Partial<MemberDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const person = row.personId === null ? null : people.find((p) => p.id === row.personId);
  const nameError = errors[`members.${index}.name`] ?? errors[`members.${index}.personId`];
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={1}
      data-testid="group-member-row"
      sx={{ alignItems: { md: 'flex-start' }, px: 2, py: 1.25, borderTop: index === 0 ? 'none' : '1px solid', borderColor: 'divider' }}
    >
      {row.personId === null ? (
        <TextField
          label="Namn"
          size="small"
          value={row.name}
          onChange={(e) => onChange({ name: e.target.value })}
          error={!!nameError}
          helperText={nameError}
          sx={{ flex: 1.2 }}
        />
      ) : (
        <Box sx={{ flex: 1.2, pt: 0.5 }}>
          <Typography sx={{ fontWeight: 600 }}>{person ? personLabel(person) : row.name}</Typography>
          <Typography variant="body2" color={nameError ? 'error' : 'text.secondary'}>
            {nameError ?? 'Ur personregistret'}
          </Typography>
        </Box>
      )}
      <TextField
        label="Organisation"
        size="small"
        value={row.organisation}
        placeholder={person?.organisation ?? ''}
        onChange={(e) => onChange({ organisation: e.target.value })}
        error={!!errors[`members.${index}.organisation`]}
        helperText={errors[`members.${index}.organisation`]}
        sx={{ flex: 1 }}
        slotProps={person?.organisation ? { inputLabel: { shrink: true } } : undefined}
      />
      <TextField
        label="Roll i gruppen"
        size="small"
        value={row.role}
        placeholder="T.ex. Sammankallande"
        onChange={(e) => onChange({ role: e.target.value })}
        error={!!errors[`members.${index}.role`]}
        helperText={errors[`members.${index}.role`]}
        sx={{ flex: 0.9 }}
      />
      <Stack direction="row" sx={{ flexShrink: 0 }}>
        <Tooltip title="Flytta upp">
          <span>
            <IconButton size="small" aria-label={`Flytta upp ${row.name || `rad ${index + 1}`}`} disabled={index === 0} onClick={() => onMove(-1)}>
              <ArrowUpward fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Flytta ned">
          <span>
            <IconButton size="small" aria-label={`Flytta ned ${row.name || `rad ${index + 1}`}`} disabled={index === count - 1} onClick={() => onMove(1)}>
              <ArrowDownward fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Ta bort ur gruppen">
          <IconButton size="small" aria-label={`Ta bort ${row.name || `rad ${index + 1}`} ur gruppen`} onClick={onRemove}>
            <DeleteOutline fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
    </Stack>
  );
}

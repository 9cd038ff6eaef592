import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { MEMBER_KINDS, MEMBER_KIND_LABELS, memberSaveInput, type Member, type MemberKind } from '../../../../shared/contract/schemas/members';
import type { MethodInput } from '../../../../shared/contract/methods';
import { call } from '../../api';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';
import { SelectField } from '../../components/fields';

interface Draft {
  name: string;
  shortName: string;
  kind: MemberKind;
  orgNr: string;
  populations: { year: string; population: string }[];
}

function toDraft(member: Member | null): Draft {
  if (!member) return { name: '', shortName: '', kind: 'kommun', orgNr: '', populations: [] };
  return {
    name: member.name,
    shortName: member.shortName ?? '',
    kind: member.kind,
    orgNr: member.orgNr,
    populations: member.populations.map((p) => ({ year: String(p.year), population: String(p.population) })),
  };
}

/** "21 067" or "21067" → 21067; anything else is left for the schema to reject. */
function toNumber(text: string): number | string {
  const compact = text.replace(/[\s\u00a0]/g, '');
  return /^-?\d+$/.test(compact) ? Number(compact) : text;
}

function toInput(draft: Draft, id: number | undefined) {
  return {
    ...(id === undefined ? {} : { id }),
    name: draft.name,
    shortName: draft.shortName,
    kind: draft.kind,
    orgNr: draft.orgNr,
    populations: draft.kind === 'kommun' ? draft.populations.map((p) => ({ year: toNumber(p.year), population: toNumber(p.population) })) : [],
  };
}

export function MemberDialog(props: { member: Member | null; onClose: () => void; onSaved: (m: Member) => void }) {
  const { member } = props;
  const form = useRecordForm(memberSaveInput, () => toDraft(member));
  const { draft, update, bind, errors } = form;

  async function save() {
    const saved = await form.submit(toInput(draft, member?.id) as MethodInput<'members.save'>, (input) => call('members.save', input));
    if (saved) props.onSaved(saved);
  }

  function addYear() {
    const years = draft.populations.map((p) => Number(p.year)).filter(Number.isFinite);
    const next = years.length > 0 ? Math.max(...years) + 1 : new Date().getFullYear() - 1;
    update({ populations: [{ year: String(next), population: '' }, ...draft.populations] });
  }

  function setPopulation(i: number, patch: Partial<Draft['populations'][number]>) {
    update({ populations: draft.populations.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  }

  return (
    <RecordDialog
      id="member-dialog"
      title={member ? `Redigera ${member.name}` : 'Lägg till medlem'}
      form={form}
      onSave={() => void save()}
      onClose={props.onClose}
      record={member && { entity: 'member', entityId: member.id, title: member.name }}
    >
      <TextField label="Namn" required autoFocus {...bind('name', 'T.ex. Heby kommun')} />
      <TextField label="Kortnamn" {...bind('shortName', 'Används i tabeller, t.ex. Heby eller FK')} />
      <SelectField
        label="Typ"
        {...bind('kind')}
        onChange={(e) => update({ kind: e.target.value as MemberKind })}
        options={MEMBER_KINDS.map((k) => ({ value: k, label: MEMBER_KIND_LABELS[k] }))}
      />
      <TextField
        label="Organisationsnummer"
        required
        {...bind('orgNr', 'Tio siffror, t.ex. 212000-2965')}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
      {draft.kind === 'kommun' && (
        <Stack spacing={1}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography variant="h3">Folkmängd 1 november</Typography>
            <Button onClick={addYear}>Lägg till år</Button>
          </Stack>
          {errors.populations && <Alert severity="error">{errors.populations}</Alert>}
          {draft.populations.length === 0 && (
            <Typography color="text.secondary" variant="body2">
              Kommunernas fjärdedel av medlemsavgiften fördelas efter folkmängden den 1 november året före (SCB).
            </Typography>
          )}
          {draft.populations.map((p, i) => (
            <Stack direction="row" spacing={1} key={i} sx={{ alignItems: 'flex-start' }}>
              <TextField
                label="År"
                value={p.year}
                size="small"
                sx={{ width: 110 }}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                onChange={(e) => setPopulation(i, { year: e.target.value })}
                error={!!errors[`populations.${i}.year`]}
                helperText={errors[`populations.${i}.year`]}
              />
              <TextField
                label="Folkmängd"
                value={p.population}
                size="small"
                sx={{ flex: 1 }}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                onChange={(e) => setPopulation(i, { population: e.target.value })}
                error={!!errors[`populations.${i}.population`]}
                helperText={errors[`populations.${i}.population`]}
              />
              <IconButton aria-label={`Ta bort folkmängd för ${p.year}`} onClick={() => update({ populations: draft.populations.filter((_q, j) => j !== i) })}>
                <DeleteOutline />
              </IconButton>
            </Stack>
          ))}
        </Stack>
      )}
    </RecordDialog>
  );
}

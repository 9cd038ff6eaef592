import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { personSaveInput, type Person } from '../../../../shared/contract/schemas/board';
import { call } from '../../api';
import { FreeTextField } from '../../components/fields';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';

function toDraft(p: Person | null) {
  return {
    name: p?.name ?? '',
    party: p?.party ?? '',
    organisation: p?.organisation ?? '',
    title: p?.title ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    notes: p?.notes ?? '',
  };
}

export function PersonDialog(props: { person: Person | null; onClose: () => void; onSaved: (p: Person) => void; onRemove: (p: Person) => void }) {
  const { person } = props;
  const form = useRecordForm(personSaveInput, () => toDraft(person));
  const { bind } = form;

  async function save() {
    const saved = await form.submit({ ...(person ? { id: person.id } : {}), ...form.draft }, (input) => call('people.save', input));
    if (saved) props.onSaved(saved);
  }

  return (
    <RecordDialog
      id="person-dialog"
      title={person ? person.name : 'Lägg till person'}
      form={form}
      onSave={() => void save()}
      onClose={props.onClose}
      record={person && { entity: 'person', entityId: person.id, title: person.name, onRemove: () => props.onRemove(person) }}
    >
      <Typography variant="body2" color="text.secondary">
        Personregistret gäller förtroendevalda, tjänstepersoner hos parterna och delegater, aldrig deltagare i insatser.
      </Typography>
      <TextField label="Namn" required autoFocus {...bind('name')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label="Parti" {...bind('party', 'T.ex. S, M, C')} sx={{ width: { xs: '100%', sm: 180 } }} />
        <TextField label="Befattning" fullWidth {...bind('title')} />
      </Stack>
      <TextField label="Organisation" {...bind('organisation', 'T.ex. Försäkringskassan, Heby kommun')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label="E-post" type="email" fullWidth {...bind('email')} />
        <TextField label="Telefon" fullWidth {...bind('phone')} />
      </Stack>
      <FreeTextField label="Anteckning" multiline minRows={2} {...bind('notes')} />
      {person && person.usedIn.length > 0 && (
        <Stack spacing={0.5}>
          <Typography variant="subtitle2">Uppdrag</Typography>
          {person.usedIn.map((u) => (
            <Typography key={u} variant="body2" color="text.secondary">
              {u}
            </Typography>
          ))}
        </Stack>
      )}
    </RecordDialog>
  );
}

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
import { personSaveInput, type Person } from '../../../../shared/contract/schemas/board';
import { call } from '../../api';
import { AuditHistoryButton } from '../../components/AuditHistory';
import { personalDataHint } from '../../components/PersonalDataDialog';
import { useSaveForm } from '../../components/useSaveForm';
import { closeOnPurpose } from '../../components/closeOnPurpose';

interface Draft {
  name: string;
  party: string;
  organisation: string;
  title: string;
  email: string;
  phone: string;
  notes: string;
}

function toDraft(p: Person | null): Draft {
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
  const [draft, setDraft] = useState<Draft>(() => toDraft(person));
  const { errors, formError, saving, submit, dialogs } = useSaveForm(personSaveInput);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const notesHint = personalDataHint(draft.notes);
  const fieldMessages = new Set(Object.values(errors));

  async function save() {
    const saved = await submit({ ...(person ? { id: person.id } : {}), ...draft }, (input) => call('people.save', input));
    if (saved) props.onSaved(saved);
  }

  return (
    <Dialog open onClose={closeOnPurpose(saving ? undefined : props.onClose)} fullWidth maxWidth="sm" aria-labelledby="person-dialog-title">
      <DialogTitle id="person-dialog-title">{person ? person.name : 'Lägg till person'}</DialogTitle>
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
          <Typography variant="body2" color="text.secondary">
            Personregistret gäller förtroendevalda, tjänstepersoner hos parterna och delegater, aldrig deltagare i insatser.
          </Typography>
          <TextField
            label="Namn"
            required
            autoFocus
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
            error={!!errors.name}
            helperText={errors.name}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label="Parti"
              value={draft.party}
              onChange={(e) => update({ party: e.target.value })}
              error={!!errors.party}
              helperText={errors.party ?? 'T.ex. S, M, C'}
              sx={{ width: { xs: '100%', sm: 180 } }}
            />
            <TextField
              label="Befattning"
              fullWidth
              value={draft.title}
              onChange={(e) => update({ title: e.target.value })}
              error={!!errors.title}
              helperText={errors.title}
            />
          </Stack>
          <TextField
            label="Organisation"
            value={draft.organisation}
            onChange={(e) => update({ organisation: e.target.value })}
            error={!!errors.organisation}
            helperText={errors.organisation ?? 'T.ex. Försäkringskassan, Heby kommun'}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label="E-post"
              type="email"
              fullWidth
              value={draft.email}
              onChange={(e) => update({ email: e.target.value })}
              error={!!errors.email}
              helperText={errors.email}
            />
            <TextField
              label="Telefon"
              fullWidth
              value={draft.phone}
              onChange={(e) => update({ phone: e.target.value })}
              error={!!errors.phone}
              helperText={errors.phone}
            />
          </Stack>
          <TextField
            label="Anteckning"
            multiline
            minRows={2}
            value={draft.notes}
            onChange={(e) => update({ notes: e.target.value })}
            error={!!errors.notes}
            color={notesHint ? 'warning' : undefined}
            helperText={errors.notes ?? notesHint ?? undefined}
            slotProps={{ formHelperText: { sx: notesHint && !errors.notes ? { color: 'warning.dark' } : undefined } }}
          />
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
          <button type="submit" hidden />
        </Stack>
        {dialogs}
      </DialogContent>
      <DialogActions>
        {person && (
          <Stack direction="row" spacing={1} sx={{ mr: 'auto' }}>
            <AuditHistoryButton entity="person" entityId={person.id} title={person.name} />
            <Button color="error" startIcon={<DeleteOutline />} onClick={() => props.onRemove(person)} disabled={saving}>
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

import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { forbundSaveInput, type Forbund } from '../../../shared/contract/schemas/forbund';
import { call } from '../api';
import { useSaveForm } from '../components/useSaveForm';
import { useApp } from '../store/app';

const FIELDS = [
  { key: 'name', label: 'Förbundets namn', required: true, help: 'T.ex. Samordningsförbundet Uppsala län' },
  { key: 'orgNr', label: 'Organisationsnummer', required: false, help: 'Tio siffror, t.ex. 222000-2576' },
  { key: 'address', label: 'Postadress', required: false, help: '' },
  { key: 'email', label: 'E-post till kansliet', required: false, help: '' },
  { key: 'phone', label: 'Telefon', required: false, help: '' },
] as const;
type Key = (typeof FIELDS)[number]['key'];

export function ForbundForm({ forbund }: { forbund: Forbund }) {
  const { setForbund, notify } = useApp();
  const [draft, setDraft] = useState<Record<Key, string>>({
    name: forbund.name,
    orgNr: forbund.orgNr ?? '',
    address: forbund.address ?? '',
    email: forbund.email ?? '',
    phone: forbund.phone ?? '',
  });
  const { errors, formError, saving, submit } = useSaveForm(forbundSaveInput);

  async function save() {
    const saved = await submit(draft, (input) => call('forbund.save', input));
    if (saved) {
      setForbund(saved);
      notify('success', 'Förbundets uppgifter är sparade.');
    }
  }

  return (
    <Paper sx={{ p: 3, maxWidth: 640 }}>
      <Stack
        component="form"
        spacing={2}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {formError && <Alert severity="error">{formError}</Alert>}
        {FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            required={f.required}
            value={draft[f.key]}
            onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))}
            error={!!errors[f.key]}
            helperText={errors[f.key] ?? f.help}
          />
        ))}
        <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? 'Sparar …' : 'Spara'}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}

import { FormStack } from '../components/fields';
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { forbundSaveInput, type Forbund } from '../../../shared/contract/schemas/forbund';
import { setUserInput, type CurrentUser } from '../../../shared/contract/schemas/audit';
import { checkDiaryFormat, DEFAULT_DIARY_FORMAT, formatDiarienummer } from '../../../shared/domain/diarienummer';
import { call, errorMessage } from '../api';
import { useSaveForm } from '../components/useSaveForm';
import { DiarySeriesSection } from './diary/DiarySeriesSection';
import { useApp, useUnsavedChanges } from '../store/app';

const FIELDS = [
  { key: 'name', label: 'Förbundets namn', required: true, help: 'T.ex. Samordningsförbundet Uppsala län' },
  { key: 'orgNr', label: 'Organisationsnummer', required: false, help: 'Tio siffror, t.ex. 222000-2576' },
  { key: 'address', label: 'Postadress', required: false, help: '' },
  { key: 'city', label: 'Säte (ort)', required: false, help: 'Skrivs före datum under undertecknade handlingar: "Uppsala 2018-03-16"' },
  { key: 'email', label: 'E-post till kansliet', required: false, help: '' },
  { key: 'phone', label: 'Telefon', required: false, help: '' },
] as const;
type Key = (typeof FIELDS)[number]['key'] | 'diaryFormat';

/** "2018/012 · 2018/013 · 2019/001": how the format numbers a year's series. */
function diaryExample(format: string): { ok: true; text: string } | { ok: false; message: string } {
  const f = format.trim() === '' ? DEFAULT_DIARY_FORMAT : format.trim();
  const checked = checkDiaryFormat(f);
  if (!checked.ok) return checked;
  const year = new Date().getFullYear();
  return { ok: true, text: [formatDiarienummer(f, year, 12), formatDiarienummer(f, year, 13), formatDiarienummer(f, year + 1, 1)].join(' · ') };
}

function UserSection() {
  const notify = useApp((s) => s.notify);
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [name, setName] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const { errors, formError, saving, submit, dialogs } = useSaveForm(setUserInput);
  useUnsavedChanges('anvandare', 'ditt namn', user !== null && name !== (user.displayName ?? ''));

  useEffect(() => {
    call('user.get', {})
      .then((u) => {
        setUser(u);
        setName(u.displayName ?? '');
      })
      .catch((err: unknown) => setLoadError(errorMessage(err)));
  }, []);

  async function save() {
    const saved = await submit({ name }, (input) => call('user.set', input));
    if (saved) {
      setUser(saved);
      setName(saved.displayName ?? '');
      notify('success', `Ändringar loggas nu som ${saved.actor}.`);
    }
  }

  return (
    <Paper sx={{ p: 3, maxWidth: 640 }} component="section" aria-labelledby="user-title">
      <Typography variant="h2" id="user-title">
        Ditt namn
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 2 }}>
        Varje ändring i registren skrivs in i granskningsloggen med vem som gjorde den.
      </Typography>
      <FormStack onSubmit={() => void save()}>
        {loadError && <Alert severity="error">{loadError}</Alert>}
        {formError && formError !== errors.name && <Alert severity="error">{formError}</Alert>}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
          <TextField
            label="Ditt namn"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={!!errors.name}
            helperText={errors.name ?? (user ? `Ändringar loggas som: ${user.actor}` : ' ')}
            fullWidth
          />
          <Button type="submit" variant="outlined" disabled={saving || user === null} sx={{ mt: { sm: 1 }, flexShrink: 0 }}>
            {saving ? 'Sparar …' : 'Spara namnet'}
          </Button>
        </Stack>
      </FormStack>
      {dialogs}
    </Paper>
  );
}

/** The form's fields as a förbund is stored. */
function fieldsOf(f: Forbund): Record<Key, string> {
  return {
    name: f.name,
    orgNr: f.orgNr ?? '',
    address: f.address ?? '',
    city: f.city ?? '',
    email: f.email ?? '',
    phone: f.phone ?? '',
    diaryFormat: f.diaryFormat,
  };
}

export function ForbundForm({ forbund }: { forbund: Forbund }) {
  const { setForbund, notify } = useApp();
  const [draft, setDraft] = useState<Record<Key, string>>(() => fieldsOf(forbund));
  const { errors, formError, saving, submit, dialogs } = useSaveForm(forbundSaveInput);
  const stored = fieldsOf(forbund);
  useUnsavedChanges(
    'forbundet',
    'förbundets uppgifter',
    (Object.keys(stored) as Key[]).some((k) => stored[k] !== draft[k]),
  );
  const example = diaryExample(draft.diaryFormat);
  const fieldMessages = new Set(Object.values(errors));

  async function save() {
    const saved = await submit(draft, (input) => call('forbund.save', input));
    if (saved) {
      setForbund(saved);
      // As stored (an organisationsnummer written with its dash), so the form reads as saved.
      setDraft(fieldsOf(saved));
      notify('success', 'Förbundets uppgifter är sparade.');
    }
  }

  return (
    <Stack spacing={3}>
      <Paper sx={{ p: 3, maxWidth: 640 }} component="section" aria-labelledby="forbund-title">
        <Typography variant="h2" id="forbund-title" sx={{ mb: 2 }}>
          Förbundets uppgifter
        </Typography>
        <FormStack onSubmit={() => void save()}>
          {formError && !fieldMessages.has(formError) && <Alert severity="error">{formError}</Alert>}
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
          <TextField
            label="Diarienummerformat"
            value={draft.diaryFormat}
            onChange={(e) => setDraft((d) => ({ ...d, diaryFormat: e.target.value }))}
            error={!!errors.diaryFormat || !example.ok}
            helperText={
              errors.diaryFormat ?? (example.ok ? `Exempel: ${example.text}. {ÅÅÅÅ} eller {ÅÅ} är året, {NNN} löpnumret i årets serie.` : example.message)
            }
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace' } } }}
          />
          <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
            <Button type="submit" variant="contained" disabled={saving}>
              {saving ? 'Sparar …' : 'Spara'}
            </Button>
          </Stack>
        </FormStack>
        {dialogs}
      </Paper>
      <UserSection />
      <DiarySeriesSection />
    </Stack>
  );
}

import { useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { arshjulSaveInput, type ArshjulKey, type ArshjulView } from '../../../shared/contract/schemas/arshjul';
import { call } from '../api';
import { useApp, type SectionId } from '../store/app';
import { RecordDialog } from './RecordDialog';
import { useLoad } from './useLoad';
import { useSaveForm } from './useSaveForm';

const STATUS = {
  klart: { label: 'Klart', color: 'success' },
  sent: { label: 'Sent', color: 'error' },
  kommande: { label: 'Kommande', color: 'default' },
} as const;

function DatesDialog({ view, onClose, onSaved }: { view: ArshjulView; onClose: () => void; onSaved: (v: ArshjulView) => void }) {
  const [dates, setDates] = useState(Object.fromEntries(view.items.map((i) => [i.key, i.monthDay])) as Record<ArshjulKey, string>);
  const form = useSaveForm(arshjulSaveInput);
  const save = async () => {
    const keys = view.items.map((i) => i.key);
    const saved = await form.submit({ year: view.year, dates: keys.map((key) => ({ key, monthDay: dates[key] })) }, (input) => call('arshjul.save', input));
    if (saved) onSaved(saved);
  };
  return (
    <RecordDialog id="arshjul-datum" title="Årshjulets datum" form={form} onSave={() => void save()} onClose={onClose}>
      <Typography variant="body2">Förbundets egna datum (MM-DD) för det som året kräver. De gäller varje år tills de ändras.</Typography>
      {view.items.map((item, i) => (
        <TextField
          key={item.key}
          label={item.label}
          value={dates[item.key]}
          onChange={(e) => setDates({ ...dates, [item.key]: e.target.value })}
          error={Boolean(form.errors[`dates.${i}.monthDay`])}
          helperText={form.errors[`dates.${i}.monthDay`] ?? 'MM-DD'}
        />
      ))}
    </RecordDialog>
  );
}

/** Översikt's årshjul: each thing the year asks, its date, and whether it is done, coming or late; each opens where it is done. */
export function Arshjul() {
  const go = useApp((s) => s.go);
  const year = new Date().getFullYear();
  const { data: view, setData } = useLoad(() => call('arshjul.get', { year }));
  const [editing, setEditing] = useState(false);
  return (
    <Paper sx={{ p: 2, minHeight: 260 }} aria-label={`Årshjul ${year}`}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h3" sx={{ flexGrow: 1 }}>
          Årshjul {year}
        </Typography>
        <Button size="small" onClick={() => setEditing(true)} disabled={!view}>
          Ändra datumen
        </Button>
      </Stack>
      <Stack spacing={1}>
        {view?.items.map((item) => (
          <Stack key={item.key} direction="row" spacing={1.5} sx={{ alignItems: 'center' }} data-testid="arshjul-punkt">
            <Typography sx={{ width: 96, fontVariantNumeric: 'tabular-nums' }}>{item.dueOn}</Typography>
            <Chip size="small" label={STATUS[item.status].label} color={STATUS[item.status].color} sx={{ width: 88 }} />
            <Stack sx={{ flexGrow: 1 }}>
              <Typography>{item.label}</Typography>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {item.note}
              </Typography>
            </Stack>
            <Button size="small" onClick={() => go(item.link[0] as SectionId, ...item.link.slice(1))}>
              Öppna
            </Button>
          </Stack>
        ))}
      </Stack>
      {editing && view && (
        <DatesDialog
          view={view}
          onClose={() => setEditing(false)}
          onSaved={(v) => {
            setData(v);
            setEditing(false);
          }}
        />
      )}
    </Paper>
  );
}

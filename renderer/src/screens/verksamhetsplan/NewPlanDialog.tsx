import { useState } from 'react';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { planCreateInput } from '../../../../shared/contract/schemas/verksamhetsplan';
import { defaultPlanTitle } from '../../../../shared/domain/verksamhetsplan';
import { call } from '../../api';
import { RecordDialog } from '../../components/RecordDialog';
import { useSaveForm } from '../../components/useSaveForm';

type Start = 'tom' | 'styrkort' | 'foregaende';

const toYear = (text: string) => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** A new förslag: its period, its title, and what it starts from. */
export function NewPlanDialog(props: { hasPlans: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const next = new Date().getFullYear() + 1;
  const [first, setFirst] = useState(String(next));
  const [last, setLast] = useState(String(next));
  const [title, setTitle] = useState('');
  const [start, setStart] = useState<Start>(props.hasPlans ? 'foregaende' : 'tom');
  const form = useSaveForm(planCreateInput);
  const firstYear = toYear(first);
  const lastYear = toYear(last);
  const placeholder = Number.isFinite(firstYear) && Number.isFinite(lastYear) ? defaultPlanTitle(firstYear, lastYear) : '';

  const save = async () => {
    const created = await form.submit(
      { firstYear, lastYear, title: title.trim() || undefined, fromPrevious: start === 'foregaende', styrkort: start === 'styrkort' },
      (input) => call('verksamhetsplan.create', input),
    );
    if (created) props.onCreated(created.id);
  };

  return (
    <RecordDialog id="ny-plan" title="Ny verksamhetsplan" form={form} onSave={() => void save()} onClose={props.onClose} saveLabel="Skapa förslag">
      <Stack direction="row" spacing={2}>
        <TextField
          label="Första år"
          value={first}
          onChange={(e) => setFirst(e.target.value)}
          error={Boolean(form.errors.firstYear)}
          helperText={form.errors.firstYear ?? ' '}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
        />
        <TextField
          label="Sista år"
          value={last}
          onChange={(e) => setLast(e.target.value)}
          error={Boolean(form.errors.lastYear)}
          helperText={form.errors.lastYear ?? 'Högst tre år'}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
        />
      </Stack>
      <TextField label="Rubrik" value={title} placeholder={placeholder} onChange={(e) => setTitle(e.target.value)} helperText={`Tomt: ”${placeholder}”`} />
      <Typography variant="subtitle2" component="div" id="plan-start">
        Börja med
      </Typography>
      <RadioGroup aria-labelledby="plan-start" value={start} onChange={(e) => setStart(e.target.value as Start)}>
        <FormControlLabel
          value="foregaende"
          control={<Radio />}
          label="Utgå från föregående plan (mål, mått och aktiviteter flyttas fram)"
          disabled={!props.hasPlans}
        />
        <FormControlLabel
          value="styrkort"
          control={<Radio />}
          label="Ett styrkort med perspektiven Individen, Förnyelse/utveckling, Arbetssätt/processer och Ekonomi"
        />
        <FormControlLabel value="tom" control={<Radio />} label="En tom plan" />
      </RadioGroup>
      {form.errors.fromPrevious && <Typography color="error">{form.errors.fromPrevious}</Typography>}
    </RecordDialog>
  );
}

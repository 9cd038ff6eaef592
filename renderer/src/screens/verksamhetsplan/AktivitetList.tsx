import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import type { PlanAktivitet } from '../../../../shared/contract/schemas/verksamhetsplan';
import { removeAt, replaceAt } from './lists';

/** Aktiviteter: what is done, who does it, by when. */
export function AktivitetList(props: { label: string; items: PlanAktivitet[]; readOnly: boolean; onChange: (items: PlanAktivitet[]) => void }) {
  const { items, readOnly, onChange } = props;
  if (readOnly && items.length === 0) return null;
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2">{props.label}</Typography>
      {items.map((a, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label="Aktivitet"
            multiline
            value={a.text}
            onChange={(e) => onChange(replaceAt(items, i, { ...a, text: e.target.value }))}
            slotProps={{ input: { readOnly } }}
            sx={{ flexGrow: 1 }}
          />
          <TextField
            size="small"
            label="Ansvarig"
            value={a.ansvarig}
            onChange={(e) => onChange(replaceAt(items, i, { ...a, ansvarig: e.target.value }))}
            slotProps={{ input: { readOnly } }}
            sx={{ width: 180 }}
          />
          <TextField
            size="small"
            label="Klart senast"
            value={a.senast}
            onChange={(e) => onChange(replaceAt(items, i, { ...a, senast: e.target.value }))}
            slotProps={{ input: { readOnly } }}
            sx={{ width: 150 }}
          />
          {!readOnly && (
            <IconButton aria-label={`Ta bort aktiviteten ${a.text}`} onClick={() => onChange(removeAt(items, i))}>
              <DeleteOutline />
            </IconButton>
          )}
        </Stack>
      ))}
      {!readOnly && (
        <Button
          size="small"
          startIcon={<AddOutlined />}
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => onChange([...items, { id: '', text: '', ansvarig: '', senast: '' }])}
        >
          Lägg till aktivitet
        </Button>
      )}
    </Stack>
  );
}

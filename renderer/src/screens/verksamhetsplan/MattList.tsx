import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import {
  COMPARISON_LABELS,
  COMPARISONS,
  MATT_SOURCE_LABELS,
  MATT_SOURCES,
  MATT_UNIT_LABELS,
  MATT_UNITS,
  type PlanMatt,
  type PlanTarget,
} from '../../../../shared/contract/schemas/verksamhetsplan';
import { targetText } from '../../../../shared/domain/verksamhetsplan';
import { SelectField } from '../../components/fields';
import { numberText, parseNumber, removeAt, replaceAt } from './lists';

const EMPTY_TARGET = (year: number): PlanTarget => ({ year, value: null, text: '', reference: null });

/** A number typed with a decimal comma; kept as typed until it reads as a number. */
function NumberInput(props: { label: string; value: number | null; readOnly: boolean; onChange: (v: number | null) => void }) {
  const [text, setText] = useState(numberText(props.value));
  const parsed = parseNumber(text);
  return (
    <TextField
      size="small"
      label={props.label}
      value={text}
      error={Number.isNaN(parsed)}
      helperText={Number.isNaN(parsed) ? 'Skriv ett tal' : undefined}
      onChange={(e) => {
        setText(e.target.value);
        const v = parseNumber(e.target.value);
        if (!Number.isNaN(v)) props.onChange(v);
      }}
      slotProps={{ input: { readOnly: props.readOnly }, htmlInput: { inputMode: 'decimal' } }}
      sx={{ width: 120 }}
    />
  );
}

/** One year's target: a number, words, or a reference ("rikssnittet 2018", 33). */
function TargetRow(props: { matt: PlanMatt; target: PlanTarget; readOnly: boolean; onChange: (t: PlanTarget) => void }) {
  const { target, readOnly, onChange } = props;
  const ref = target.reference;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}>
      <Typography sx={{ width: 48, pt: 1 }}>{target.year}</Typography>
      <NumberInput label="Målvärde" value={target.value} readOnly={readOnly} onChange={(value) => onChange({ ...target, value })} />
      <TextField
        size="small"
        label="Mål i ord"
        value={target.text}
        onChange={(e) => onChange({ ...target, text: e.target.value })}
        slotProps={{ input: { readOnly } }}
        sx={{ width: 200 }}
      />
      <TextField
        size="small"
        label="Referens"
        placeholder="rikssnittet 2018"
        value={ref?.label ?? ''}
        onChange={(e) => onChange({ ...target, reference: e.target.value === '' ? null : { label: e.target.value, value: ref?.value ?? null } })}
        slotProps={{ input: { readOnly } }}
        sx={{ width: 180 }}
      />
      {ref && (
        <NumberInput label="Referensvärde" value={ref.value} readOnly={readOnly} onChange={(value) => onChange({ ...target, reference: { ...ref, value } })} />
      )}
      <Typography variant="body2" sx={{ pt: 1, color: 'text.secondary' }}>
        {targetText(props.matt, target)}
      </Typography>
    </Stack>
  );
}

function MattCard(props: { matt: PlanMatt; years: number[]; readOnly: boolean; onChange: (m: PlanMatt) => void; onRemove: () => void }) {
  const { matt: m, years, readOnly, onChange } = props;
  const target = (year: number) => m.targets.find((t) => t.year === year) ?? EMPTY_TARGET(year);
  const setTarget = (t: PlanTarget) => onChange({ ...m, targets: [...m.targets.filter((x) => x.year !== t.year), t].sort((a, b) => a.year - b.year) });
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="matt">
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label="Mått"
            multiline
            value={m.text}
            onChange={(e) => onChange({ ...m, text: e.target.value })}
            slotProps={{ input: { readOnly } }}
            sx={{ flexGrow: 1 }}
          />
          {!readOnly && (
            <IconButton aria-label={`Ta bort måttet ${m.text}`} onClick={props.onRemove}>
              <DeleteOutline />
            </IconButton>
          )}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <SelectField
            size="small"
            label="Enhet"
            value={m.unit}
            options={MATT_UNITS.map((u) => ({ value: u, label: MATT_UNIT_LABELS[u] }))}
            onChange={(e) => onChange({ ...m, unit: e.target.value as PlanMatt['unit'] })}
            disabled={readOnly}
            sx={{ width: 160 }}
          />
          <SelectField
            size="small"
            label="Jämförelse"
            value={m.comparison}
            options={COMPARISONS.map((c) => ({ value: c, label: COMPARISON_LABELS[c] }))}
            onChange={(e) => onChange({ ...m, comparison: e.target.value as PlanMatt['comparison'] })}
            disabled={readOnly}
            sx={{ width: 130 }}
          />
          <SelectField
            size="small"
            label="Värdet vid uppföljning"
            value={m.source}
            options={MATT_SOURCES.map((s) => ({ value: s, label: MATT_SOURCE_LABELS[s] }))}
            onChange={(e) => onChange({ ...m, source: e.target.value as PlanMatt['source'] })}
            disabled={readOnly}
            sx={{ minWidth: 260, flexGrow: 1 }}
          />
        </Stack>
        {years.map((y) => (
          <TargetRow key={y} matt={m} target={target(y)} readOnly={readOnly} onChange={setTarget} />
        ))}
      </Stack>
    </Paper>
  );
}

/** A goal's mått, each with a target for every year the goal is for. */
export function MattList(props: { items: PlanMatt[]; years: number[]; readOnly: boolean; onChange: (items: PlanMatt[]) => void }) {
  const { items, years, readOnly, onChange } = props;
  if (readOnly && items.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        Mått
      </Typography>
      <Stack spacing={1}>
        {items.map((m, i) => (
          <MattCard
            key={i}
            matt={m}
            years={years}
            readOnly={readOnly}
            onChange={(x) => onChange(replaceAt(items, i, x))}
            onRemove={() => onChange(removeAt(items, i))}
          />
        ))}
        {!readOnly && (
          <Button
            size="small"
            startIcon={<AddOutlined />}
            sx={{ alignSelf: 'flex-start' }}
            onClick={() => onChange([...items, { id: '', text: '', unit: 'antal', comparison: 'minst', source: 'inskrivet', targets: [] }])}
          >
            Lägg till mått
          </Button>
        )}
      </Stack>
    </Box>
  );
}

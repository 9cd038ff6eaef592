import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  type GoalStatus,
  type MaluppfyllelseRow,
  type MaluppfyllelseView,
  type UppfoljningPeriod,
} from '../../../../shared/contract/schemas/maluppfyllelse';
import type { Verksamhetsplan } from '../../../../shared/contract/schemas/verksamhetsplan';
import { planYears } from '../../../../shared/domain/verksamhetsplan';
import { call, errorMessage } from '../../api';
import { SelectField } from '../../components/fields';
import { useLoad } from '../../components/useLoad';
import { downloadBase64 } from '../../files';
import { useUnsavedChanges } from '../../store/app';
import { numberText, parseNumber } from './lists';

interface Entry {
  mattId: string;
  value: string;
  resultText: string;
  status: GoalStatus | '';
  kommentar: string;
}

const entryOf = (r: MaluppfyllelseRow): Entry => ({
  mattId: r.mattId,
  value: numberText(r.computed ? null : r.value),
  resultText: r.resultText === r.computedText ? '' : r.resultText,
  status: r.status ?? '',
  kommentar: r.kommentar,
});

function RowEditor(props: { row: MaluppfyllelseRow; entry: Entry; onChange: (e: Entry) => void }) {
  const { row: r, entry: e, onChange } = props;
  const parsed = parseNumber(e.value);
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="uppfoljning-rad">
      <Stack spacing={1}>
        <Typography variant="subtitle2">
          {r.goalLabel}. {r.targetGoalText}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Mått: {r.mattText} — mål {r.targetText}
        </Typography>
        {r.computed && <Alert severity={r.value === null ? 'warning' : 'info'}>{r.computedText}</Alert>}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'flex-start' }}>
          {!r.computed && r.unit !== 'text' && (
            <TextField
              size="small"
              label="Värde"
              value={e.value}
              error={Number.isNaN(parsed)}
              helperText={Number.isNaN(parsed) ? 'Skriv ett tal' : ' '}
              onChange={(ev) => onChange({ ...e, value: ev.target.value })}
              sx={{ width: 120 }}
            />
          )}
          <TextField
            size="small"
            label="Resultat i ord"
            multiline
            placeholder={r.computedText ?? ''}
            value={e.resultText}
            onChange={(ev) => onChange({ ...e, resultText: ev.target.value })}
            sx={{ flexGrow: 1, minWidth: 280 }}
          />
          <SelectField
            size="small"
            label="Status"
            value={e.status}
            options={[{ value: '', label: 'Ej bedömd' }, ...GOAL_STATUSES.map((st) => ({ value: st, label: GOAL_STATUS_LABELS[st] }))]}
            onChange={(ev) => onChange({ ...e, status: ev.target.value as GoalStatus | '' })}
            sx={{ width: 170 }}
          />
        </Stack>
        {r.suggested && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Chip size="small" label={`Förslag: ${GOAL_STATUS_LABELS[r.suggested.status]}`} />
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {r.suggested.reason}
            </Typography>
          </Stack>
        )}
        <TextField size="small" label="Kommentar" multiline value={e.kommentar} onChange={(ev) => onChange({ ...e, kommentar: ev.target.value })} />
      </Stack>
    </Paper>
  );
}

function Form(props: { view: MaluppfyllelseView; onSaved: (v: MaluppfyllelseView) => void }) {
  const { view } = props;
  const [entries, setEntries] = useState<Entry[]>(() => view.rows.map(entryOf));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const dirty = JSON.stringify(entries) !== JSON.stringify(view.rows.map(entryOf));
  useUnsavedChanges(`maluppfyllelse-${view.planId}`, 'måluppfyllelsen', dirty);
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const saved = await call('maluppfyllelse.save', {
        planId: view.planId,
        year: view.year,
        period: view.period,
        toMonth: view.toMonth,
        entries: entries.map((e) => ({
          mattId: e.mattId,
          value: parseNumber(e.value),
          resultText: e.resultText,
          status: e.status || null,
          kommentar: e.kommentar,
        })),
      });
      props.onSaved(saved);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const pdf = async () => {
    const file = await call('maluppfyllelse.pdf', { planId: view.planId, year: view.year, period: view.period, toMonth: view.toMonth });
    downloadBase64(file.fileName, file.mimeType, file.contentBase64);
  };
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void save()} disabled={!dirty || busy}>
          {busy ? 'Sparar …' : 'Spara'}
        </Button>
        <Button onClick={() => void pdf().catch((err: unknown) => setFailure(errorMessage(err)))} disabled={dirty || busy}>
          PDF
        </Button>
        <Typography sx={{ alignSelf: 'center', color: 'text.secondary' }}>
          {view.open === 0 ? 'Alla mått är bedömda.' : `${view.open} mått är inte bedömda.`}
        </Typography>
      </Stack>
      {failure && <Alert severity="error">{failure}</Alert>}
      {view.rows.length === 0 && <Alert severity="info">Planen har inga mått för {view.year}.</Alert>}
      {view.rows.map((r, i) => (
        <RowEditor key={r.mattId} row={r} entry={entries[i]!} onChange={(e) => setEntries(entries.map((x, j) => (j === i ? e : x)))} />
      ))}
    </Stack>
  );
}

/** Måluppfyllelse of an adopted plan: a year and a period, each mått's value, status and kommentar. */
export function MaluppfyllelsePanel({ plan }: { plan: Verksamhetsplan }) {
  const years = planYears(plan.firstYear, plan.lastYear);
  const [year, setYear] = useState(years.includes(new Date().getFullYear()) ? new Date().getFullYear() : plan.firstYear);
  const [period, setPeriod] = useState<UppfoljningPeriod>('helar');
  const { data, error, setData } = useLoad(() => call('maluppfyllelse.get', { planId: plan.id, year, period }), `${year}-${period}`);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2}>
        <SelectField size="small" label="År" value={year} options={years} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 120 }} />
        <SelectField
          size="small"
          label="Period"
          value={period}
          options={[
            { value: 'helar', label: 'Helår' },
            { value: 'delar', label: 'Delår (till 31 augusti)' },
          ]}
          onChange={(e) => setPeriod(e.target.value as UppfoljningPeriod)}
          sx={{ width: 220 }}
        />
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {!data && !error && <LinearProgress aria-label="Hämtar måluppfyllelsen" />}
      {data && <Form key={`${data.year}-${data.period}-${JSON.stringify(data.rows.map((r) => r.updatedAt))}`} view={data} onSaved={setData} />}
    </Stack>
  );
}

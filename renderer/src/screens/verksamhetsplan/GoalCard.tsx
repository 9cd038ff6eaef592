import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowDownwardOutlined from '@mui/icons-material/ArrowDownwardOutlined';
import ArrowUpwardOutlined from '@mui/icons-material/ArrowUpwardOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { GOAL_LEVEL_LABELS, GOAL_LEVELS, type PlanGoal, type PlanPerspective, type PlanSubGoal } from '../../../../shared/contract/schemas/verksamhetsplan';
import { SelectField } from '../../components/fields';
import { AktivitetList } from './AktivitetList';
import { removeAt, replaceAt } from './lists';
import { MattList } from './MattList';

/** Which of the period's years a goal is for; none ticked: the whole period. */
function YearPicker(props: { label: string; years: number[]; chosen: number[]; readOnly: boolean; onChange: (years: number[]) => void }) {
  if (props.years.length < 2) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} role="group" aria-label={props.label}>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        Gäller (inget val: hela perioden):
      </Typography>
      {props.years.map((y) => (
        <FormControlLabel
          key={y}
          label={String(y)}
          disabled={props.readOnly}
          control={
            <Checkbox
              size="small"
              checked={props.chosen.includes(y)}
              onChange={(e) => props.onChange(e.target.checked ? [...props.chosen, y].sort() : props.chosen.filter((x) => x !== y))}
            />
          }
        />
      ))}
    </Stack>
  );
}

function SubGoalCard(props: {
  goalNumber: number;
  n: number;
  sub: PlanSubGoal;
  years: number[];
  readOnly: boolean;
  onChange: (s: PlanSubGoal) => void;
  onRemove: () => void;
}) {
  const { sub: s, readOnly, onChange } = props;
  const years = s.years.length > 0 ? s.years : props.years;
  const name = `${GOAL_LEVEL_LABELS[s.level]} ${props.goalNumber}.${props.n}`;
  return (
    <Paper variant="outlined" sx={{ p: 1.5, bgcolor: 'grey.50' }} data-testid="delmal">
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <SelectField
            size="small"
            label="Nivå"
            value={s.level}
            options={GOAL_LEVELS.map((l) => ({ value: l, label: GOAL_LEVEL_LABELS[l] }))}
            onChange={(e) => onChange({ ...s, level: e.target.value as PlanSubGoal['level'] })}
            disabled={readOnly}
            sx={{ width: 160 }}
          />
          <TextField
            size="small"
            label={name}
            multiline
            value={s.text}
            onChange={(e) => onChange({ ...s, text: e.target.value })}
            slotProps={{ input: { readOnly } }}
            sx={{ flexGrow: 1 }}
          />
          {!readOnly && (
            <IconButton aria-label={`Ta bort ${name.toLowerCase()}`} onClick={props.onRemove}>
              <DeleteOutline />
            </IconButton>
          )}
        </Stack>
        <YearPicker
          label={`År för ${name.toLowerCase()}`}
          years={props.years}
          chosen={s.years}
          readOnly={readOnly}
          onChange={(y) => onChange({ ...s, years: y })}
        />
        <MattList items={s.matt} years={years} readOnly={readOnly} onChange={(matt) => onChange({ ...s, matt })} />
        <AktivitetList label="Aktiviteter" items={s.aktiviteter} readOnly={readOnly} onChange={(aktiviteter) => onChange({ ...s, aktiviteter })} />
      </Stack>
    </Paper>
  );
}

/** An övergripande mål with its mått, aktiviteter and effekt- and resultatmål. */
export function GoalCard(props: {
  n: number;
  goal: PlanGoal;
  years: number[];
  perspectives: PlanPerspective[];
  readOnly: boolean;
  onChange: (g: PlanGoal) => void;
  onRemove: () => void;
  onMove: (step: -1 | 1) => void;
}) {
  const { goal: g, readOnly, onChange } = props;
  const years = g.years.length > 0 ? g.years : props.years;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="mal">
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label={`Mål ${props.n}`}
            multiline
            value={g.text}
            onChange={(e) => onChange({ ...g, text: e.target.value })}
            slotProps={{ input: { readOnly } }}
            sx={{ flexGrow: 1 }}
          />
          {!readOnly && (
            <>
              <IconButton aria-label={`Flytta mål ${props.n} upp`} onClick={() => props.onMove(-1)}>
                <ArrowUpwardOutlined />
              </IconButton>
              <IconButton aria-label={`Flytta mål ${props.n} ned`} onClick={() => props.onMove(1)}>
                <ArrowDownwardOutlined />
              </IconButton>
              <IconButton aria-label={`Ta bort mål ${props.n}`} onClick={props.onRemove}>
                <DeleteOutline />
              </IconButton>
            </>
          )}
        </Stack>
        {props.perspectives.length > 0 && (
          <SelectField
            size="small"
            label="Perspektiv"
            value={g.perspectiveId ?? ''}
            options={props.perspectives.map((p) => ({ value: p.id, label: p.name || '(namnlöst)' }))}
            onChange={(e) => onChange({ ...g, perspectiveId: e.target.value || null })}
            disabled={readOnly}
            sx={{ maxWidth: 320 }}
          />
        )}
        <TextField
          size="small"
          label="Beskrivning"
          multiline
          minRows={1}
          value={g.description}
          onChange={(e) => onChange({ ...g, description: e.target.value })}
          slotProps={{ input: { readOnly } }}
        />
        <YearPicker label={`År för mål ${props.n}`} years={props.years} chosen={g.years} readOnly={readOnly} onChange={(y) => onChange({ ...g, years: y })} />
        <MattList items={g.matt} years={years} readOnly={readOnly} onChange={(matt) => onChange({ ...g, matt })} />
        {g.subGoals.map((s, i) => (
          <SubGoalCard
            key={i}
            goalNumber={props.n}
            n={i + 1}
            sub={s}
            years={years}
            readOnly={readOnly}
            onChange={(x) => onChange({ ...g, subGoals: replaceAt(g.subGoals, i, x) })}
            onRemove={() => onChange({ ...g, subGoals: removeAt(g.subGoals, i) })}
          />
        ))}
        {!readOnly && (
          <Button
            size="small"
            startIcon={<AddOutlined />}
            sx={{ alignSelf: 'flex-start' }}
            onClick={() => onChange({ ...g, subGoals: [...g.subGoals, { id: '', level: 'resultatmal', text: '', years: [], matt: [], aktiviteter: [] }] })}
          >
            Lägg till resultatmål eller effektmål
          </Button>
        )}
        <AktivitetList label="Aktiviteter" items={g.aktiviteter} readOnly={readOnly} onChange={(aktiviteter) => onChange({ ...g, aktiviteter })} />
      </Stack>
    </Paper>
  );
}

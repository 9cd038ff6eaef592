import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import type { PlanContent, PlanGoal, PlanPerspective, PlanSection } from '../../../../shared/contract/schemas/verksamhetsplan';
import { AktivitetList } from './AktivitetList';
import { GoalCard } from './GoalCard';
import { move, removeAt, replaceAt } from './lists';

const NEW_GOAL = (perspectiveId: string | null): PlanGoal => ({
  id: '',
  perspectiveId,
  text: '',
  description: '',
  years: [],
  matt: [],
  aktiviteter: [],
  subGoals: [],
});

function Sections(props: { items: PlanSection[]; readOnly: boolean; onChange: (items: PlanSection[]) => void }) {
  const { items, readOnly, onChange } = props;
  return (
    <Stack spacing={1.5}>
      {items.map((s, i) => (
        <Stack key={i} spacing={1} data-testid="avsnitt">
          <Stack direction="row" spacing={1}>
            <TextField
              size="small"
              label="Rubrik"
              value={s.heading}
              onChange={(e) => onChange(replaceAt(items, i, { ...s, heading: e.target.value }))}
              slotProps={{ input: { readOnly } }}
              sx={{ flexGrow: 1 }}
            />
            {!readOnly && (
              <IconButton aria-label={`Ta bort avsnittet ${s.heading}`} onClick={() => onChange(removeAt(items, i))}>
                <DeleteOutline />
              </IconButton>
            )}
          </Stack>
          <TextField
            label="Text"
            multiline
            minRows={3}
            value={s.body}
            onChange={(e) => onChange(replaceAt(items, i, { ...s, body: e.target.value }))}
            slotProps={{ input: { readOnly } }}
          />
        </Stack>
      ))}
      {!readOnly && (
        <Button
          size="small"
          startIcon={<AddOutlined />}
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => onChange([...items, { id: '', heading: '', body: '' }])}
        >
          Lägg till avsnitt
        </Button>
      )}
    </Stack>
  );
}

function Perspective(props: { p: PlanPerspective; readOnly: boolean; onChange: (p: PlanPerspective) => void; onRemove: () => void }) {
  const { p, readOnly, onChange } = props;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1}>
        <TextField
          size="small"
          label="Perspektiv"
          value={p.name}
          onChange={(e) => onChange({ ...p, name: e.target.value })}
          slotProps={{ input: { readOnly } }}
          sx={{ flexGrow: 1 }}
        />
        {!readOnly && (
          <IconButton aria-label={`Ta bort perspektivet ${p.name}`} onClick={props.onRemove}>
            <DeleteOutline />
          </IconButton>
        )}
      </Stack>
      <TextField
        size="small"
        label="Beskrivning"
        multiline
        value={p.description}
        onChange={(e) => onChange({ ...p, description: e.target.value })}
        slotProps={{ input: { readOnly } }}
      />
      <AktivitetList
        label={`Aktiviteter inom ${p.name || 'perspektivet'}`}
        items={p.aktiviteter}
        readOnly={readOnly}
        onChange={(aktiviteter) => onChange({ ...p, aktiviteter })}
      />
    </Stack>
  );
}

/** The whole plan: vision and strategi, the free sections, the styrkort's perspektiv, and the goal tree. */
export function PlanEditor(props: { content: PlanContent; years: number[]; readOnly: boolean; onChange: (c: PlanContent) => void }) {
  const { content: c, readOnly, onChange } = props;
  const text = (label: string, key: 'vision' | 'strategi', rows: number) => (
    <TextField
      label={label}
      multiline
      minRows={rows}
      value={c[key]}
      onChange={(e) => onChange({ ...c, [key]: e.target.value })}
      slotProps={{ input: { readOnly } }}
    />
  );
  const removePerspective = (i: number) => {
    const id = c.perspectives[i]?.id;
    onChange({ ...c, perspectives: removeAt(c.perspectives, i), goals: c.goals.map((g) => (g.perspectiveId === id ? { ...g, perspectiveId: null } : g)) });
  };
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Typography variant="h2">Vision och strategi</Typography>
          {text('Vision', 'vision', 2)}
          {text('Strategi / inriktning', 'strategi', 2)}
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h2" sx={{ mb: 1 }}>
          Avsnitt
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
          Till exempel Inledning, Bakgrund, Organisation, Målgrupp, Jämställdhet, Uppföljning och utvärdering.
        </Typography>
        <Sections items={c.sections} readOnly={readOnly} onChange={(sections) => onChange({ ...c, sections })} />
      </Paper>
      {(c.perspectives.length > 0 || !readOnly) && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h2" sx={{ mb: 1 }}>
            Styrkort
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
            Valfritt: perspektiv som målen ordnas i. Utan perspektiv står målen i en följd.
          </Typography>
          <Stack spacing={2}>
            {c.perspectives.map((p, i) => (
              <Perspective
                key={i}
                p={p}
                readOnly={readOnly}
                onChange={(x) => onChange({ ...c, perspectives: replaceAt(c.perspectives, i, x) })}
                onRemove={() => removePerspective(i)}
              />
            ))}
            {!readOnly && (
              <Button
                size="small"
                startIcon={<AddOutlined />}
                sx={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  onChange({ ...c, perspectives: [...c.perspectives, { id: `p${Date.now().toString(36)}`, name: '', description: '', aktiviteter: [] }] })
                }
              >
                Lägg till perspektiv
              </Button>
            )}
          </Stack>
        </Paper>
      )}
      <Typography variant="h2">Mål, mått och aktiviteter</Typography>
      {c.goals.map((g, i) => (
        <GoalCard
          key={i}
          n={i + 1}
          goal={g}
          years={props.years}
          perspectives={c.perspectives}
          readOnly={readOnly}
          onChange={(x) => onChange({ ...c, goals: replaceAt(c.goals, i, x) })}
          onRemove={() => onChange({ ...c, goals: removeAt(c.goals, i) })}
          onMove={(step) => onChange({ ...c, goals: move(c.goals, i, step) })}
        />
      ))}
      {!readOnly && (
        <Button
          variant="outlined"
          startIcon={<AddOutlined />}
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => onChange({ ...c, goals: [...c.goals, NEW_GOAL(c.perspectives[0]?.id ?? null)] })}
        >
          Lägg till mål
        </Button>
      )}
    </Stack>
  );
}

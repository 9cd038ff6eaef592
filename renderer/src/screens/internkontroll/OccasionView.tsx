import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import type { OccasionView as Occasion } from '../../../../shared/contract/schemas/internkontroll';
import { FREKVENS_LABELS, METOD_LABELS } from '../../../../shared/domain/internkontroll';
import { DateField } from '../../components/fields';
import { call, errorMessage } from '../../api';
import { withoutFullStop } from '../../../../shared/format/sv';
import { todayIso } from '../../components/text';
import { useApp, useUnsavedChanges } from '../../store/app';
import { EvidencePicker } from './EvidencePicker';

type Answer = { result: 'ok' | 'avvikelse' | null; comment: string; document: { id: number; title: string } | null };

/** One kontrolltillfälle as a checklist: the sample, each item ok or avvikelse, the åtgärd for an avvikelse, then signed off. */
export function OccasionView({ id, onBack }: { id: number; onBack: () => void }) {
  const notify = useApp((s) => s.notify);
  const [o, setO] = useState<Occasion | null>(null);
  const [sample, setSample] = useState('');
  const [answers, setAnswers] = useState<Record<number, Answer>>({});
  const [doneOn, setDoneOn] = useState(todayIso());
  /** The urval and answers as last saved, to tell when the screen holds more. */
  const [saved, setSaved] = useState('');

  function show(v: Occasion) {
    const shown = {
      sample: v.sample ?? '',
      answers: Object.fromEntries(
        v.items.map((i) => [
          i.id,
          {
            result: i.result,
            comment: i.comment ?? '',
            document: i.documentId === null ? null : { id: i.documentId, title: i.documentTitle ?? `Handling ${i.documentId}` },
          },
        ]),
      ) as Record<number, Answer>,
    };
    setO(v);
    setSample(shown.sample);
    setAnswers(shown.answers);
    setSaved(JSON.stringify(shown));
  }
  const dirty = o !== null && !o.signedOff && JSON.stringify({ sample, answers }) !== saved;
  useUnsavedChanges(`kontroll-${id}`, 'kontrollens svar', dirty);
  useEffect(() => {
    call('internkontroll.occasion', { id })
      .then(show)
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [id, notify]);
  if (!o) return null;

  const input = () => ({
    id,
    sample,
    items: o.items.map((i) => ({
      id: i.id,
      result: answers[i.id]?.result ?? null,
      comment: answers[i.id]?.comment ?? '',
      documentId: answers[i.id]?.document?.id ?? null,
    })),
  });
  async function run(action: () => Promise<Occasion>, done: string): Promise<boolean> {
    try {
      show(await action());
      notify('success', done);
      return true;
    } catch (err) {
      notify('error', errorMessage(err));
      return false;
    }
  }

  const locked = o.signedOff;
  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Button startIcon={<ArrowBack />} onClick={onBack} sx={{ alignSelf: 'flex-start' }}>
        Internkontrollplanen
      </Button>
      <Typography variant="h1">{o.control.moment.charAt(0).toLocaleUpperCase('sv') + o.control.moment.slice(1)}</Typography>
      <Typography color="text.secondary">
        {o.control.process} · {METOD_LABELS[o.control.metod]} · {FREKVENS_LABELS[o.control.frekvens]} · risk {o.control.riskCode} · ansvarig{' '}
        {o.control.ansvarig}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h2">{o.label}</Typography>
        <Chip label={`planerad ${o.dueOn}`} size="small" />
        {locked && <Chip color="success" label={`Avslutad ${o.doneOn} av ${o.doneBy}`} />}
      </Stack>
      <TextField
        label="Urval"
        value={sample}
        onChange={(e) => setSample(e.target.value)}
        disabled={locked}
        helperText="T.ex. vilka fakturor eller utbetalningsunderlag, med nummer."
      />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={2}>
          {o.items.map((item) => {
            const a = answers[item.id] ?? { result: null, comment: '', document: null };
            const deviation = o.deviations.find((d) => d.itemId === item.id);
            return (
              <Stack key={item.id} spacing={1} role="group" aria-label={item.text}>
                <Typography sx={{ fontWeight: 600 }}>{item.text}</Typography>
                <RadioGroup
                  row
                  value={a.result ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [item.id]: { ...a, result: e.target.value as 'ok' | 'avvikelse' } })}
                >
                  <FormControlLabel value="ok" control={<Radio disabled={locked} />} label="OK" />
                  <FormControlLabel value="avvikelse" control={<Radio disabled={locked} />} label="Avvikelse" />
                </RadioGroup>
                <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} useFlexGap>
                  <TextField
                    size="small"
                    label="Kommentar"
                    value={a.comment}
                    onChange={(e) => setAnswers({ ...answers, [item.id]: { ...a, comment: e.target.value } })}
                    disabled={locked}
                    sx={{ flexGrow: 1 }}
                  />
                  <EvidencePicker
                    label="Underlag i diariet"
                    value={a.document}
                    disabled={locked}
                    onChange={(document) => setAnswers({ ...answers, [item.id]: { ...a, document } })}
                  />
                </Stack>
                {a.result === 'avvikelse' && !deviation && !locked && (
                  <DeviationForm
                    onRegister={async (d) => {
                      await run(() => call('internkontroll.saveOccasion', input()), 'Svaren är sparade.');
                      await run(
                        () => call('internkontroll.saveDeviation', { occasionId: id, itemId: item.id, description: a.comment || item.text, ...d }),
                        'Avvikelsen och åtgärden är registrerade.',
                      );
                    }}
                  />
                )}
                {deviation && (
                  <DeviationNotice
                    deviation={deviation}
                    onClosed={async () => {
                      // Answers typed since the last save are saved first, not replaced by the stored ones.
                      if (dirty && !(await run(() => call('internkontroll.saveOccasion', input()), 'Svaren är sparade.'))) return;
                      await run(
                        () => call('internkontroll.closeDeviation', { id: deviation.id, closedOn: todayIso() }),
                        'Åtgärden är klar och avvikelsen stängd.',
                      );
                    }}
                  />
                )}
              </Stack>
            );
          })}
        </Stack>
      </Paper>
      {!locked && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button variant="outlined" onClick={() => void run(() => call('internkontroll.saveOccasion', input()), 'Svaren är sparade.')}>
            Spara
          </Button>
          <DateField size="small" label="Kontrollen gjord" value={doneOn} onChange={(e) => setDoneOn(e.target.value)} />
          <Button
            variant="contained"
            onClick={async () => {
              try {
                await call('internkontroll.saveOccasion', input());
                show(await call('internkontroll.signOff', { id, doneOn }));
                notify('success', 'Kontrollen är avslutad och signerad.');
              } catch (err) {
                notify('error', errorMessage(err));
              }
            }}
          >
            Avsluta kontrollen
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

/** An avvikelse found: what is to be done about it, by whom, by when. */
function DeviationForm({ onRegister }: { onRegister: (d: { action: string; owner: string; dueOn: string }) => Promise<void> }) {
  const [d, setD] = useState({ action: '', owner: '', dueOn: '' });
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} useFlexGap>
      <TextField size="small" label="Åtgärd" value={d.action} onChange={(e) => setD({ ...d, action: e.target.value })} sx={{ flexGrow: 1 }} />
      <TextField size="small" label="Ansvarig för åtgärden" value={d.owner} onChange={(e) => setD({ ...d, owner: e.target.value })} />
      <DateField size="small" label="Klart senast" value={d.dueOn} onChange={(e) => setD({ ...d, dueOn: e.target.value })} />
      <Button variant="outlined" onClick={() => void onRegister(d)}>
        Registrera åtgärd
      </Button>
    </Stack>
  );
}

/** A registered avvikelse and its åtgärd: open (late in red) until marked åtgärdad. */
function DeviationNotice({ deviation, onClosed }: { deviation: Occasion['deviations'][number]; onClosed: () => Promise<void> }) {
  return (
    <Alert
      severity={deviation.status === 'stangd' ? 'success' : deviation.overdue ? 'error' : 'warning'}
      action={
        deviation.status === 'oppen' && (
          <Button color="inherit" size="small" onClick={() => void onClosed()}>
            Markera åtgärdad
          </Button>
        )
      }
    >
      {withoutFullStop(deviation.description)}. Åtgärd: {withoutFullStop(deviation.action)} ({deviation.owner},{' '}
      {deviation.status === 'stangd' ? `åtgärdat ${deviation.closedOn}` : `klart senast ${deviation.dueOn}`}).
    </Alert>
  );
}

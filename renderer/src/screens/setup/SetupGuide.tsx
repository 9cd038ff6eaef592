import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import RadioButtonUncheckedOutlined from '@mui/icons-material/RadioButtonUncheckedOutlined';
import { arshjulSaveInput } from '../../../../shared/contract/schemas/arshjul';
import type { SetupStatus, SetupStepKey } from '../../../../shared/contract/schemas/setup';
import { call, errorMessage } from '../../api';
import { useSaveForm } from '../../components/useSaveForm';
import { useApp } from '../../store/app';
import { ForbundForm } from '../ForbundForm';
import { MembersRegister } from '../members/MembersRegister';
import { BoardRegister } from '../board/BoardRegister';
import { NewArendebladDialog } from '../arendeblad/NewArendebladDialog';

/** What each step asks, in a sentence above its form. */
const INTRO: Record<SetupStepKey, string> = {
  forbundet:
    'Förbundets namn, organisationsnummer, säte och adress står i sidfoten på varje handling. Ditt namn står i granskningsloggen och på det du signerar, i stället för datorns användarnamn. Diarienumrets form väljer du här, och började året i ett annat diarium anger du var serien fortsätter.',
  medlemmar:
    'Lägg till förbundets medlemmar: Försäkringskassan, Arbetsförmedlingen, regionen och kommunerna. Kommunernas folkmängd den 1 november fördelar deras del av medlemsavgiften.',
  styrelse: 'Lägg in mandatperioden och vilka som är ledamöter och ersättare för varje medlem – för hand eller från en Excel-fil (Importera från Excel …).',
  arshjul:
    'När ska delårsrapporten till styrelsen? Datumet visas i årshjulet och på Översikten när det närmar sig. De andra datumen i årshjulet ändrar du på Översikten.',
  arendeblad: 'Nu kan du skriva ditt första ärendeblad. Mallarna fyller i det registren vet, och resten skriver du själv.',
};

/**
 * Kom igång: the guide an empty database opens with. Each step is the register's own form
 * (the same as under Register), done when the register holds what it asks; it can be left at
 * any step and resumed from Översikt, and "Klar" ends it.
 */
export function SetupGuide({ onLeave }: { onLeave(): void }) {
  const { forbund, setForbund, go, notify } = useApp();
  const [status, setStatus] = useState<SetupStatus | null>(null);
  const [step, setStep] = useState<SetupStepKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [writing, setWriting] = useState(false);

  const refresh = useCallback(() => {
    call('setup.status', {})
      .then((s) => {
        setStatus(s);
        // Resumed: at the first step not done.
        setStep((current) => current ?? s.steps.find((x) => !x.done)?.key ?? 'forbundet');
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  useEffect(refresh, [refresh]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!status || !step || !forbund) return <Typography>Läser in …</Typography>;
  const index = status.steps.findIndex((s) => s.key === step);
  const current = status.steps[index];
  const doneCount = status.steps.filter((s) => s.done).length;

  const move = (to: number) => {
    const next = status.steps[to];
    if (next) setStep(next.key);
    refresh();
  };

  async function finish() {
    try {
      setForbund(await call('setup.finish', {}));
      notify('success', 'Kansli är klart att använda. Stegen finns kvar under Register.');
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  return (
    <Stack spacing={2} component="section" aria-labelledby="setup-title">
      <Box>
        <Typography variant="h1" id="setup-title">
          Kom igång med Kansli
        </Typography>
        <Typography color="text.secondary">
          Fem steg, {doneCount} klara. Du kan lämna guiden när du vill och fortsätta senare; det du sparat finns kvar.
        </Typography>
      </Box>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
        <Paper variant="outlined" sx={{ minWidth: 260 }}>
          <List aria-label="Steg">
            {status.steps.map((s, i) => (
              <ListItem key={s.key} disablePadding>
                <ListItemButton selected={s.key === step} onClick={() => move(i)} aria-current={s.key === step ? 'step' : undefined}>
                  <ListItemIcon sx={{ minWidth: 36 }}>
                    {s.done ? <CheckCircleOutlined color="success" titleAccess="Klart" /> : <RadioButtonUncheckedOutlined titleAccess="Inte klart" />}
                  </ListItemIcon>
                  <ListItemText primary={`${i + 1}. ${s.label}`} secondary={s.note} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Paper>
        <Stack spacing={2} sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h2">
            Steg {index + 1}: {current?.label}
          </Typography>
          <Typography>{INTRO[step]}</Typography>
          {step === 'forbundet' && <ForbundForm forbund={forbund} />}
          {step === 'medlemmar' && <MembersRegister />}
          {step === 'styrelse' && <BoardRegister route={[]} />}
          {step === 'arshjul' && <DelarsDate onSaved={refresh} />}
          {step === 'arendeblad' && (
            <Box>
              <Button variant="contained" onClick={() => setWriting(true)}>
                Nytt ärendeblad …
              </Button>
            </Box>
          )}
          <Stack direction="row" spacing={1} sx={{ pt: 2, borderTop: 1, borderColor: 'divider', flexWrap: 'wrap' }} useFlexGap>
            <Button onClick={() => move(index - 1)} disabled={index === 0}>
              Föregående
            </Button>
            {index < status.steps.length - 1 ? (
              <Button variant="contained" onClick={() => move(index + 1)}>
                Nästa
              </Button>
            ) : (
              <Button variant="contained" onClick={() => void finish()}>
                Klar
              </Button>
            )}
            <Box sx={{ flexGrow: 1 }} />
            <Button onClick={onLeave}>Lämna guiden för nu</Button>
          </Stack>
        </Stack>
      </Stack>
      {writing && (
        <NewArendebladDialog
          onClose={() => setWriting(false)}
          onCreated={(b) => {
            // The first ärendeblad ends the guide and opens in its editor.
            void call('setup.finish', {}).then(setForbund);
            go('arendeblad', String(b.id));
          }}
        />
      )}
    </Stack>
  );
}

/** The delårsrapport's day (MM-DD), stored in the årshjul. */
function DelarsDate({ onSaved }: { onSaved(): void }) {
  const notify = useApp((s) => s.notify);
  const [monthDay, setMonthDay] = useState('10-31');
  const form = useSaveForm(arshjulSaveInput);
  useEffect(() => {
    void call('arshjul.get', { year: new Date().getFullYear() }).then((v) => {
      const item = v.items.find((i) => i.key === 'delarsrapport');
      if (item) setMonthDay(item.monthDay);
    });
  }, []);
  async function save() {
    const saved = await form.submit({ year: new Date().getFullYear(), dates: [{ key: 'delarsrapport', monthDay }] }, (input) => call('arshjul.save', input));
    if (saved) {
      notify('success', 'Delårsrapportens datum är sparat.');
      onSaved();
    }
  }
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
      <TextField
        label="Delårsrapporten till styrelsen senast"
        value={monthDay}
        onChange={(e) => setMonthDay(e.target.value)}
        error={Boolean(form.errors['dates.0.monthDay'] ?? form.formError)}
        helperText={form.errors['dates.0.monthDay'] ?? form.formError ?? 'MM-DD, varje år'}
        sx={{ width: 320 }}
      />
      <Button variant="outlined" onClick={() => void save()} disabled={form.saving} sx={{ mt: 1 }}>
        Spara datumet
      </Button>
      {form.dialogs}
    </Stack>
  );
}

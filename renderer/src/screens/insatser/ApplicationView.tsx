import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import type { Delegation } from '../../../../shared/contract/schemas/delegation';
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  KATEGORI_LABELS,
  type Application,
  type ChecklistKey,
} from '../../../../shared/contract/schemas/insatser';
import { formatKr } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { useApp, useUnsavedChanges } from '../../store/app';
import { DateField, KronorField } from '../../components/fields';
import { parseKronor, todayIso } from '../../components/text';
import { ApplicationDialog } from './ApplicationDialog';

const OK_LABELS = { ja: 'Ja', nej: 'Nej', oklart: 'Ej bedömt' } as const;

/** One ansökan: what it asks for, the beredning, and the decision. */
export function ApplicationView({ id, onBack }: { id: number; onBack(): void }) {
  const notify = useApp((s) => s.notify);
  const [a, setA] = useState<Application | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    call('insatser.application', { id })
      .then(setA)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [id]);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!a) return <Typography>Läser in ansökan …</Typography>;
  const open = a.status === 'inkommen' || a.status === 'under_beredning';

  const run: Run = async (fn, done) => {
    try {
      setA(await fn());
      notify('success', done);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button startIcon={<ArrowBackOutlined />} onClick={onBack}>
          Ansökningar
        </Button>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {a.name}
        </Typography>
        <Chip label={`Dnr ${a.diarienummer}`} variant="outlined" />
        <Chip label={APPLICATION_STATUS_LABELS[a.status]} color={a.status === 'avslagen' ? 'default' : open ? 'warning' : 'success'} />
        {open && (
          <Button variant="outlined" onClick={() => setEditing(true)}>
            Ändra …
          </Button>
        )}
      </Stack>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
        <Stack spacing={2} sx={{ flexGrow: 1, width: '100%' }}>
          <ApplicationSummary a={a} />
        </Stack>

        <Stack spacing={2} sx={{ width: { xs: '100%', lg: 460 }, flexShrink: 0 }}>
          <BeredningSection a={a} open={open} run={run} />
          <DecisionSection a={a} run={run} />
        </Stack>
      </Stack>
      {editing && <ApplicationDialog application={a} onClose={() => setEditing(false)} onSaved={setA} />}
    </Box>
  );
}

/** Runs a step of the beredning or the decision and shows the ansökan as it is after it. */
type Run = (fn: () => Promise<Application>, done: string) => Promise<void>;

/** What the ansökan asks for: parties, syfte, målgrupp, goals, and the amounts by year. */
function ApplicationSummary({ a }: { a: Application }) {
  return (
    <>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {APPLICATION_KIND_LABELS[a.kind]}
          {a.kind !== 'ny' && a.insatsName ? ` för ${a.insatsName}` : ''} · {KATEGORI_LABELS[a.kategori]} · inkom {a.receivedOn} · {a.startsOn} till {a.endsOn}
        </Typography>
        <Typography sx={{ mt: 1 }}>
          <strong>Samverkansparter:</strong> {a.parties.map((p) => p.name).join(', ')}. <strong>Insatsägare:</strong> {a.ownerName}.
        </Typography>
        {a.syfte && (
          <Typography sx={{ mt: 1 }}>
            <strong>Syfte:</strong> {a.syfte}
          </Typography>
        )}
        {a.malgrupp && (
          <Typography>
            <strong>Målgrupp:</strong> {a.malgrupp}
          </Typography>
        )}
        {a.priorityGroups.length > 0 && (
          <Typography>
            <strong>Prioriterade målgrupper:</strong> {a.priorityGroups.map((g) => g.name).join('; ')}
          </Typography>
        )}
        {a.goals.map((g) => (
          <Typography key={g.id} variant="body2">
            {g.kind === 'effektmal' ? 'Effektmål' : 'Insatsmål'}: {g.text}
          </Typography>
        ))}
        <Typography variant="body2" sx={{ mt: 1 }}>
          {a.sus ? 'Deltagarna registreras i SUS.' : 'Deltagarna registreras inte i SUS.'}{' '}
          {a.lokusAgrees ? 'Alla parter i lokusgruppen står bakom ansökan.' : 'Alla parter i lokusgruppen står inte bakom ansökan.'}
        </Typography>
      </Paper>
      <Paper variant="outlined">
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, p: 2, pb: 0 }}>
          Effekt på beslutsutrymmet per år
        </Typography>
        <Table size="small" aria-label="Belopp per år">
          <TableHead>
            <TableRow>
              <TableCell>År</TableCell>
              <TableCell align="right">Sökt</TableCell>
              <TableCell align="right">Egenfinansiering</TableCell>
              <TableCell align="right">Förväntade deltagare</TableCell>
              <TableCell align="right">Beviljat</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {a.years.map((y) => (
              <TableRow key={y.year}>
                <TableCell>{y.year}</TableCell>
                <TableCell align="right">{formatKr(y.soughtKr)}</TableCell>
                <TableCell align="right">{formatKr(y.ownKr)}</TableCell>
                <TableCell align="right">{y.participants ?? '–'}</TableCell>
                <TableCell align="right">{y.grantedKr === null ? '–' : formatKr(y.grantedKr)}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell sx={{ fontWeight: 700 }}>Totalt</TableCell>
              <TableCell align="right" sx={{ fontWeight: 700 }}>
                {formatKr(a.soughtTotalKr)}
              </TableCell>
              <TableCell colSpan={3} />
            </TableRow>
          </TableBody>
        </Table>
      </Paper>
    </>
  );
}

/** Beredning: each point of the checklist answered ja, nej or not yet assessed, while the ansökan is open. */
function BeredningSection({ a, open, run }: { a: Application; open: boolean; run: Run }) {
  const checklistInput = (key: ChecklistKey, patch: { ok?: boolean | null; note?: string }) => ({
    id: a.id,
    items: Object.fromEntries(
      a.checklist.map((c) => [
        c.key,
        c.key === key ? { ok: patch.ok === undefined ? c.ok : patch.ok, note: patch.note ?? c.note ?? '' } : { ok: c.ok, note: c.note ?? '' },
      ]),
    ),
  });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Beredning">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Beredning
      </Typography>
      {a.checklist.map((c) => (
        <Box key={c.key} sx={{ mt: 1 }}>
          <Typography variant="body2">{c.label}</Typography>
          <RadioGroup
            row
            value={c.ok === null ? 'oklart' : c.ok ? 'ja' : 'nej'}
            onChange={(e) =>
              open &&
              void run(
                () => call('insatser.checklist', checklistInput(c.key, { ok: e.target.value === 'oklart' ? null : e.target.value === 'ja' })),
                'Beredningen är sparad.',
              )
            }
          >
            {(['ja', 'nej', 'oklart'] as const).map((v) => (
              <FormControlLabel
                key={v}
                value={v}
                control={<Radio size="small" disabled={!open} />}
                label={OK_LABELS[v]}
                slotProps={{ typography: { variant: 'body2' } }}
              />
            ))}
          </RadioGroup>
        </Box>
      ))}
    </Paper>
  );
}

/** Beslut: the decision as registered, or the form to write the board's ärendeblad or register the decision. */
function DecisionSection({ a, run }: { a: Application; run: Run }) {
  const go = useApp((s) => s.go);
  const id = a.id;
  const [delegations, setDelegations] = useState<Delegation[]>([]);
  const [outcome, setOutcome] = useState<'bifall' | 'delvis' | 'avslag'>('bifall');
  const [by, setBy] = useState<'styrelse' | 'delegation'>('styrelse');
  const [delegationId, setDelegationId] = useState<number | ''>('');
  const [granted, setGranted] = useState<Record<number, string>>({});
  const [reason, setReason] = useState('');
  const [decidedOn, setDecidedOn] = useState(todayIso());
  useEffect(() => {
    void call('delegations.list', {}).then(setDelegations);
  }, []);
  // A decision being written (amounts, a reason) is asked about before it is left unregistered.
  useUnsavedChanges(
    `ansokan-${id}`,
    'beslutet om ansökan',
    (reason.trim() !== '' || Object.values(granted).some((v) => v.trim() !== '')) && (a.status === 'inkommen' || a.status === 'under_beredning'),
  );

  const grantedList = a.years.map((y) => ({ year: y.year, amountKr: (parseKronor(granted[y.year] ?? '') ?? 0) as number }));
  const decisionInput = {
    id: a.id,
    outcome,
    granted: outcome === 'delvis' ? grantedList : [],
    reason,
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Beslut">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Beslut
      </Typography>
      {a.decision ? (
        <Stack spacing={1}>
          <Typography>
            {APPLICATION_STATUS_LABELS[a.status]} {a.decision.on} av {a.decision.by === 'styrelse' ? 'styrelsen' : 'förbundschefen på delegation'}.
            {a.decision.reason ? ` ${a.decision.reason}` : ''}
          </Typography>
          {a.decision.arendebladId && (
            <Link component="button" sx={{ alignSelf: 'flex-start' }} onClick={() => go('arendeblad', String(a.decision?.arendebladId))}>
              Öppna ärendebladet
            </Link>
          )}
          {a.insatsId && a.status !== 'avslagen' && (
            <Link component="button" sx={{ alignSelf: 'flex-start' }} onClick={() => go('insatser', 'insats', String(a.insatsId))}>
              Öppna insatsen
            </Link>
          )}
        </Stack>
      ) : (
        <Stack spacing={2} sx={{ mt: 1 }}>
          <RadioGroup row value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)} aria-label="Utfall">
            <FormControlLabel value="bifall" control={<Radio />} label="Bifall" />
            <FormControlLabel value="delvis" control={<Radio />} label="Delvis bifall" />
            <FormControlLabel value="avslag" control={<Radio />} label="Avslag" />
          </RadioGroup>
          {outcome === 'delvis' &&
            a.years.map((y) => (
              <KronorField
                key={y.year}
                label={`Beviljas ${y.year} (sökt ${formatKr(y.soughtKr)})`}
                value={granted[y.year] ?? ''}
                onChange={(e) => setGranted({ ...granted, [y.year]: e.target.value })}
              />
            ))}
          <TextField
            label={outcome === 'avslag' ? 'Skäl till avslag' : 'Motivering (frivillig)'}
            multiline
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {a.arendebladId !== null ? (
            // Written already: open it to change the proposal (a second "Skriv" would only be refused).
            <Link component="button" sx={{ alignSelf: 'flex-start' }} onClick={() => go('arendeblad', String(a.arendebladId))}>
              Öppna ärendebladet till styrelsen
            </Link>
          ) : (
            <Button
              variant="outlined"
              sx={{ alignSelf: 'flex-start' }}
              onClick={() => void run(() => call('insatser.proposal', { ...decisionInput, datum: todayIso() }), 'Ärendebladet till styrelsen är skrivet.')}
            >
              Skriv ärendeblad till styrelsen
            </Button>
          )}
          <RadioGroup row value={by} onChange={(e) => setBy(e.target.value as typeof by)} aria-label="Beslutande">
            <FormControlLabel value="styrelse" control={<Radio />} label="Styrelsen" />
            <FormControlLabel value="delegation" control={<Radio />} label="På delegation" />
          </RadioGroup>
          {by === 'delegation' && (
            <TextField select label="Punkt i delegationsordningen" value={delegationId} onChange={(e) => setDelegationId(Number(e.target.value))}>
              {delegations.map((d) => (
                <MenuItem key={d.id} value={d.id}>
                  {d.code} {d.matter}
                  {d.limitKr !== null ? ` (högst ${formatKr(d.limitKr)})` : ''}
                </MenuItem>
              ))}
            </TextField>
          )}
          <DateField label="Beslutsdatum" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
          <Button
            variant="contained"
            onClick={() =>
              void run(
                () =>
                  call('insatser.decide', {
                    ...decisionInput,
                    by,
                    decidedOn,
                    ...(by === 'delegation' && delegationId !== '' ? { delegationId } : {}),
                  }),
                'Beslutet är registrerat.',
              )
            }
          >
            Registrera beslut
          </Button>
        </Stack>
      )}
    </Paper>
  );
}

import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import {
  INSATS_FORM_LABELS,
  INSATS_FORMS,
  INSATS_STATUS_LABELS,
  INSATS_STATUSES,
  KATEGORI_LABELS,
  REPORT_KINDS,
  REPORT_LABELS,
  type InsatsDetail,
  type InsatsForm,
  type InsatsStatus,
} from '../../../../shared/contract/schemas/insatser';
import { formatKr, formatPercent } from '../../../../shared/format/sv';
import { ApiCallError, call, errorMessage } from '../../api';
import { fileToBase64 } from '../../files';
import { useApp } from '../../store/app';
import { DateField, KronorField, SelectField } from '../../components/fields';
import { parseKronor, todayIso } from '../../components/text';

const OUTCOMES = { uppfyllt: 'Uppfyllt', delvis: 'Delvis uppfyllt', ej_uppfyllt: 'Ej uppfyllt' } as const;
const PARTICIPANT_FIELDS = [
  ['deltagare', 'Deltagare'],
  ['kvinnor', 'Kvinnor'],
  ['man', 'Män'],
  ['avslutade', 'Avslutade'],
  ['tillArbete', 'Till arbete'],
  ['tillStudier', 'Till studier'],
] as const;
type ParticipantField = (typeof PARTICIPANT_FIELDS)[number][0];
/** Optional: of those who ended, by kön. */
const KON_FIELDS = [
  ['avslutadeKvinnor', 'Avslutade kvinnor'],
  ['avslutadeMan', 'Avslutade män'],
  ['arbeteStudierKvinnor', 'Kvinnor till arbete/studier'],
  ['arbeteStudierMan', 'Män till arbete/studier'],
] as const;
type KonField = (typeof KON_FIELDS)[number][0];

/** One insats: budget against utfall, participants (counts only), goals, reports. */
export function InsatsView({ id, onBack }: { id: number; onBack(): void }) {
  const notify = useApp((s) => s.notify);
  const [d, setD] = useState<InsatsDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('insatser.detail', { id })
      .then(setD)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [id]);

  const run: Run = async (fn, done) => {
    try {
      setD(await fn());
      notify('success', done);
      return true;
    } catch (err) {
      notify('error', errorMessage(err));
      return false;
    }
  };

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!d) return <Typography>Läser in insatsen …</Typography>;

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button startIcon={<ArrowBackOutlined />} onClick={onBack}>
          Insatser
        </Button>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {d.name}
        </Typography>
        <Chip label={KATEGORI_LABELS[d.kategori]} variant="outlined" />
        <SelectField
          size="small"
          label="Status"
          value={d.status}
          onChange={(e) =>
            void run(() => call('insatser.update', { id, status: e.target.value as InsatsStatus, styrgrupp: d.styrgrupp ?? '' }), 'Status är ändrad.')
          }
          options={INSATS_STATUSES.map((st) => ({ value: st, label: INSATS_STATUS_LABELS[st] }))}
        />
        <SelectField
          size="small"
          label="Redovisas som"
          value={d.form}
          onChange={(e) =>
            void run(
              () => call('insatser.update', { id, status: d.status, form: e.target.value as InsatsForm, styrgrupp: d.styrgrupp ?? '' }),
              'Insatsen redovisas nu som ' + INSATS_FORM_LABELS[e.target.value as InsatsForm].toLowerCase() + ' i årsredovisningen.',
            )
          }
          options={INSATS_FORMS.map((f) => ({ value: f, label: INSATS_FORM_LABELS[f] }))}
        />
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {d.ownerName} är insatsägare · {d.startsOn} till {d.endsOn} · beviljat {formatKr(d.budgetTotalKr)}, bokfört utfall {formatKr(d.utfallTotalKr)},
        rekvisitioner {formatKr(d.rekvisitionerTotalKr)}
        {d.kvot !== null ? ` (förbrukningskvot ${formatPercent(d.kvot)})` : ''}
      </Typography>
      <Stack spacing={2}>
        <EconomyTable d={d} />
        <RequisitionsSection d={d} run={run} />
        <ParticipantsSection d={d} onSaved={setD} />
        <GoalsSection d={d} run={run} />
        <ReportsSection d={d} run={run} />
      </Stack>
    </Box>
  );
}

/** Runs a change to the insats, shows the insats as it is after it, and says so; false when refused. */
type Run = (fn: () => Promise<InsatsDetail>, done: string) => Promise<boolean>;

/** Beviljad budget, utfall as booked, the rekvisitioner paid out and the difference, and förbrukningskvot by year. */
function EconomyTable({ d }: { d: InsatsDetail }) {
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Budget och utfall">
        <TableHead>
          <TableRow>
            <TableCell>År</TableCell>
            <TableCell align="right">Beviljad budget</TableCell>
            <TableCell align="right">Utfall (bokfört)</TableCell>
            <TableCell align="right">Rekvisitioner</TableCell>
            <TableCell align="right">Skillnad</TableCell>
            <TableCell align="right">Förbrukningskvot</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {d.economy.map((e) => (
            <TableRow key={e.year}>
              <TableCell>{e.year}</TableCell>
              <TableCell align="right">{formatKr(e.budgetKr)}</TableCell>
              <TableCell align="right">{formatKr(e.utfallKr)}</TableCell>
              <TableCell align="right">{formatKr(e.rekvisitionerKr)}</TableCell>
              <TableCell align="right" sx={{ color: e.skillnadKr !== 0 ? 'warning.dark' : undefined }}>
                {e.skillnadKr === 0 ? '–' : formatKr(e.skillnadKr)}
              </TableCell>
              <TableCell align="right">{e.kvot === null ? '–' : formatPercent(e.kvot)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ color: 'text.secondary', p: 1.5 }}>
        Utfallet är det bokförda (Ekonomi → Utfall), som rapporterna räknar med. Rekvisitionerna står bredvid; en skillnad är något att stämma av mot
        bokföringen.
      </Typography>
    </Paper>
  );
}

/** Rekvisitioner: what has been paid out, for which period; a new one added under the list. */
function RequisitionsSection({ d, run }: { d: InsatsDetail; run: Run }) {
  const id = d.id;
  const [req, setReq] = useState({ paidOn: todayIso(), amount: '', periodFrom: '', periodTo: '' });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Rekvisitioner">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Rekvisitioner
      </Typography>
      {d.requisitions.map((r) => (
        <Stack key={r.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography sx={{ flexGrow: 1 }}>
            {r.paidOn}: {formatKr(r.amountKr)} för {r.periodFrom} till {r.periodTo}
            {r.note ? ` – ${r.note}` : ''}
          </Typography>
          <IconButton
            size="small"
            aria-label={`Ta bort rekvisitionen ${r.paidOn}`}
            onClick={() => void run(() => call('insatser.removeRequisition', { id: r.id }), 'Rekvisitionen är borttagen.')}
          >
            <DeleteOutlined fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ mt: 1 }}>
        <DateField size="small" label="Utbetald" value={req.paidOn} onChange={(e) => setReq({ ...req, paidOn: e.target.value })} />
        <KronorField size="small" label="Belopp" value={req.amount} onChange={(e) => setReq({ ...req, amount: e.target.value })} />
        <DateField size="small" label="Avser från" value={req.periodFrom} onChange={(e) => setReq({ ...req, periodFrom: e.target.value })} />
        <DateField size="small" label="Avser till" value={req.periodTo} onChange={(e) => setReq({ ...req, periodTo: e.target.value })} />
        <Button
          onClick={async () => {
            const ok = await run(
              () =>
                call('insatser.saveRequisition', {
                  insatsId: id,
                  paidOn: req.paidOn,
                  amountKr: parseKronor(req.amount) as number,
                  periodFrom: req.periodFrom,
                  periodTo: req.periodTo,
                }),
              'Rekvisitionen är registrerad.',
            );
            if (ok) setReq({ ...req, amount: '' });
          }}
        >
          Lägg till
        </Button>
      </Stack>
    </Paper>
  );
}

/** Deltagare by year, as counts only, with the optional split by kön of those who ended. */
function ParticipantsSection({ d, onSaved }: { d: InsatsDetail; onSaved: (d: InsatsDetail) => void }) {
  const notify = useApp((s) => s.notify);
  const id = d.id;
  const [pYear, setPYear] = useState(new Date().getFullYear());
  const [p, setP] = useState<Record<ParticipantField, string>>({ deltagare: '', kvinnor: '', man: '', avslutade: '', tillArbete: '', tillStudier: '' });
  const [kon, setKon] = useState<Record<KonField, string>>({ avslutadeKvinnor: '', avslutadeMan: '', arbeteStudierKvinnor: '', arbeteStudierMan: '' });
  const [pErrors, setPErrors] = useState<Record<string, string>>({});
  // The year's saved figures fill the fields (empty fields would save zeros over them);
  // once per insats and year, so what is being typed is never overwritten.
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!d || filledFor.current === `${d.id}:${pYear}`) return;
    filledFor.current = `${d.id}:${pYear}`;
    const saved = d.participants.find((x) => x.year === pYear);
    setP(Object.fromEntries(PARTICIPANT_FIELDS.map(([k]) => [k, saved ? String(saved[k]) : ''])) as Record<ParticipantField, string>);
    setKon(Object.fromEntries(KON_FIELDS.map(([k]) => [k, saved?.byKon ? String(saved.byKon[k]) : ''])) as Record<KonField, string>);
  }, [d, pYear]);

  async function saveParticipants() {
    setPErrors({});
    const byKon = KON_FIELDS.every(([k]) => kon[k].trim() === '')
      ? null
      : (Object.fromEntries(KON_FIELDS.map(([k]) => [k, Number(kon[k] || 0)])) as Record<KonField, number>);
    const input = { insatsId: id, year: pYear, byKon, ...Object.fromEntries(PARTICIPANT_FIELDS.map(([k]) => [k, Number(p[k] || 0)])) } as {
      insatsId: number;
      year: number;
      byKon: Record<KonField, number> | null;
    } & Record<ParticipantField, number>;
    try {
      onSaved(await call('insatser.saveParticipants', input));
      notify('success', `Deltagaruppgifterna för ${pYear} är sparade.`);
    } catch (err) {
      if (err instanceof ApiCallError) setPErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      notify('error', errorMessage(err));
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Deltagare">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Deltagare (bara antal, aldrig uppgifter om enskilda)
      </Typography>
      {d.participants.map((x) => (
        <Typography key={x.year} variant="body2">
          {x.year}: {x.deltagare} deltagare ({x.kvinnor} kvinnor, {x.man} män), {x.avslutade} avslutade, varav {x.tillArbete} till arbete och {x.tillStudier}{' '}
          till studier
          {x.byKon
            ? ` (kvinnor ${x.byKon.arbeteStudierKvinnor} av ${x.byKon.avslutadeKvinnor}, män ${x.byKon.arbeteStudierMan} av ${x.byKon.avslutadeMan})`
            : ''}
          .
        </Typography>
      ))}
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <TextField size="small" label="År" value={pYear} onChange={(e) => setPYear(Number(e.target.value))} sx={{ width: 90 }} />
        {PARTICIPANT_FIELDS.map(([k, label]) => (
          <TextField
            key={k}
            size="small"
            label={label}
            value={p[k]}
            onChange={(e) => setP({ ...p, [k]: e.target.value })}
            error={!!pErrors[k]}
            helperText={pErrors[k]}
            sx={{ width: 130 }}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
        ))}
        <Button onClick={() => void saveParticipants()}>Spara</Button>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
        {KON_FIELDS.map(([k, label]) => (
          <TextField
            key={k}
            size="small"
            label={label}
            value={kon[k]}
            onChange={(e) => setKon({ ...kon, [k]: e.target.value })}
            error={!!pErrors[`byKon.${k}`]}
            helperText={pErrors[`byKon.${k}`]}
            sx={{ width: 200 }}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
        ))}
      </Stack>
    </Paper>
  );
}

/** Effektmål and insatsmål, each with its utfall: uppfyllt, delvis or ej uppfyllt. */
function GoalsSection({ d, run }: { d: InsatsDetail; run: Run }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Mål">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Mål och utfall
      </Typography>
      {d.goals.map((g) => (
        <Stack key={g.id} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'center' }, mt: 1 }}>
          <Typography sx={{ flexGrow: 1 }}>
            {g.kind === 'effektmal' ? 'Effektmål' : 'Insatsmål'}: {g.text}
          </Typography>
          <TextField
            select
            size="small"
            label="Utfall"
            value={g.outcome ?? ''}
            onChange={(e) =>
              void run(
                () =>
                  call('insatser.goalOutcome', {
                    id: g.id,
                    outcome: e.target.value === '' ? null : (e.target.value as keyof typeof OUTCOMES),
                    note: g.outcomeNote ?? '',
                  }),
                'Utfallet är sparat.',
              )
            }
            sx={{ minWidth: 170 }}
          >
            <MenuItem value="">
              <em>Ej bedömt</em>
            </MenuItem>
            {Object.entries(OUTCOMES).map(([k, label]) => (
              <MenuItem key={k} value={k}>
                {label}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      ))}
    </Paper>
  );
}

/** Rapporter and avvikelser received from the insats, a file with each going into the diarium. */
function ReportsSection({ d, run }: { d: InsatsDetail; run: Run }) {
  const id = d.id;
  const [reportFile, setReportFile] = useState<File | null>(null);
  const [report, setReport] = useState({
    kind: 'arsrapport' as (typeof REPORT_KINDS)[number],
    year: String(new Date().getFullYear()),
    receivedOn: todayIso(),
    text: '',
  });

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Rapporter">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Rapporter och avvikelser
      </Typography>
      {d.reports.map((r) => (
        <Typography key={r.id} variant="body2">
          {r.receivedOn}: {REPORT_LABELS[r.kind]}
          {r.year ? ` ${r.year}` : ''}
          {r.text ? ` – ${r.text}` : ''}
          {r.documentId !== null ? ' (i diariet)' : ''}
        </Typography>
      ))}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ mt: 1 }}>
        <SelectField
          size="small"
          label="Slag"
          value={report.kind}
          onChange={(e) => setReport({ ...report, kind: e.target.value as (typeof REPORT_KINDS)[number] })}
          sx={{ minWidth: 170 }}
          options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_LABELS[k] }))}
        />
        <TextField size="small" label="År" value={report.year} onChange={(e) => setReport({ ...report, year: e.target.value })} sx={{ width: 90 }} />
        <DateField size="small" label="Inkom" value={report.receivedOn} onChange={(e) => setReport({ ...report, receivedOn: e.target.value })} />
        <TextField
          size="small"
          label="Sammanfattning"
          value={report.text}
          onChange={(e) => setReport({ ...report, text: e.target.value })}
          sx={{ flexGrow: 1 }}
        />
        <Button component="label" size="small">
          {reportFile ? reportFile.name : 'Bifoga fil …'}
          <input hidden type="file" aria-label="Rapportens fil" onChange={(e) => setReportFile(e.target.files?.[0] ?? null)} />
        </Button>
        <Button
          onClick={() =>
            void run(async () => {
              // The report goes into the diarium, in the ärende of the insats's first ansökan.
              const arendeId = d.applications[0]?.arendeId;
              const documentId =
                reportFile && arendeId !== undefined
                  ? (
                      await call('documents.add', {
                        arendeId,
                        fileName: reportFile.name,
                        title: `${REPORT_LABELS[report.kind]} ${d.name}${report.year ? ` ${report.year}` : ''}`,
                        contentBase64: await fileToBase64(reportFile),
                      })
                    ).id
                  : null;
              const saved = await call('insatser.report', {
                insatsId: id,
                kind: report.kind,
                year: report.year.trim() === '' ? null : Number(report.year),
                receivedOn: report.receivedOn,
                text: report.text,
                documentId,
              });
              setReportFile(null);
              return saved;
            }, 'Rapporten är registrerad.')
          }
        >
          Registrera
        </Button>
      </Stack>
    </Paper>
  );
}

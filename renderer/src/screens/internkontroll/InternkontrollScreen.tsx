import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { HANTERING_LABELS, type DeviationListItem, type PlanView, type RiskView, type RiskYearView } from '../../../../shared/contract/schemas/internkontroll';
import { FREKVENS_LABELS, METOD_LABELS } from '../../../../shared/domain/internkontroll';
import { call, errorMessage } from '../../api';
import { todayIso } from '../../components/text';
import { downloadBase64 } from '../../files';
import { useApp } from '../../store/app';
import { YearField } from '../ekonomi/common';
import { countOf } from '../../../../shared/format/sv';
import { ControlDialog } from './ControlDialog';
import { OccasionView } from './OccasionView';
import { RiskDialog } from './RiskDialog';
import { RiskMatrix } from './RiskMatrix';
import { ScaleCard } from './ScaleCard';
import { TableBox } from '../../components/TableBox';

const TABS = [
  { id: 'riskanalys', label: 'Riskanalys' },
  { id: 'plan', label: 'Internkontrollplan' },
  { id: 'avvikelser', label: 'Avvikelser' },
  { id: 'rapport', label: 'Rapport & inställningar' },
] as const;

/** Risk & internkontroll: #/internkontroll/<flik>, #/internkontroll/kontroll/<tillfälle>. */
export function InternkontrollScreen() {
  const { route, go } = useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  if (route[0] === 'kontroll' && route[1]) return <OccasionView key={route[1]} id={Number(route[1])} onBack={() => go('internkontroll', 'plan')} />;
  const tab = TABS.find((t) => t.id === route[0])?.id ?? 'riskanalys';
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }} spacing={2}>
        <Typography variant="h1" sx={{ flexGrow: 1 }}>
          Risk &amp; internkontroll
        </Typography>
        <YearField value={year} onChange={setYear} />
      </Stack>
      <Tabs value={tab} onChange={(_e, v: string) => go('internkontroll', v)} aria-label="Risk och internkontroll">
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} />
        ))}
      </Tabs>
      {tab === 'riskanalys' && <AnalysisTab year={year} />}
      {tab === 'plan' && <PlanTab year={year} />}
      {tab === 'avvikelser' && <DeviationsTab year={year} />}
      {tab === 'rapport' && <ReportTab year={year} />}
    </Stack>
  );
}

const change = (n: number | null) => (n === null ? 'ny' : n === 0 ? '±0' : n > 0 ? `+${n}` : `−${-n}`);

function AnalysisTab({ year }: { year: number }) {
  const notify = useApp((s) => s.notify);
  const [a, setA] = useState<RiskYearView | null>(null);
  const [editing, setEditing] = useState<RiskView | 'new' | null>(null);
  // "Utgå från" the year before is offered only when that year has an analysis to start from.
  const [previousRisks, setPreviousRisks] = useState(0);
  useEffect(() => {
    Promise.all([call('internkontroll.risks', { year }), call('internkontroll.risks', { year: year - 1 })])
      .then(([current, previous]) => {
        setA(current);
        setPreviousRisks(previous.risks.length);
      })
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [year, notify]);
  if (!a) return null;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => setEditing('new')}>
          Ny risk
        </Button>
        {a.risks.length === 0 && previousRisks > 0 && (
          <Button
            variant="outlined"
            onClick={async () => {
              try {
                await call('internkontroll.copyYear', { fromYear: year - 1, toYear: year });
                setA(await call('internkontroll.risks', { year }));
                notify('success', `Riskanalysen och planen för ${year} utgår nu från ${year - 1}.`);
              } catch (err) {
                notify('error', errorMessage(err));
              }
            }}
          >
            Utgå från {year - 1}
          </Button>
        )}
      </Stack>
      {a.risks.length === 0 && (
        <Alert severity="info">
          Ingen riskanalys för {year} ännu.{' '}
          {previousRisks > 0 ? `Utgå från ${year - 1} för att ta med dess ${countOf(previousRisks, 'risk', 'risker')} och kontrollmoment, eller` : 'Börja med'}{' '}
          Ny risk.
        </Alert>
      )}
      <Stack direction={{ xs: 'column', xl: 'row' }} spacing={2}>
        <Paper variant="outlined" sx={{ p: 2, flex: '0 0 auto', minWidth: 520 }}>
          <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
            Riskmatris {year}
          </Typography>
          <RiskMatrix analysis={a} onOpen={(id) => setEditing(a.risks.find((r) => r.id === id) ?? null)} />
        </Paper>
        {a.risks.length > 0 && (
          <TableBox label={`Riskanalys ${year}`} sx={{ flex: 1 }}>
            <Table size="small" aria-label={`Riskanalys ${year}`}>
              <TableHead>
                <TableRow>
                  <TableCell>Id</TableCell>
                  <TableCell>Risk</TableCell>
                  <TableCell>Process</TableCell>
                  <TableCell align="right">Värde</TableCell>
                  <TableCell align="right">Ändring</TableCell>
                  <TableCell>Hantering</TableCell>
                  <TableCell>Riskägare</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {a.risks.map((r) => (
                  <TableRow key={r.id} hover onClick={() => setEditing(r)} sx={{ cursor: 'pointer' }}>
                    <TableCell>{r.code}</TableCell>
                    <TableCell>{r.title}</TableCell>
                    <TableCell>{r.process}</TableCell>
                    <TableCell align="right">
                      <Chip size="small" label={`${r.value} (${r.sannolikhet}×${r.konsekvens})`} sx={{ bgcolor: r.level.color }} />
                    </TableCell>
                    <TableCell align="right">{change(r.change)}</TableCell>
                    <TableCell>
                      {HANTERING_LABELS[r.hantering]}
                      {r.hantering === 'kontroll' && r.controls === 0 && <Chip size="small" color="warning" label="inget kontrollmoment" sx={{ ml: 1 }} />}
                    </TableCell>
                    <TableCell>{r.owner}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableBox>
        )}
      </Stack>
      {editing && (
        <RiskDialog
          key={editing === 'new' ? 'new' : editing.id}
          year={year}
          analysis={a}
          risk={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setA(next);
            setEditing(null);
            notify('success', 'Risken är sparad.');
          }}
        />
      )}
    </Stack>
  );
}

function PlanTab({ year }: { year: number }) {
  const { notify, go } = useApp();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [risks, setRisks] = useState<RiskYearView | null>(null);
  const [editing, setEditing] = useState<PlanView['controls'][number] | 'new' | null>(null);
  const load = useCallback(() => {
    Promise.all([call('internkontroll.plan', { year }), call('internkontroll.risks', { year })])
      .then(([p, r]) => (setPlan(p), setRisks(r)))
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [year, notify]);
  useEffect(load, [load]);
  if (!plan || !risks) return null;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button variant="contained" onClick={() => setEditing('new')} disabled={risks.risks.length === 0}>
          Nytt kontrollmoment
        </Button>
        <Button
          variant="outlined"
          disabled={plan.controls.length === 0}
          onClick={async () => {
            try {
              setPlan(await call('internkontroll.generateOccasions', { year }));
              notify('success', `Årets kontrolltillfällen är inlagda.`);
            } catch (err) {
              notify('error', errorMessage(err));
            }
          }}
        >
          Lägg in årets kontrolltillfällen
        </Button>
        {plan.overdue > 0 && <Chip color="warning" label={`${plan.overdue} försenade kontroller`} />}
        {plan.openDeviations > 0 && <Chip color="error" variant="outlined" label={`${plan.openDeviations} öppna avvikelser`} />}
      </Stack>
      {risks.risks.length === 0 && <Alert severity="info">Gör först årets riskanalys: varje kontrollmoment svarar mot en risk.</Alert>}
      {plan.controls.length > 0 && (
        <TableBox label={`Internkontrollplan ${year}`}>
          <Table size="small" aria-label={`Internkontrollplan ${year}`}>
            <TableHead>
              <TableRow>
                <TableCell>Process</TableCell>
                <TableCell>Kontrollmoment</TableCell>
                <TableCell>Risk</TableCell>
                <TableCell>Metod</TableCell>
                <TableCell>Frekvens</TableCell>
                <TableCell>Ansvarig</TableCell>
                <TableCell>Tillfällen</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.controls.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{c.process}</TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => setEditing(c)} sx={{ textAlign: 'left', textTransform: 'none' }}>
                      {c.moment}
                    </Button>
                  </TableCell>
                  <TableCell>{c.riskCode}</TableCell>
                  <TableCell>{METOD_LABELS[c.metod]}</TableCell>
                  <TableCell>{FREKVENS_LABELS[c.frekvens]}</TableCell>
                  <TableCell>{c.ansvarig}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }} useFlexGap>
                      {c.occasions.map((o) => (
                        <Chip
                          key={o.id}
                          size="small"
                          label={o.label.replace(` ${year}`, '')}
                          color={o.done ? (o.deviations > 0 ? 'warning' : 'success') : o.overdue ? 'error' : 'default'}
                          variant={o.done ? 'filled' : 'outlined'}
                          onClick={() => go('internkontroll', 'kontroll', String(o.id))}
                          aria-label={`${o.label}: ${o.done ? 'genomförd' : o.overdue ? 'försenad' : 'planerad'}${o.deviations > 0 ? `, ${o.deviations} avvikelse` : ''}`}
                        />
                      ))}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableBox>
      )}
      {editing && (
        <ControlDialog
          key={editing === 'new' ? 'new' : editing.id}
          year={year}
          risks={risks}
          control={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setPlan(p);
            setEditing(null);
            notify('success', 'Kontrollmomentet är sparat.');
          }}
        />
      )}
    </Stack>
  );
}

/** Every avvikelse of the year with its åtgärd, followed until closed. */
function DeviationsTab({ year }: { year: number }) {
  const { notify, go } = useApp();
  const [rows, setRows] = useState<DeviationListItem[] | null>(null);
  const load = useCallback(() => {
    call('internkontroll.deviations', { year })
      .then(setRows)
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [year, notify]);
  useEffect(load, [load]);
  if (!rows) return null;
  if (rows.length === 0) return <Alert severity="success">Inga avvikelser {year}.</Alert>;
  return (
    <TableBox label={`Avvikelser ${year}`}>
      <Table size="small" aria-label={`Avvikelser ${year}`}>
        <TableHead>
          <TableRow>
            <TableCell>Process</TableCell>
            <TableCell>Avvikelse</TableCell>
            <TableCell>Åtgärd</TableCell>
            <TableCell>Ansvarig</TableCell>
            <TableCell>Klart senast</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((d) => (
            <TableRow key={d.id}>
              <TableCell>
                {d.process}
                <Button
                  size="small"
                  sx={{ display: 'block', textTransform: 'none', p: 0 }}
                  onClick={() => go('internkontroll', 'kontroll', String(d.occasionId))}
                >
                  {d.moment} – {d.occasionLabel}
                </Button>
              </TableCell>
              <TableCell>{d.description}</TableCell>
              <TableCell>{d.action}</TableCell>
              <TableCell>{d.owner}</TableCell>
              <TableCell sx={d.overdue ? { color: 'error.main', fontWeight: 600 } : undefined}>{d.dueOn}</TableCell>
              <TableCell>
                {d.status === 'stangd' ? (
                  <Chip size="small" color="success" label={`Åtgärdad ${d.closedOn}`} />
                ) : (
                  <Button
                    size="small"
                    variant="outlined"
                    onClick={async () => {
                      try {
                        await call('internkontroll.closeDeviation', { id: d.id, closedOn: todayIso() });
                        notify('success', 'Åtgärden är klar och avvikelsen stängd.');
                        load();
                      } catch (err) {
                        notify('error', errorMessage(err));
                      }
                    }}
                  >
                    Markera åtgärdad
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableBox>
  );
}

function ReportTab({ year }: { year: number }) {
  const { notify, go } = useApp();
  async function write(kind: 'uppfoljning' | 'riskanalys', period: 'delar' | 'helar' = 'helar', forYear = year) {
    try {
      const blad = await call('internkontroll.arendeblad', { kind, year: forYear, period });
      notify('success', `${blad.rubrik} är skrivet som ärendeblad (${blad.diarienummer}).`);
      go('arendeblad', String(blad.id));
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }
  return (
    <Stack spacing={2} sx={{ maxWidth: 760 }}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2">
          Uppföljning av internkontrollplan {year}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          Per process vad som kontrollerats, hur, resultatet och avvikelserna med sina åtgärder – skrivet ur checklistorna.
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={() => void write('uppfoljning', 'delar')}>
            Till delårsrapporten
          </Button>
          <Button variant="outlined" onClick={() => void write('uppfoljning', 'helar')}>
            Till årsredovisningen
          </Button>
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2">
          Riskanalys och internkontrollplan {year}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          Ärendebladet för att anta årets plan, med riskmatrisen, riskerna och kontrollmomenten.
        </Typography>
        <Button variant="outlined" onClick={() => void write('riskanalys')}>
          Skriv ärendeblad
        </Button>
      </Paper>
      <Button
        variant="outlined"
        startIcon={<FileDownloadOutlined />}
        sx={{ alignSelf: 'flex-start' }}
        onClick={async () => {
          try {
            const file = await call('internkontroll.export', { year });
            downloadBase64(file.fileName, file.mimeType, file.contentBase64);
          } catch (err) {
            notify('error', errorMessage(err));
          }
        }}
      >
        Exportera till Excel
      </Button>
      <ScaleCard />
    </Stack>
  );
}

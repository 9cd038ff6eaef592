import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatInteger, formatPercent } from '../../../shared/format/sv';
import { kommunPopulationShares, latestCompletePopulationYear } from '../../../shared/domain/population';
import { MEMBER_KIND_LABELS } from '../../../shared/contract/kinds';
import { useApp } from '../store/app';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { EconomyOverview } from '../../../shared/contract/schemas/ekonomi';
import type { OverdueView } from '../../../shared/contract/schemas/internkontroll';
import { call } from '../api';
import { PopulationChart } from '../components/PopulationChart';

// The årshjul's code (dialog, form) loads after the first screen; it sits at the foot of the page, so nothing above it moves.
const Arshjul = lazy(() => import('../components/Arshjul').then((m) => ({ default: m.Arshjul })));

/** Controls past their date and not done, and åtgärder past theirs, each a link to the checklist. */
function OverdueControls() {
  const go = useApp((s) => s.go);
  const [o, setO] = useState<OverdueView | null>(null);
  useEffect(() => {
    call('internkontroll.overdue', {})
      .then(setO)
      .catch(() => setO(null));
  }, []);
  if (!o || (o.occasions.length === 0 && o.deviations.length === 0)) return null;
  return (
    <Paper sx={{ p: 2 }} aria-label="Försenad internkontroll">
      <Typography variant="h3" sx={{ mb: 1 }}>
        Försenad internkontroll
      </Typography>
      <Stack spacing={0.5}>
        {o.occasions.map((x) => (
          <Button key={`o${x.id}`} sx={{ justifyContent: 'flex-start', textTransform: 'none' }} onClick={() => go('internkontroll', 'kontroll', String(x.id))}>
            {x.process}: {x.moment} – {x.label} (skulle vara klar {x.dueOn}, {x.ansvarig})
          </Button>
        ))}
        {o.deviations.map((d) => (
          <Button
            key={`d${d.id}`}
            color="error"
            sx={{ justifyContent: 'flex-start', textTransform: 'none' }}
            onClick={() => go('internkontroll', 'kontroll', String(d.occasionId))}
          >
            Åtgärd: {d.action} – {d.owner}, senast {d.dueOn}
          </Button>
        ))}
      </Stack>
    </Paper>
  );
}

/** God ekonomisk hushållning: the year's warnings (budget balance, eget kapital, beslutsutrymme), each a link to Ekonomi. */
function EconomyWarnings() {
  const go = useApp((s) => s.go);
  const [o, setO] = useState<EconomyOverview | null>(null);
  useEffect(() => {
    call('ekonomi.overview', { year: new Date().getFullYear() })
      .then(setO)
      .catch(() => setO(null));
  }, []);
  if (!o || o.warnings.length === 0) return null;
  return (
    <Stack spacing={1} aria-label="Ekonomi">
      {o.warnings.map((w) => (
        <Alert
          key={w.key}
          severity={w.level === 'varning' ? 'warning' : 'info'}
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => go('ekonomi', w.key.startsWith('budget') ? 'budget' : w.key === 'beslutsutrymme_negativt' ? 'beslutsutrymme' : 'hushallning')}
            >
              Visa
            </Button>
          }
        >
          {w.message}
        </Alert>
      ))}
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper sx={{ p: 2, flex: 1, minWidth: 160 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h2" component="p" sx={{ mt: 0.5 }} data-testid={testId}>
        {value}
      </Typography>
    </Paper>
  );
}

export function OverviewScreen() {
  const { forbund, members, go } = useApp();
  if (!forbund) return null;
  const year = latestCompletePopulationYear(members);
  const shares = year === null ? null : kommunPopulationShares(members, year);
  const others = members.filter((m) => m.kind !== 'kommun');
  const kommunCount = members.filter((m) => m.kind === 'kommun').length;

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">{forbund.name}</Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {[forbund.orgNr ? `Org.nr ${forbund.orgNr}` : 'Organisationsnummer saknas', forbund.address, forbund.email].filter(Boolean).join(' · ')}
        </Typography>
      </Box>

      {forbund.isDemo && (
        <Alert severity="info">
          Databasen innehåller exempeldata som liknar ett länsförbund. Ändra förbundets uppgifter och medlemmar under Register, eller skapa en ny databas via
          Arkiv → Ny databas.
        </Alert>
      )}

      <EconomyWarnings />
      <OverdueControls />

      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Figure label="Medlemmar" value={String(members.length)} testId="figure-members" />
        <Figure label="Kommuner" value={String(kommunCount)} />
        <Figure label={year === null ? 'Folkmängd' : `Folkmängd 1 nov ${year}`} value={shares ? formatInteger(shares.total) : '–'} />
      </Stack>

      {members.length === 0 ? (
        <Paper sx={{ p: 3 }}>
          <Typography variant="h3">Inga medlemmar ännu</Typography>
          <Typography sx={{ my: 1 }} color="text.secondary">
            Ett samordningsförbund har Försäkringskassan, Arbetsförmedlingen, en region och en eller flera kommuner som medlemmar.
          </Typography>
          <Button variant="contained" onClick={() => go('register')}>
            Lägg till medlemmar
          </Button>
        </Paper>
      ) : (
        <Grid container spacing={3}>
          <Grid size={{ xs: 12, lg: 6 }}>
            <Paper sx={{ p: 2 }}>
              <Typography variant="h3" sx={{ mb: 1 }}>
                Förbundets medlemmar
              </Typography>
              <Table size="small" aria-label="Förbundets medlemmar">
                <TableHead>
                  <TableRow>
                    <TableCell>Medlem</TableCell>
                    <TableCell>Typ</TableCell>
                    <TableCell align="right">{year === null ? 'Folkmängd' : `Folkmängd 1 nov ${year}`}</TableCell>
                    <TableCell align="right">Andel</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {others.map((m) => (
                    <TableRow key={m.id}>
                      <TableCell>{m.name}</TableCell>
                      <TableCell>{MEMBER_KIND_LABELS[m.kind]}</TableCell>
                      <TableCell align="right">–</TableCell>
                      <TableCell align="right">–</TableCell>
                    </TableRow>
                  ))}
                  {(shares?.rows ?? members.filter((m) => m.kind === 'kommun').map((member) => ({ member, population: 0, share: 0 }))).map((r) => (
                    <TableRow key={r.member.id}>
                      <TableCell>{r.member.name}</TableCell>
                      <TableCell>{MEMBER_KIND_LABELS.kommun}</TableCell>
                      <TableCell align="right">{shares ? formatInteger(r.population) : '–'}</TableCell>
                      <TableCell align="right">{shares ? formatPercent(r.share) : '–'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
                Staten betalar hälften av medlemsavgiften genom Försäkringskassan, regionen en fjärdedel och kommunerna en fjärdedel fördelad efter folkmängd
                den 1 november året före.
              </Typography>
            </Paper>
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <Paper sx={{ p: 2 }}>
              <Typography variant="h3" sx={{ mb: 1 }}>
                {year === null ? 'Folkmängd per kommun' : `Folkmängd per kommun 1 november ${year}`}
              </Typography>
              {shares && year !== null ? (
                <PopulationChart rows={shares.rows} year={year} />
              ) : (
                <Typography color="text.secondary">Ange folkmängd för alla kommuner för samma år för att se fördelningen.</Typography>
              )}
            </Paper>
          </Grid>
        </Grid>
      )}
      <Suspense fallback={<Paper sx={{ minHeight: 260 }} />}>
        <Arshjul />
      </Suspense>
    </Stack>
  );
}

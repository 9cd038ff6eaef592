import { useEffect, useState } from 'react';
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
import AddOutlined from '@mui/icons-material/AddOutlined';
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  INSATS_STATUS_LABELS,
  KATEGORI_LABELS,
  type Application,
  type Insats,
} from '../../../../shared/contract/schemas/insatser';
import { formatKr } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { useApp } from '../../store/app';
import { ApplicationDialog } from './ApplicationDialog';
import { ApplicationView } from './ApplicationView';
import { InsatsOverview } from './InsatsOverview';
import { InsatsView } from './InsatsView';
import { StatistikTab } from './StatistikTab';

/** Ansökningar & insatser: #/insatser (ansökningar), #/insatser/ansokan/<id>, #/insatser/insatser, #/insatser/insats/<id>, #/insatser/oversikt, #/insatser/statistik. */
export function InsatserScreen() {
  const { route, go } = useApp();
  const [view, id] = route;
  if (view === 'ansokan' && id) return <ApplicationView key={id} id={Number(id)} onBack={() => go('insatser')} />;
  if (view === 'insats' && id) return <InsatsView key={id} id={Number(id)} onBack={() => go('insatser', 'insatser')} />;
  const tab = view === 'insatser' || view === 'oversikt' || view === 'statistik' ? view : 'ansokningar';
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Ansökningar &amp; insatser</Typography>
      <Tabs value={tab} onChange={(_e, v: string) => (v === 'ansokningar' ? go('insatser') : go('insatser', v))} aria-label="Ansökningar och insatser">
        <Tab value="ansokningar" label="Ansökningar" />
        <Tab value="insatser" label="Insatser" />
        <Tab value="oversikt" label="Översikt" />
        <Tab value="statistik" label="Statistik" />
      </Tabs>
      {tab === 'ansokningar' && <ApplicationList />}
      {tab === 'insatser' && <InsatsList />}
      {tab === 'oversikt' && <InsatsOverview />}
      {tab === 'statistik' && <StatistikTab />}
    </Stack>
  );
}

function ApplicationList() {
  const go = useApp((s) => s.go);
  const [rows, setRows] = useState<Application[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    call('insatser.applications', {})
      .then(setRows)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  return (
    <Stack spacing={2}>
      <Stack direction="row">
        <Typography sx={{ flexGrow: 1 }} color="text.secondary">
          En inkommen ansökan registreras i diariet direkt.
        </Typography>
        <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
          Ny ansökan
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {rows && rows.length === 0 && <Alert severity="info">Inga ansökningar ännu.</Alert>}
      {rows && rows.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label="Ansökningar">
            <TableHead>
              <TableRow>
                <TableCell>Dnr</TableCell>
                <TableCell>Insats</TableCell>
                <TableCell>Typ</TableCell>
                <TableCell>Insatsägare</TableCell>
                <TableCell align="right">Sökt</TableCell>
                <TableCell>Läge</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((a) => (
                <TableRow key={a.id} hover sx={{ cursor: 'pointer' }} onClick={() => go('insatser', 'ansokan', String(a.id))}>
                  <TableCell>{a.diarienummer}</TableCell>
                  <TableCell>{a.name}</TableCell>
                  <TableCell>{APPLICATION_KIND_LABELS[a.kind]}</TableCell>
                  <TableCell>{a.ownerName}</TableCell>
                  <TableCell align="right">{formatKr(a.soughtTotalKr)}</TableCell>
                  <TableCell>
                    <Chip size="small" label={APPLICATION_STATUS_LABELS[a.status]} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {creating && <ApplicationDialog onClose={() => setCreating(false)} onSaved={(a) => go('insatser', 'ansokan', String(a.id))} />}
    </Stack>
  );
}

function InsatsList() {
  const go = useApp((s) => s.go);
  const [rows, setRows] = useState<Insats[] | null>(null);
  useEffect(() => {
    void call('insatser.list', {}).then(setRows);
  }, []);
  if (rows && rows.length === 0) return <Alert severity="info">Inga insatser ännu: en beviljad ansökan blir en insats.</Alert>;
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Insatser">
        <TableHead>
          <TableRow>
            <TableCell>Insats</TableCell>
            <TableCell>Kategori</TableCell>
            <TableCell>Period</TableCell>
            <TableCell align="right">Beviljat</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(rows ?? []).map((i) => (
            <TableRow key={i.id} hover sx={{ cursor: 'pointer' }} onClick={() => go('insatser', 'insats', String(i.id))}>
              <TableCell>{i.name}</TableCell>
              <TableCell>{KATEGORI_LABELS[i.kategori]}</TableCell>
              <TableCell>
                {i.startsOn} till {i.endsOn}
              </TableCell>
              <TableCell align="right">{formatKr(i.budgetTotalKr)}</TableCell>
              <TableCell>{INSATS_STATUS_LABELS[i.status]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

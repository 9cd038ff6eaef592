import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import { PLAN_STATUS_LABELS } from '../../../../shared/contract/schemas/verksamhetsplan';
import { call } from '../../api';
import { openable } from '../../components/openable';
import { useLoad } from '../../components/useLoad';
import { useApp } from '../../store/app';
import { NewPlanDialog } from './NewPlanDialog';
import { PlanView } from './PlanView';

/** Verksamhetsplan: the plans at #/verksamhetsplan, one plan at #/verksamhetsplan/<id>. */
export function VerksamhetsplanScreen() {
  const route = useApp((s) => s.route);
  const id = route[0] !== undefined && /^\d+$/.test(route[0]) ? Number(route[0]) : null;
  return id === null ? <PlanList /> : <PlanView key={id} id={id} />;
}

function period(p: { firstYear: number; lastYear: number }): string {
  return p.firstYear === p.lastYear ? String(p.firstYear) : `${p.firstYear}–${p.lastYear}`;
}

function PlanList() {
  const go = useApp((s) => s.go);
  const { data: plans, error } = useLoad(() => call('verksamhetsplan.list', {}));
  const [creating, setCreating] = useState(false);
  const open = (id: number) => go('verksamhetsplan', String(id));
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h1" sx={{ flexGrow: 1 }}>
          Verksamhetsplan
        </Typography>
        <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
          Ny verksamhetsplan
        </Button>
      </Stack>
      <Typography sx={{ color: 'text.secondary', maxWidth: 760 }}>
        Planen för ett till tre år: vision, inriktning och mål med mått och aktiviteter, som styrelsen fastställer. Ett förslag kan ändras tills det fastställs;
        sedan görs ändringar som en revidering.
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {!plans && !error && <LinearProgress aria-label="Hämtar verksamhetsplanerna" />}
      {plans && (
        <Paper variant="outlined">
          <Table size="small" aria-label="Verksamhetsplaner">
            <TableHead>
              <TableRow>
                <TableCell>Rubrik</TableCell>
                <TableCell>Period</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Version</TableCell>
                <TableCell align="right">Mål</TableCell>
                <TableCell>Fastställd</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plans.map((p) => (
                <TableRow key={p.id} hover data-testid="plan-row" sx={{ cursor: 'pointer' }} {...openable(() => open(p.id))}>
                  <TableCell>{p.title}</TableCell>
                  <TableCell>{period(p)}</TableCell>
                  <TableCell>
                    <Chip size="small" variant="outlined" color={p.status === 'faststalld' ? 'success' : 'default'} label={PLAN_STATUS_LABELS[p.status]} />
                  </TableCell>
                  <TableCell align="right">{p.version}</TableCell>
                  <TableCell align="right">{p.goalCount}</TableCell>
                  <TableCell>{p.adoptedOn ?? '—'}</TableCell>
                </TableRow>
              ))}
              {plans.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6} sx={{ color: 'text.secondary' }}>
                    Ingen verksamhetsplan ännu. Börja med Ny verksamhetsplan.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </Paper>
      )}
      {creating && <NewPlanDialog hasPlans={(plans ?? []).length > 0} onClose={() => setCreating(false)} onCreated={(id) => open(id)} />}
    </Stack>
  );
}

import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import GavelOutlined from '@mui/icons-material/GavelOutlined';
import type { Delegation, DelegationDecision } from '../../../../shared/contract/schemas/delegation';
import { formatKr } from '../../../../shared/format/sv';
import { call } from '../../api';
import { RowActions } from '../../components/RowActions';
import { useRemoval } from '../../components/useRemoval';
import { ExportButton } from '../../components/ExportButton';
import { useApp } from '../../store/app';
import { todayIso } from '../../components/text';
import { useLoad, usePeople } from '../../components/useLoad';
import { DecisionDialog } from './DecisionDialog';
import { DelegationDialog } from './DelegationDialog';
import { ReportDialog } from './ReportDialog';

type View = 'beslut' | 'ej-anmalda' | 'ordning';

function viewFrom(route: string[]): View {
  const v = route[0];
  return v === 'ej-anmalda' || v === 'ordning' ? v : 'beslut';
}

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function ReportedCell({ d }: { d: DelegationDecision }) {
  if (d.reported) {
    return (
      <Typography variant="body2" sx={NUM}>
        {d.reported.meeting.heldOn}
        {d.reported.paragraph ? ` ${/^§/.test(d.reported.paragraph) ? '' : '§ '}${d.reported.paragraph}` : ''}
      </Typography>
    );
  }
  if (!d.mustBeReported) {
    return (
      <Typography variant="body2" color="text.secondary">
        Anmäls inte
      </Typography>
    );
  }
  return <Chip size="small" color="warning" variant="outlined" label="Ej anmäld" />;
}

function restoreDelegation(d: Delegation) {
  return {
    code: d.code,
    matter: d.matter,
    delegate: d.delegate,
    personId: d.personId,
    limitKr: d.limitKr,
    validFrom: d.validFrom,
    validTo: d.validTo,
    reportToBoard: d.reportToBoard,
    notes: d.notes ?? undefined,
    confirmPersonalData: true,
  };
}

export function DelegationRegister({ route }: { route: string[] }) {
  const { notify, go } = useApp();
  const view = viewFrom(route);
  const delegations = useLoad(() => call('delegations.list', {}));
  const decisions = useLoad(() => call('decisions.list', { unreportedOnly: false }));
  const unreported = useLoad(() => call('decisions.list', { unreportedOnly: true }));
  const people = usePeople();
  const [editingDecision, setEditingDecision] = useState<{ decision: DelegationDecision | null } | null>(null);
  const [editingDelegation, setEditingDelegation] = useState<{ delegation: Delegation | null } | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [reporting, setReporting] = useState(false);

  const setView = (v: View) => {
    setSelected(new Set());
    go('register', 'delegation', ...(v === 'beslut' ? [] : [v]));
  };

  async function refresh() {
    await Promise.all([delegations.reload(), decisions.reload(), unreported.reload()]);
  }

  const removal = useRemoval<Delegation>({
    remove: (d) => call('delegations.remove', { id: d.id }),
    restore: (d) => call('delegations.save', restoreDelegation(d)),
    refresh: () => delegations.reload(),
    onRemoved: () => setEditingDelegation(null),
    title: (d) => `Ta bort punkt ${d.code}?`,
    text: () =>
      'Punkten tas bort ur delegationsordningen. En punkt som beslut har fattats under kan inte tas bort. Ändringen loggas och kan ångras direkt efteråt.',
    removed: (d) => `Punkt ${d.code} togs bort ur delegationsordningen.`,
    restored: (d) => `Punkt ${d.code} är tillbaka.`,
  });

  const pending = useMemo(() => unreported.data ?? [], [unreported.data]);
  const rows = view === 'ej-anmalda' ? pending : (decisions.data ?? []);
  const rowsError = view === 'ej-anmalda' ? unreported.error : decisions.error;
  const rowsLoading = (view === 'ej-anmalda' ? unreported.data : decisions.data) === null && !rowsError;
  const chosen = useMemo(() => pending.filter((d) => selected.has(d.id)), [pending, selected]);
  const allChosen = pending.length > 0 && chosen.length === pending.length;

  function toggle(id: number) {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const selecting = view === 'ej-anmalda';
  const today = todayIso();

  return (
    <Stack spacing={2}>
      <Tabs
        value={view === 'ordning' ? 'ordning' : 'beslut'}
        onChange={(_e, v: View) => setView(v)}
        aria-label="Delegation"
        sx={{ minHeight: 40, '& .MuiTab-root': { minHeight: 40, py: 0.5 } }}
      >
        <Tab value="beslut" label="Delegationsbeslut" />
        <Tab value="ordning" label="Delegationsordning" />
      </Tabs>

      {view !== 'ordning' && (
        <>
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: { lg: 'center' }, justifyContent: 'space-between' }}>
            <ToggleButtonGroup
              exclusive
              size="small"
              color="primary"
              value={view}
              onChange={(_e, v: View | null) => v && setView(v)}
              aria-label="Vilka beslut som visas"
            >
              <ToggleButton value="beslut" sx={{ px: 2 }}>
                Alla beslut{decisions.data ? ` (${decisions.data.length})` : ''}
              </ToggleButton>
              <ToggleButton
                value="ej-anmalda"
                sx={{ px: 2, ...(pending.length > 0 && view !== 'ej-anmalda' ? { color: 'warning.dark', borderColor: 'warning.main' } : {}) }}
              >
                Ej anmälda till styrelsen ({unreported.data ? pending.length : '…'})
              </ToggleButton>
            </ToggleButtonGroup>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {selecting && (
                <Button variant="contained" color="secondary" startIcon={<GavelOutlined />} disabled={chosen.length === 0} onClick={() => setReporting(true)}>
                  Anmäl till styrelsen{chosen.length > 0 ? ` (${chosen.length})` : ''}
                </Button>
              )}
              <ExportButton register="delegationsbeslut" />
              <Button variant="contained" startIcon={<Add />} onClick={() => setEditingDecision({ decision: null })}>
                Registrera beslut
              </Button>
            </Stack>
          </Stack>
          {selecting && pending.length > 0 && (
            <Typography color="text.secondary">
              Markera de beslut som tas upp på styrelsens sammanträde och välj Anmäl till styrelsen. Besluten markeras då som anmälda med sammanträdets datum.
            </Typography>
          )}
          {rowsError && <Alert severity="error">{rowsError}</Alert>}
          <TableContainer component={Paper}>
            {rowsLoading && <LinearProgress aria-label="Hämtar delegationsbesluten" />}
            <Table aria-label={selecting ? 'Ej anmälda delegationsbeslut' : 'Delegationsbeslut'} size="small">
              <TableHead>
                <TableRow>
                  {selecting && (
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={allChosen}
                        indeterminate={chosen.length > 0 && !allChosen}
                        disabled={pending.length === 0}
                        onChange={() => setSelected(allChosen ? new Set() : new Set(pending.map((d) => d.id)))}
                        slotProps={{ input: { 'aria-label': 'Markera alla' } }}
                      />
                    </TableCell>
                  )}
                  <TableCell>Diarienummer</TableCell>
                  <TableCell>Datum</TableCell>
                  <TableCell>Beslut</TableCell>
                  <TableCell>Punkt</TableCell>
                  <TableCell>Beslutsfattare</TableCell>
                  <TableCell align="right">Belopp</TableCell>
                  <TableCell>Anmäld</TableCell>
                  <TableCell align="right" sx={{ width: 56 }} />
                </TableRow>
              </TableHead>
              <TableBody>
                {!rowsLoading && !rowsError && rows.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={selecting ? 9 : 8}>
                      <Typography color="text.secondary" sx={{ py: 1.5 }} data-testid="decisions-empty">
                        {selecting ? 'Alla delegationsbeslut är anmälda till styrelsen.' : 'Inga delegationsbeslut är registrerade.'}
                      </Typography>
                    </TableCell>
                  </TableRow>
                )}
                {rows.map((d) => (
                  <TableRow key={d.id} hover data-testid="decision-row" selected={selecting && selected.has(d.id)} sx={{ verticalAlign: 'top' }}>
                    {selecting && (
                      <TableCell padding="checkbox">
                        <Checkbox
                          checked={selected.has(d.id)}
                          onChange={() => toggle(d.id)}
                          slotProps={{ input: { 'aria-label': `Markera ${d.diarienummer}` } }}
                        />
                      </TableCell>
                    )}
                    <TableCell sx={{ ...NUM, py: 1.25 }}>{d.diarienummer}</TableCell>
                    <TableCell sx={{ ...NUM, py: 1.25 }}>{d.decidedOn}</TableCell>
                    <TableCell sx={{ py: 1.25 }}>{d.title}</TableCell>
                    <TableCell sx={{ py: 1.25 }}>
                      <Tooltip title={d.delegationMatter}>
                        <span>{d.delegationCode}</span>
                      </Tooltip>
                    </TableCell>
                    <TableCell sx={{ py: 1.25 }}>{d.decidedBy}</TableCell>
                    <TableCell align="right" sx={{ ...NUM, py: 1.25 }}>
                      {d.amountKr === null ? '–' : formatKr(d.amountKr)}
                    </TableCell>
                    <TableCell sx={{ py: 1.25 }}>
                      <ReportedCell d={d} />
                    </TableCell>
                    <RowActions name={d.diarienummer} onEdit={() => setEditingDecision({ decision: d })} />
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}

      {view === 'ordning' && (
        <>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
            <Typography color="text.secondary">
              Vad styrelsen har delegerat, till vem och upp till vilket belopp. Beslut under delegation anmäls till styrelsen.
            </Typography>
            <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
              <ExportButton register="delegationsordning" />
              <Button variant="contained" startIcon={<Add />} onClick={() => setEditingDelegation({ delegation: null })}>
                Ny punkt
              </Button>
            </Stack>
          </Stack>
          {delegations.error && <Alert severity="error">{delegations.error}</Alert>}
          <TableContainer component={Paper}>
            {delegations.data === null && !delegations.error && <LinearProgress aria-label="Hämtar delegationsordningen" />}
            <Table aria-label="Delegationsordning" size="small">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 64 }}>Punkt</TableCell>
                  <TableCell>Ärende/beslutstyp</TableCell>
                  <TableCell>Delegat</TableCell>
                  <TableCell align="right">Beloppsgräns</TableCell>
                  <TableCell>Gäller</TableCell>
                  <TableCell>Anmäls till styrelsen</TableCell>
                  <TableCell align="right">Beslut</TableCell>
                  <TableCell align="right" sx={{ width: 56 }} />
                </TableRow>
              </TableHead>
              <TableBody>
                {delegations.data?.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={8}>
                      <Typography color="text.secondary" sx={{ py: 1.5 }}>
                        Delegationsordningen är tom. Lägg till de punkter styrelsen har beslutat.
                      </Typography>
                    </TableCell>
                  </TableRow>
                )}
                {delegations.data?.map((d) => (
                  <TableRow
                    key={d.id}
                    hover
                    data-testid="delegation-row"
                    sx={{ verticalAlign: 'top', ...(d.validTo !== null && d.validTo < today ? { '& td': { color: 'text.secondary' } } : {}) }}
                  >
                    <TableCell sx={{ ...NUM, fontWeight: 600, py: 1.25 }}>{d.code}</TableCell>
                    <TableCell sx={{ py: 1.25 }}>
                      {d.matter}
                      {d.notes && (
                        <Typography variant="body2" color="text.secondary">
                          {d.notes}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell sx={{ py: 1.25 }}>{d.delegate}</TableCell>
                    <TableCell align="right" sx={{ ...NUM, py: 1.25 }}>
                      {d.limitKr === null ? (
                        <Typography variant="body2" color="text.secondary" component="span">
                          Ingen beloppsgräns
                        </Typography>
                      ) : (
                        formatKr(d.limitKr)
                      )}
                    </TableCell>
                    <TableCell sx={{ ...NUM, py: 1.25 }}>
                      {d.validTo === null ? `fr.o.m. ${d.validFrom}` : `${d.validFrom} – ${d.validTo}`}
                      {d.validTo !== null && d.validTo < today && (
                        <Typography variant="body2" color="text.secondary">
                          Upphört att gälla
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell sx={{ py: 1.25 }}>{d.reportToBoard ? 'Ja' : 'Nej'}</TableCell>
                    <TableCell align="right" sx={{ ...NUM, py: 1.25 }}>
                      {d.decisionCount}
                    </TableCell>
                    <RowActions name={`punkt ${d.code}`} onEdit={() => setEditingDelegation({ delegation: d })} />
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}

      {editingDecision && (
        <DecisionDialog
          key={editingDecision.decision?.id ?? 'new'}
          decision={editingDecision.decision}
          delegations={delegations.data ?? []}
          onClose={() => setEditingDecision(null)}
          onSaved={(saved) => {
            const wasNew = editingDecision.decision === null;
            setEditingDecision(null);
            void refresh();
            notify(
              'success',
              wasNew
                ? `Delegationsbeslutet är registrerat som ${saved.diarienummer}${saved.mustBeReported ? ' och ska anmälas till styrelsen' : ''}.`
                : `Ändringarna i ${saved.diarienummer} är sparade.`,
            );
          }}
        />
      )}
      {editingDelegation && (
        <DelegationDialog
          key={editingDelegation.delegation?.id ?? 'new'}
          delegation={editingDelegation.delegation}
          people={people.data ?? []}
          onClose={() => setEditingDelegation(null)}
          onRemove={(d) => removal.ask(d)}
          onSaved={(saved) => {
            const wasNew = editingDelegation.delegation === null;
            setEditingDelegation(null);
            void refresh();
            notify('success', wasNew ? `Punkt ${saved.code} är tillagd i delegationsordningen.` : `Punkt ${saved.code} är sparad.`);
          }}
        />
      )}
      {reporting && (
        <ReportDialog
          decisions={chosen}
          onClose={() => setReporting(false)}
          onReported={(done, meetingOn) => {
            setReporting(false);
            setSelected(new Set());
            void refresh();
            notify(
              'success',
              `${done.length === 1 ? '1 delegationsbeslut är anmält' : `${done.length} delegationsbeslut är anmälda`} vid styrelsens sammanträde ${meetingOn}.`,
            );
          }}
        />
      )}
      {removal.dialog}
    </Stack>
  );
}

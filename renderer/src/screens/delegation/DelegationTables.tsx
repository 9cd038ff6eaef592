import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { Delegation, DelegationDecision } from '../../../../shared/contract/schemas/delegation';
import { formatKr } from '../../../../shared/format/sv';
import { RowActions } from '../../components/RowActions';
import { todayIso } from '../../components/text';
import type { DelegationState } from './useDelegation';

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

/** The decisions taken under delegation; in Ej anmälda, those waiting to be reported, with boxes to choose them. */
export function DecisionsTable({ state, onEdit }: { state: DelegationState; onEdit: (d: DelegationDecision) => void }) {
  const { rows, rowsError, rowsLoading, selecting, selected, pending, chosen, allChosen, setSelected, toggle } = state;
  return (
    <>
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
                    <Checkbox checked={selected.has(d.id)} onChange={() => toggle(d.id)} slotProps={{ input: { 'aria-label': `Markera ${d.diarienummer}` } }} />
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
                <RowActions name={d.diarienummer} onEdit={() => onEdit(d)} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}

/** The delegationsordning: what the board has delegated, to whom, up to which amount; points no longer in force greyed. */
export function DelegationOrderTable({ delegations, onEdit }: { delegations: DelegationState['delegations']; onEdit: (d: Delegation) => void }) {
  const today = todayIso();
  return (
    <>
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
                <RowActions name={`punkt ${d.code}`} onEdit={() => onEdit(d)} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}

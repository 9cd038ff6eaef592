import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import EditOutlined from '@mui/icons-material/EditOutlined';
import FileUploadOutlined from '@mui/icons-material/FileUploadOutlined';
import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import { BOARD_ROLE_LABELS, type BoardAppointment, type BoardView, type MandatePeriod, type Seat } from '../../../../shared/contract/schemas/board';
import { call } from '../../api';
import { useRemoval } from '../../components/useRemoval';
import { ExportButton } from '../../components/ExportButton';
import { ImportDialog } from '../../components/ImportDialog';
import { useApp } from '../../store/app';
import { personLabel } from '../../components/text';
import { useLoad, usePeople } from '../../components/useLoad';
import { PeriodDialog } from './PeriodDialog';
import { SeatDialog } from './SeatDialog';
import { SignatureCard } from './SignatureCard';
import { RegisterTable } from '../../components/RegisterTable';

type Editing = { appointment: BoardAppointment | null; preset: { memberId?: number; seat?: Seat } } | null;

/** "t.o.m. 2024-06-30", "fr.o.m. 2024-07-01" or both, when a seat does not span the whole period. */
function seatDates(a: BoardAppointment, period: MandatePeriod): string | null {
  const fullStart = a.startsOn === period.startsOn;
  const fullEnd = a.endsOn === period.endsOn;
  if (fullStart && fullEnd) return null;
  if (fullStart) return `t.o.m. ${a.endsOn}`;
  if (fullEnd) return `fr.o.m. ${a.startsOn}`;
  return `${a.startsOn} – ${a.endsOn}`;
}

function SeatList({
  seats,
  period,
  empty,
  onOpen,
}: {
  seats: BoardAppointment[];
  period: MandatePeriod;
  empty: string;
  onOpen: (a: BoardAppointment) => void;
}) {
  if (seats.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
        {empty}
      </Typography>
    );
  }
  return (
    <Stack spacing={0.75}>
      {seats.map((a) => {
        const dates = seatDates(a, period);
        return (
          <Box key={a.id} data-testid="board-seat">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Link component="button" type="button" underline="hover" color="inherit" onClick={() => onOpen(a)} sx={{ textAlign: 'left', font: 'inherit' }}>
                {personLabel(a.person)}
              </Link>
              {a.role && <Chip size="small" color="primary" variant="outlined" label={BOARD_ROLE_LABELS[a.role]} />}
            </Stack>
            {dates && (
              <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {dates}
              </Typography>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}

/** Undo of a removal: the same seat again, for the same person (who stays in the register). */
function restoreInput(a: BoardAppointment) {
  return {
    periodId: a.periodId,
    memberId: a.memberId,
    seat: a.seat,
    role: a.role,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    person: {
      id: a.person.id,
      name: a.person.name,
      party: a.person.party ?? undefined,
      email: a.person.email ?? undefined,
      phone: a.person.phone ?? undefined,
      organisation: a.person.organisation ?? undefined,
      title: a.person.title ?? undefined,
      notes: a.person.notes ?? undefined,
    },
    confirmPersonalData: true,
  };
}

export function BoardRegister(_props: { route: string[] }) {
  const { members, notify } = useApp();
  const periods = useLoad(() => call('periods.list', {}));
  const [chosenId, setChosenId] = useState<number | null>(null);
  const period = periods.data?.find((p) => p.id === chosenId) ?? periods.data?.[0] ?? null;
  const board = useLoad(() => (period ? call('board.list', { periodId: period.id }) : Promise.resolve(null)), period?.id ?? 0);
  const people = usePeople();
  const [editing, setEditing] = useState<Editing>(null);
  const [editingPeriod, setEditingPeriod] = useState<{ period: MandatePeriod | null } | null>(null);
  const [importing, setImporting] = useState(false);
  // Bumped after every change so the signature block follows the table.
  const [version, setVersion] = useState(0);

  async function refresh() {
    await Promise.all([board.reload(), periods.reload(), people.reload()]);
    setVersion((v) => v + 1);
  }

  const seatWords = (a: BoardAppointment) => (a.seat === 'ordinarie' ? 'ordinarie ledamot' : 'ersättare');
  const removal = useRemoval<BoardAppointment>({
    remove: (a) => call('board.remove', { id: a.id }),
    restore: (a) => call('board.save', restoreInput(a)),
    refresh,
    onRemoved: () => setEditing(null),
    title: (a) => `Ta bort ${a.person.name} ur styrelsen?`,
    text: (a) =>
      `Uppdraget som ${seatWords(a)} för ${a.memberName} tas bort. Personen finns kvar i personregistret. Ändringen loggas och kan ångras direkt efteråt.`,
    removed: (a) => `${a.person.name} är inte längre ${seatWords(a)} för ${a.memberName}.`,
    restored: (a) => `${a.person.name} är tillbaka i styrelsen.`,
  });
  // Only an empty period can go (the API refuses otherwise).
  const periodRemoval = useRemoval<MandatePeriod>({
    remove: (p) => call('periods.remove', { id: p.id }),
    restore: async (p) => setChosenId((await call('periods.save', { startsOn: p.startsOn, endsOn: p.endsOn, label: p.label })).id),
    refresh,
    onRemoved: () => {
      setEditingPeriod(null);
      setChosenId(null);
    },
    title: (p) => `Ta bort mandatperioden ${p.label}?`,
    text: () => 'Perioden har inga ledamöter och tas bort. Ändringen loggas och kan ångras direkt efteråt.',
    removed: (p) => `Mandatperioden ${p.label} togs bort.`,
    restored: (p) => `Mandatperioden ${p.label} är tillbaka.`,
  });

  const rows = board.data?.rows ?? [];
  const ordinarie = rows.reduce((n, r) => n + r.ordinarie.length, 0);
  const ersattare = rows.reduce((n, r) => n + r.ersattare.length, 0);

  return (
    <Stack spacing={2}>
      {periods.error && <Alert severity="error">{periods.error}</Alert>}
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: { lg: 'center' }, justifyContent: 'space-between' }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            select
            size="small"
            label="Mandatperiod"
            value={period?.id ?? ''}
            onChange={(e) => setChosenId(Number(e.target.value))}
            sx={{ minWidth: 200 }}
            disabled={!periods.data || periods.data.length === 0}
          >
            {periods.data?.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.label}
              </MenuItem>
            ))}
          </TextField>
          {period && (
            <Tooltip title="Ändra mandatperioden">
              <IconButton aria-label={`Ändra mandatperiod ${period.label}`} onClick={() => setEditingPeriod({ period })}>
                <EditOutlined />
              </IconButton>
            </Tooltip>
          )}
          <Button startIcon={<Add />} onClick={() => setEditingPeriod({ period: null })}>
            Ny mandatperiod
          </Button>
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="outlined" startIcon={<FileUploadOutlined />} onClick={() => setImporting(true)}>
            Importera från Excel
          </Button>
          <ExportButton register="styrelse" />
          <Button variant="contained" startIcon={<PersonAddAlt1Outlined />} disabled={!period} onClick={() => setEditing({ appointment: null, preset: {} })}>
            Lägg till ledamot
          </Button>
        </Stack>
      </Stack>

      {periods.data?.length === 0 && (
        <Paper sx={{ p: 3 }}>
          <Typography variant="h3">Ingen mandatperiod ännu</Typography>
          <Typography color="text.secondary" sx={{ my: 1 }}>
            Styrelsens ledamöter och ersättare utses av medlemmarna för en mandatperiod. Börja med att lägga till perioden.
          </Typography>
          <Button variant="contained" onClick={() => setEditingPeriod({ period: null })}>
            Ny mandatperiod
          </Button>
        </Paper>
      )}

      {period && (
        <>
          <Typography color="text.secondary">
            Mandatperiod {period.label} ({period.startsOn} – {period.endsOn}): {ordinarie === 1 ? '1 ordinarie ledamot' : `${ordinarie} ordinarie ledamöter`}{' '}
            och {ersattare === 1 ? '1 ersättare' : `${ersattare} ersättare`}.
          </Typography>
          {board.error && <Alert severity="error">{board.error}</Alert>}
          <BoardTable
            board={board}
            period={period}
            onOpen={(a) => setEditing({ appointment: a, preset: {} })}
            onAdd={(memberId, seat) => setEditing({ appointment: null, preset: { memberId, seat } })}
          />
          <SignatureCard period={period} version={version} />
        </>
      )}

      {editing && period && (
        <SeatDialog
          key={editing.appointment?.id ?? 'new'}
          appointment={editing.appointment}
          period={period}
          preset={editing.preset}
          members={members}
          people={people.data ?? []}
          onClose={() => setEditing(null)}
          onRemove={(a) => removal.ask(a)}
          onSaved={(saved) => {
            const wasNew = editing.appointment === null;
            setEditing(null);
            void refresh();
            notify(
              'success',
              wasNew
                ? `${personLabel(saved.person)} är ${saved.seat === 'ordinarie' ? 'ordinarie ledamot' : 'ersättare'} för ${saved.memberName}.`
                : `Ändringarna för ${saved.person.name} är sparade.`,
            );
          }}
        />
      )}
      {editingPeriod && (
        <PeriodDialog
          period={editingPeriod.period}
          latest={periods.data?.[0] ?? null}
          onClose={() => setEditingPeriod(null)}
          onRemove={(p) => periodRemoval.ask(p)}
          onSaved={(saved) => {
            setEditingPeriod(null);
            setChosenId(saved.id);
            void refresh();
            notify('success', editingPeriod.period ? `Mandatperioden ${saved.label} är sparad.` : `Mandatperioden ${saved.label} är tillagd.`);
          }}
        />
      )}
      {removal.dialog}
      {periodRemoval.dialog}
      <ImportDialog
        register="styrelse"
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          void refresh();
        }}
      />
    </Stack>
  );
}

/** The board by member: ordinarie ledamöter and ersättare side by side, each opening its seat; + adds one for that member. */
function BoardTable({
  board,
  period,
  onOpen,
  onAdd,
}: {
  board: { data: BoardView | null; error: string | null };
  period: MandatePeriod;
  onOpen: (a: BoardAppointment) => void;
  onAdd: (memberId: number, seat: Seat) => void;
}) {
  const rows = board.data?.rows ?? [];
  return (
    <RegisterTable
      label="Styrelse"
      columns={[
        { label: 'Medlemsorganisation', width: '26%' },
        { label: 'Ordinarie ledamot', width: '35%' },
        { label: 'Ersättare', width: '35%' },
      ]}
      actionsWidth={64}
      actionsHidden
      loading={board.data === null && !board.error ? 'Hämtar styrelsen' : null}
      empty={board.data && rows.length === 0 ? 'Förbundet har inga medlemmar ännu. Lägg till dem under Medlemmar.' : null}
    >
      {rows.map((r) => (
        <TableRow key={r.memberId} hover data-testid="board-row" sx={{ verticalAlign: 'top' }}>
          <TableCell sx={{ fontWeight: 600 }}>{r.memberName}</TableCell>
          <TableCell>
            <SeatList seats={r.ordinarie} period={period} empty="Ingen ordinarie ledamot" onOpen={onOpen} />
          </TableCell>
          <TableCell>
            <SeatList seats={r.ersattare} period={period} empty="Ingen ersättare" onOpen={onOpen} />
          </TableCell>
          <TableCell align="right" sx={{ py: 0.5 }}>
            <Tooltip title={`Lägg till ledamot eller ersättare för ${r.memberName}`}>
              <IconButton
                size="small"
                aria-label={`Lägg till ledamot för ${r.memberName}`}
                onClick={() => onAdd(r.memberId, r.ordinarie.length === 0 ? 'ordinarie' : 'ersattare')}
              >
                <Add fontSize="small" />
              </IconButton>
            </Tooltip>
          </TableCell>
        </TableRow>
      ))}
    </RegisterTable>
  );
}

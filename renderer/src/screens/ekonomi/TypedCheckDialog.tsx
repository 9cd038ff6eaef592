import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TypedCheckResult } from '../../../../shared/contract/schemas/ekonomi';
import { call, errorMessage } from '../../api';
import { parseAmount, thisYear } from './common';
import { closeOnPurpose } from '../../components/closeOnPurpose';

const LINES = [
  { key: 'anslag', label: 'Finansiella anslag' },
  { key: 'fromEarlier', label: 'Över-/underskott från tidigare år' },
  { key: 'ingaende', label: 'Totalt ingående beslutsutrymme' },
  { key: 'resultat', label: 'Årets resultat' },
  { key: 'efterAktuella', label: 'Beslutsutrymme efter aktuella beslut' },
  { key: 'pending', label: 'Ej beslutade ansökningar (summa)' },
  { key: 'efterPending', label: 'Beslutsutrymme efter ej beslutade' },
] as const;
type LineKey = (typeof LINES)[number]['key'];

/** Types in the beslutsutrymme table from an older paper and shows which sums do not add up. */
export function TypedCheckDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [first, setFirst] = useState(thisYear() - 1);
  const [cells, setCells] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TypedCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const years = [0, 1, 2, 3, 4].map((i) => first + i);
  const value = (line: LineKey, year: number) => parseAmount(cells[`${line}:${year}`] ?? '');

  async function check() {
    setError(null);
    const columns = years
      .filter((y) => LINES.some((l) => (cells[`${l.key}:${y}`] ?? '').trim() !== ''))
      .map((year) => ({
        year,
        anslag: value('anslag', year) ?? 0,
        fromEarlier: value('fromEarlier', year) ?? 0,
        ingaende: value('ingaende', year) ?? 0,
        resultat: value('resultat', year) ?? 0,
        efterAktuella: value('efterAktuella', year) ?? 0,
        pending: [value('pending', year) ?? 0],
        efterPending: value('efterPending', year) ?? value('efterAktuella', year) ?? 0,
      }));
    try {
      setResult(await call('ekonomi.checkTyped', { columns }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog open={open} onClose={closeOnPurpose(onClose)} maxWidth="lg" fullWidth aria-labelledby="typed-check-title">
      <DialogTitle id="typed-check-title">Kontrollera en tabell från en äldre handling</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography color="text.secondary">
            Skriv in siffrorna som de står i handlingen (t.ex. i tkr). Kansli räknar om summorna och visar var de inte går ihop; en avvikelse på 1 räknas som
            avrundning.
          </Typography>
          <TextField
            size="small"
            label="Första året"
            type="number"
            value={first}
            onChange={(e) => setFirst(Number(e.target.value) || first)}
            sx={{ width: 140 }}
          />
          <Table size="small" aria-label="Inskriven tabell">
            <TableHead>
              <TableRow>
                <TableCell />
                {years.map((y) => (
                  <TableCell key={y} align="right">
                    {y}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {LINES.map((l) => (
                <TableRow key={l.key}>
                  <TableCell>{l.label}</TableCell>
                  {years.map((y) => {
                    const flagged = result?.problems.some((p) => p.year === y && p.line === l.key);
                    return (
                      <TableCell key={y}>
                        <TextField
                          size="small"
                          value={cells[`${l.key}:${y}`] ?? ''}
                          onChange={(e) => setCells({ ...cells, [`${l.key}:${y}`]: e.target.value })}
                          error={flagged}
                          slotProps={{ htmlInput: { 'aria-label': `${l.label} ${y}`, style: { textAlign: 'right' } } }}
                        />
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {error && <Alert severity="error">{error}</Alert>}
          {result?.ok && <Alert severity="success">Tabellen går ihop.</Alert>}
          {result?.problems.map((p) => (
            <Alert key={p.message} severity="warning">
              {p.message}
            </Alert>
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Stäng</Button>
        <Button variant="contained" onClick={() => void check()}>
          Kontrollera
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { BokslutView } from '../../../../shared/contract/schemas/bokslut';
import { call, errorMessage } from '../../api';
import { closeOnPurpose } from '../../components/closeOnPurpose';
import { parseAmount } from './common';

interface Row {
  account: string;
  name: string;
  ib: string;
  ub: string;
  res: string;
}

const AMOUNTS = [
  { key: 'ib', label: 'Ingående balans' },
  { key: 'ub', label: 'Utgående balans' },
  { key: 'res', label: 'Resultat' },
] as const;

const shown = (kr: number) => (kr === 0 ? '' : String(kr));

/**
 * The year's saldon typed in by hand, for a förbund whose bookkeeping gives no SIE file:
 * account, name, IB, UB and the year's result on a result account. Saving replaces the
 * year's saldon; the statements and checks are computed from them as from a file.
 */
export function SaldonDialog({ view, onClose, onSaved }: { view: BokslutView; onClose: () => void; onSaved: (v: BokslutView) => void }) {
  const [rows, setRows] = useState<Row[]>(() => {
    const existing = view.accounts
      .filter((a) => a.ibKr !== 0 || a.ubKr !== 0 || a.resKr !== 0)
      .map((a) => ({ account: a.account, name: a.name, ib: shown(a.ibKr), ub: shown(a.ubKr), res: shown(a.resKr) }));
    return existing.length > 0 ? existing : [{ account: '', name: '', ib: '', ub: '', res: '' }];
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function save() {
    setFailure(null);
    const filled = rows.filter((r) => Object.values(r).some((v) => v.trim() !== ''));
    const accounts = [];
    for (const r of filled) {
      if (!/^\d{4}$/.test(r.account.trim())) return setFailure(`”${r.account || r.name}”: kontot ska vara fyra siffror enligt kontoplanen, t.ex. 1930.`);
      const amounts: Record<'ib' | 'ub' | 'res', number> = { ib: 0, ub: 0, res: 0 };
      for (const a of AMOUNTS) {
        const text = r[a.key].trim();
        if (text === '') continue;
        const v = parseAmount(text);
        if (v === null) return setFailure(`Konto ${r.account}: ”${text}” är inget belopp (${a.label.toLowerCase()}). Skriv t.ex. −1 234 567,50.`);
        amounts[a.key] = v;
      }
      accounts.push({ account: r.account.trim(), name: r.name.trim(), ibKr: amounts.ib, ubKr: amounts.ub, resKr: amounts.res });
    }
    setSaving(true);
    try {
      onSaved(await call('bokslut.saveSaldon', { year: view.year, accounts }));
      onClose();
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={closeOnPurpose(onClose)} maxWidth="lg" fullWidth aria-labelledby="saldon-title">
      <DialogTitle id="saldon-title">Skriv in saldon {view.year}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography color="text.secondary">
            Ett konto per rad, i kronor, med bokföringens tecken: tillgångar och kostnader positiva, skulder, eget kapital och intäkter negativa (som i en
            SIE-fil). Balanskonton (klass 1–2) har ingående och utgående balans, resultatkonton (klass 3–8) årets resultat.
          </Typography>
          {view.source?.kind === 'sie' && <Alert severity="info">Årets saldon kommer nu från ”{view.source.fileName}”. Det du sparar här ersätter dem.</Alert>}
          <Table size="small" aria-label="Saldon">
            <TableHead>
              <TableRow>
                <TableCell>Konto</TableCell>
                <TableCell>Namn</TableCell>
                {AMOUNTS.map((a) => (
                  <TableCell key={a.key} align="right">
                    {a.label}
                  </TableCell>
                ))}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={i}>
                  <TableCell sx={{ width: 110 }}>
                    <TextField
                      size="small"
                      value={r.account}
                      onChange={(e) => set(i, { account: e.target.value })}
                      slotProps={{ htmlInput: { 'aria-label': `Konto, rad ${i + 1}`, inputMode: 'numeric', maxLength: 4 } }}
                    />
                  </TableCell>
                  <TableCell>
                    <TextField
                      size="small"
                      fullWidth
                      value={r.name}
                      onChange={(e) => set(i, { name: e.target.value })}
                      slotProps={{ htmlInput: { 'aria-label': `Namn, rad ${i + 1}`, maxLength: 200 } }}
                    />
                  </TableCell>
                  {AMOUNTS.map((a) => (
                    <TableCell key={a.key} sx={{ width: 160 }}>
                      <TextField
                        size="small"
                        value={r[a.key]}
                        onChange={(e) => set(i, { [a.key]: e.target.value })}
                        slotProps={{ htmlInput: { 'aria-label': `${a.label}, konto ${r.account || `rad ${i + 1}`}`, style: { textAlign: 'right' } } }}
                      />
                    </TableCell>
                  ))}
                  <TableCell sx={{ width: 48 }}>
                    <IconButton aria-label={`Ta bort rad ${i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                      <DeleteOutlined />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Button sx={{ alignSelf: 'flex-start' }} onClick={() => setRows([...rows, { account: '', name: '', ib: '', ub: '', res: '' }])}>
            Lägg till konto
          </Button>
          {failure && <Alert severity="error">{failure}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Avbryt</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          Spara saldon
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FeeView } from '../../../../shared/contract/schemas/ekonomi';
import { formatInteger, formatPercent } from '../../../../shared/format/sv';
import { DateField } from '../../components/fields';
import { call, errorMessage } from '../../api';
import { askBeforeLeaving, useApp, useUnsavedChanges } from '../../store/app';
import { EconomyExportButton, parseAmount, thisYear, useWriteBlad, YearField } from './common';
import { TableBox } from '../../components/TableBox';

/**
 * Medlemsavgifter: type the year's total and see every member's share at once
 * (staten hälften, regionen en fjärdedel, kommunerna en fjärdedel efter folkmängd),
 * beside the year before; save it and write the ärendeblad.
 */
export function MedlemsavgifterTab() {
  const notify = useApp((s) => s.notify);
  const write = useWriteBlad();
  const [year, setYear] = useState(thisYear() + 1);
  const [total, setTotal] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [status, setStatus] = useState<'preliminar' | 'faststalld'>('preliminar');
  const [view, setView] = useState<FeeView | null>(null);
  const [popYear, setPopYear] = useState(year - 1);
  const [busy, setBusy] = useState(false);
  /** Due date and status as saved, to tell when the ones on screen differ. */
  const [savedFields, setSavedFields] = useState<{ dueOn: string; status: string } | null>(null);

  // A total typed while the year's saved fee is still on its way is kept (a slow answer must not wipe it),
  // and only the newest preview is shown (an older answer arriving late must not replace it).
  const typedSinceYear = useRef(false);
  const previewSeq = useRef(0);

  // The saved fee when the year changes.
  useEffect(() => {
    typedSinceYear.current = false;
    call('medlemsavgifter.get', { year })
      .then((v) => {
        setPopYear(v.populationYear);
        if (!typedSinceYear.current) {
          setView(v);
          setTotal(v.totalKr === null ? '' : formatInteger(v.totalKr));
        }
        setDueOn(v.dueOn ?? `${year}-04-30`);
        setStatus(v.status ?? 'preliminar');
        setSavedFields(v.saved ? { dueOn: v.dueOn ?? '', status: v.status ?? 'preliminar' } : null);
      })
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [year, notify]);

  // A live preview as the total is typed.
  const amount = parseAmount(total);
  useEffect(() => {
    if (amount === null || (view?.saved && view.totalKr === amount && view.populationYear === popYear)) return;
    const seq = ++previewSeq.current;
    const t = setTimeout(() => {
      call('medlemsavgifter.get', { year, totalKr: amount, populationYear: popYear })
        .then((v) => seq === previewSeq.current && setView(v))
        .catch(() => undefined);
    }, 150);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [amount, year, popYear]);

  const totalError =
    total.trim() !== '' && (amount === null || !Number.isInteger(amount) || amount <= 0)
      ? 'Ange den totala medlemsavgiften i hela kronor, större än noll.'
      : null;

  async function save(): Promise<boolean> {
    if (amount === null) return false;
    setBusy(true);
    try {
      const v = await call('medlemsavgifter.save', { year, totalKr: amount, populationYear: popYear, dueOn, status });
      setView(v);
      setSavedFields({ dueOn, status });
      notify('success', `Medlemsavgiften för ${year} är sparad.`);
      return true;
    } catch (err) {
      notify('error', errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const prev = view?.previous ?? null;
  const dirty = view !== null && !view.saved;
  // The ärendeblad is written from what is on the screen: unsaved changes are saved first.
  const unsaved = dirty || (savedFields !== null && (savedFields.dueOn !== dueOn || savedFields.status !== status));
  useUnsavedChanges('medlemsavgifter', `medlemsavgiften för ${year}`, unsaved && amount !== null);

  async function writeBlad() {
    if (unsaved && !(await save())) return;
    setBusy(true);
    await write('medlemsavgifter', year);
    setBusy(false);
  }
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
        <YearField value={year} onChange={(y) => askBeforeLeaving(() => setYear(y))} />
        <TextField
          size="small"
          label="Total medlemsavgift, kr"
          value={total}
          onChange={(e) => {
            typedSinceYear.current = true;
            setTotal(e.target.value);
          }}
          error={totalError !== null}
          helperText={totalError ?? 'Staten betalar hälften, regionen och kommunerna en fjärdedel var.'}
          sx={{ width: 260 }}
          slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': 'Total medlemsavgift' } }}
        />
        <YearField label="Folkmängd 1 nov" value={popYear} onChange={setPopYear} />
        <DateField size="small" label="Betalas senast" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        <TextField
          select
          size="small"
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as 'preliminar' | 'faststalld')}
          sx={{ minWidth: 150 }}
        >
          <MenuItem value="preliminar">Preliminär</MenuItem>
          <MenuItem value="faststalld">Fastställd</MenuItem>
        </TextField>
        <Button variant="contained" onClick={() => void save()} disabled={busy || amount === null || totalError !== null || (view?.problems.length ?? 0) > 0}>
          Spara
        </Button>
        <Button
          variant="outlined"
          onClick={() => void writeBlad()}
          disabled={busy || (!view?.saved && (amount === null || totalError !== null || (view?.problems.length ?? 0) > 0))}
        >
          Skriv ärendeblad
        </Button>
        <EconomyExportButton table="medlemsavgifter" year={year} />
      </Stack>
      {view?.populationNote && (
        <Alert severity="info" data-testid="folkmangd-ar">
          {view.populationNote}
        </Alert>
      )}
      {view?.problems.map((p) => (
        <Alert key={p.message} severity="warning">
          {p.message}
        </Alert>
      ))}
      {dirty && amount !== null && view.problems.length === 0 && <Alert severity="info">Förhandsvisning – inte sparad.</Alert>}
      {view && (
        <TableBox label={`Medlemsavgifter ${year} per medlem`}>
          <Table size="small" aria-label={`Medlemsavgifter ${year} per medlem`}>
            <TableHead>
              <TableRow>
                <TableCell>Medlem</TableCell>
                <TableCell align="right">Folkmängd 1 nov {view.populationYear}</TableCell>
                <TableCell align="right">Andel</TableCell>
                <TableCell align="right">{year}, kr</TableCell>
                {prev && <TableCell align="right">{prev.year}, kr</TableCell>}
                {prev && <TableCell align="right">Förändring, kr</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {[
                { key: 'total', label: 'Total medlemsavgift', kr: view.totalKr, prevKr: prev?.totalKr ?? null, bold: true },
                { key: 'stat', label: view.statLabel, kr: view.statKr, prevKr: prev?.statKr ?? null },
                { key: 'region', label: view.shares.find((s) => s.kind === 'region')?.name ?? 'Regionen', kr: view.regionKr, prevKr: prev?.regionKr ?? null },
                { key: 'kommuner', label: 'Kommunerna', kr: view.kommunerKr, prevKr: prev?.kommunerKr ?? null },
              ].map((r) => (
                <TableRow key={r.key} sx={r.bold ? { '& td': { fontWeight: 700 } } : undefined}>
                  <TableCell>{r.label}</TableCell>
                  <TableCell />
                  <TableCell />
                  <TableCell align="right" data-testid={`fee-${r.key}`}>
                    {r.kr === null ? '–' : formatInteger(r.kr)}
                  </TableCell>
                  {prev && <TableCell align="right">{r.prevKr === null ? '' : formatInteger(r.prevKr)}</TableCell>}
                  {prev && <TableCell align="right">{r.kr === null || r.prevKr === null ? '' : formatInteger(r.kr - r.prevKr)}</TableCell>}
                </TableRow>
              ))}
              <TableRow>
                <TableCell colSpan={prev ? 6 : 4} sx={{ pt: 2 }}>
                  <Typography variant="subtitle2">Fördelning mellan kommunerna efter folkmängd</Typography>
                </TableCell>
              </TableRow>
              {view.shares
                .filter((s) => s.kind === 'kommun')
                .map((s) => (
                  <TableRow key={s.memberId}>
                    <TableCell>{s.name}</TableCell>
                    <TableCell align="right">{s.population === null ? 'saknas' : formatInteger(s.population)}</TableCell>
                    <TableCell align="right">{s.populationShare === null ? '' : formatPercent(s.populationShare, 2)}</TableCell>
                    <TableCell align="right" data-testid={`fee-member-${s.name}`}>
                      {view.totalKr === null ? '–' : formatInteger(s.amountKr)}
                    </TableCell>
                    {prev && <TableCell align="right">{s.previousKr === null ? '' : formatInteger(s.previousKr)}</TableCell>}
                    {prev && (
                      <TableCell align="right">{view.totalKr === null || s.previousKr === null ? '' : formatInteger(s.amountKr - s.previousKr)}</TableCell>
                    )}
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </TableBox>
      )}
    </Stack>
  );
}

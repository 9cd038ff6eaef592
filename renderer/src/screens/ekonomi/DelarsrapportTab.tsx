import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import type { DelarsrapportView } from '../../../../shared/contract/schemas/delarsrapport';
import type { BudgetPost } from '../../../../shared/domain/budget-posts';
import { formatInteger } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { SelectField } from '../../components/fields';
import { useLoad } from '../../components/useLoad';
import { downloadBase64 } from '../../files';
import { useUnsavedChanges } from '../../store/app';
import { parseAmount, YearField } from './common';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november'];

/** The result table with a prognos field per post; an empty field means the budget. */
function Form({ view, onSaved }: { view: DelarsrapportView; onSaved: (v: DelarsrapportView) => void }) {
  const initial = Object.fromEntries(view.rows.map((r) => [r.post, r.prognosTyped ? formatInteger(r.prognosKr) : ''])) as Record<BudgetPost, string>;
  const [prognos, setPrognos] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const dirty = JSON.stringify(prognos) !== JSON.stringify(initial);
  useUnsavedChanges(`delarsrapport-${view.year}`, 'delårsrapportens prognos', dirty);
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const rows = view.rows.map((r) => ({
        post: r.post,
        prognosKr: prognos[r.post].trim() === '' ? null : parseAmount(prognos[r.post]),
        kommentar: r.kommentar,
      }));
      const bad = rows.find((r) => r.prognosKr === null && prognos[r.post].trim() !== '');
      if (bad) throw new Error(`Prognosen för ${view.rows.find((r) => r.post === bad.post)?.label} är inte ett belopp.`);
      onSaved(
        await call('delarsrapport.save', {
          year: view.year,
          toMonth: view.toMonth,
          prognos: rows.map((r) => ({ ...r, prognosKr: r.prognosKr === null ? null : Math.round(r.prognosKr) })),
        }),
      );
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Table size="small" aria-label={`Resultat ${view.periodLabel}`}>
        <TableHead>
          <TableRow>
            <TableCell>Post</TableCell>
            <TableCell align="right">Budget helår</TableCell>
            <TableCell align="right">Budget perioden</TableCell>
            <TableCell align="right">Utfall perioden</TableCell>
            <TableCell align="right">Avvikelse</TableCell>
            <TableCell align="right">Prognos helår</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.rows.map((r) => (
            <TableRow key={r.post}>
              <TableCell>{r.label}</TableCell>
              <TableCell align="right">{formatInteger(r.budgetYearKr)}</TableCell>
              <TableCell align="right">{formatInteger(r.budgetPeriodKr)}</TableCell>
              <TableCell align="right">{formatInteger(r.utfallPeriodKr)}</TableCell>
              <TableCell align="right" sx={{ color: r.avvikelseKr < 0 ? 'error.main' : undefined }}>
                {formatInteger(r.avvikelseKr)}
              </TableCell>
              <TableCell align="right">
                <TextField
                  size="small"
                  value={prognos[r.post]}
                  placeholder={formatInteger(r.budgetYearKr)}
                  onChange={(e) => setPrognos({ ...prognos, [r.post]: e.target.value })}
                  slotProps={{ htmlInput: { 'aria-label': `Prognos ${r.label}`, inputMode: 'numeric', style: { textAlign: 'right' } } }}
                  sx={{ width: 150 }}
                />
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>Resultat</TableCell>
            <TableCell align="right">{formatInteger(view.result.budgetYearKr)}</TableCell>
            <TableCell align="right">{formatInteger(view.result.budgetPeriodKr)}</TableCell>
            <TableCell align="right">{formatInteger(view.result.utfallPeriodKr)}</TableCell>
            <TableCell align="right">{formatInteger(view.result.utfallPeriodKr - view.result.budgetPeriodKr)}</TableCell>
            <TableCell align="right">{formatInteger(view.result.prognosKr)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {failure && <Alert severity="error">{failure}</Alert>}
      <Button variant="contained" sx={{ mt: 2 }} onClick={() => void save()} disabled={!dirty || busy}>
        {busy ? 'Sparar …' : 'Spara prognosen'}
      </Button>
    </Paper>
  );
}

/** Ekonomi → Delårsrapport: the year so far against the budget, the prognos, and the report as PDF. */
export function DelarsrapportTab() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [month, setMonth] = useState<number | undefined>(undefined);
  const { data: view, error, setData } = useLoad(() => call('delarsrapport.get', { year, toMonth: month }), `${year}-${month ?? ''}`);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async (kind: 'pdf' | 'docx') => {
    try {
      const file = await call(kind === 'pdf' ? 'delarsrapport.pdf' : 'delarsrapport.docx', { year, toMonth: view?.toMonth });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <YearField value={year} onChange={setYear} />
        <SelectField
          size="small"
          label="Delåret till och med"
          value={view?.toMonth ?? 8}
          options={MONTHS.map((m, i) => ({ value: i + 1, label: `${m}s slut` }))}
          onChange={(e) => setMonth(Number(e.target.value))}
          sx={{ width: 220 }}
        />
        <Button onClick={() => void download('pdf')} disabled={!view}>
          PDF
        </Button>
        <Button onClick={() => void download('docx')} disabled={!view}>
          Word
        </Button>
      </Stack>
      {(failure ?? error) && <Alert severity="error">{failure ?? error}</Alert>}
      {!view && !error && <LinearProgress aria-label="Hämtar delårsrapporten" />}
      {view && <Form key={`${view.year}-${view.toMonth}-${JSON.stringify(view.rows)}`} view={view} onSaved={setData} />}
    </Stack>
  );
}

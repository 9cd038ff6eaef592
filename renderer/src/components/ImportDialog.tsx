import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import type { ImportPreview, ImportRegister, ImportRowAction } from '../../../shared/contract/schemas/xlsx';
import { call, errorMessage } from '../api';
import { fileToBase64 } from '../files';
import { useApp } from '../store/app';
import { closeOnPurpose } from './closeOnPurpose';

const ACTION: Record<ImportRowAction, { label: string; color: 'success' | 'info' | 'default' | 'error' }> = {
  add: { label: 'Läggs till', color: 'success' },
  change: { label: 'Ändras', color: 'info' },
  unchanged: { label: 'Oförändrad', color: 'default' },
  reject: { label: 'Avvisas', color: 'error' },
};

const WHAT: Record<ImportRegister, string> = { styrelse: 'styrelsen', diarium: 'diariet' };

/**
 * Import from Excel: pick a file, see what would be added, changed or rejected and why
 * (the main process runs the real rules and rolls back), then import — nothing is
 * written before "Importera".
 */
export function ImportDialog(props: { register: ImportRegister; open: boolean; onClose: () => void; onImported: () => void }) {
  const notify = useApp((s) => s.notify);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [skipRejected, setSkipRejected] = useState(false);
  const [confirmed, setConfirmed] = useState(false);

  function reset() {
    setFile(null);
    setPreview(null);
    setError(null);
    setSkipRejected(false);
    setConfirmed(false);
  }

  async function pick(list: FileList | null) {
    const chosen = list?.[0];
    if (!chosen) return;
    reset();
    setBusy(true);
    try {
      const base64 = await fileToBase64(chosen);
      setFile({ name: chosen.name, base64 });
      setPreview(await call('xlsx.importPreview', { register: props.register, contentBase64: base64 }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function run() {
    if (!file) return;
    setBusy(true);
    try {
      const r = await call('xlsx.import', { register: props.register, contentBase64: file.base64, skipRejected, confirmPersonalData: confirmed });
      notify(
        'success',
        `Importen är klar: ${r.added} tillagda, ${r.changed} ändrade, ${r.unchanged} oförändrade${r.skipped ? `, ${r.skipped} överhoppade` : ''}.`,
      );
      reset();
      props.onImported();
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const counts = preview?.counts;
  const warnings = preview?.rows.some((r) => r.action !== 'reject' && r.warnings.length > 0) ?? false;
  const canImport = preview !== null && (counts?.reject === 0 || skipRejected) && (!warnings || confirmed) && (counts?.add ?? 0) + (counts?.change ?? 0) > 0;

  return (
    <Dialog open={props.open} onClose={closeOnPurpose(props.onClose)} maxWidth="lg" fullWidth aria-labelledby="import-title">
      <DialogTitle id="import-title">Importera {WHAT[props.register]} från Excel</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2">Filen ska ha samma kolumner som en export av {WHAT[props.register]}. Inget sparas förrän du väljer Importera.</Typography>
          <Button component="label" variant="outlined" startIcon={<UploadFileOutlined />} sx={{ alignSelf: 'flex-start' }} disabled={busy}>
            {file ? `Byt fil (${file.name})` : 'Välj Excel-fil'}
            <input
              type="file"
              hidden
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label="Excel-fil"
              onChange={(e) => void pick(e.target.files)}
            />
          </Button>
          {busy && <LinearProgress aria-label="Läser filen" />}
          {error && <Alert severity="error">{error}</Alert>}
          {counts && (
            <Alert severity={counts.reject > 0 ? 'warning' : 'info'}>
              {counts.add} läggs till, {counts.change} ändras, {counts.unchanged} oförändrade, {counts.reject} avvisas.
            </Alert>
          )}
          {preview && (
            <Table size="small" aria-label="Förhandsgranskning">
              <TableHead>
                <TableRow>
                  <TableCell>Rad</TableCell>
                  <TableCell>Post</TableCell>
                  <TableCell>Åtgärd</TableCell>
                  <TableCell>Detaljer</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.rows.map((r) => (
                  <TableRow key={r.row} data-testid="import-row">
                    <TableCell>{r.row}</TableCell>
                    <TableCell>{r.label}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={ACTION[r.action].color}
                        variant={r.action === 'unchanged' ? 'outlined' : 'filled'}
                        label={ACTION[r.action].label}
                      />
                    </TableCell>
                    <TableCell>
                      {r.changes.map((c) => (
                        <Typography key={c.field} variant="body2">
                          {c.field}: {c.before} → {c.after}
                        </Typography>
                      ))}
                      {r.errors.map((e) => (
                        <Typography key={e} variant="body2" sx={{ color: 'error.main' }}>
                          {e}
                        </Typography>
                      ))}
                      {r.warnings.map((w) => (
                        <Typography key={w} variant="body2" sx={{ color: 'warning.dark' }}>
                          {w}
                        </Typography>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {counts && counts.reject > 0 && (
            <FormControlLabel
              control={<Checkbox checked={skipRejected} onChange={(e) => setSkipRejected(e.target.checked)} />}
              label="Hoppa över avvisade rader och importera resten"
            />
          )}
          {warnings && (
            <FormControlLabel
              control={<Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />}
              label="Jag bekräftar att uppgifterna som liknar personnummer måste sparas (förbundet får inte behandla uppgifter om enskilda)"
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Avbryt</Button>
        <Button variant="contained" onClick={() => void run()} disabled={!canImport || busy}>
          Importera
        </Button>
      </DialogActions>
    </Dialog>
  );
}

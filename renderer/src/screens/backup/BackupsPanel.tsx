import { useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BackupOutlined from '@mui/icons-material/BackupOutlined';
import { BACKUP_REASON_LABELS, type BackupInfo, type BackupStatus, type BackupVerifyResult } from '../../../../shared/contract/schemas/backup';
import { formatBytes, formatDateTime, formatInteger } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';
import { useApp, useUnsavedChanges } from '../../store/app';

type Policy = BackupStatus['policy'];
const POLICY_FIELDS: { key: keyof Policy; label: string; help: string }[] = [
  { key: 'recent', label: 'Senaste', help: 'de senaste, vid start och stängning' },
  { key: 'daily', label: 'Dagliga', help: 'en per dag' },
  { key: 'weekly', label: 'Veckovisa', help: 'en per vecka' },
  { key: 'monthly', label: 'Månatliga', help: 'en per månad' },
];

/**
 * Register → Säkerhetskopior: the automatic backups (at start, at close, daily; rotated by
 * the counts below), a backup now, and restoring one after it has been checked in full.
 */
export function BackupsPanel() {
  const notify = useApp((s) => s.notify);
  const load = useApp((s) => s.load);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [otherFile, setOtherFile] = useState('');
  const [policy, setPolicy] = useState<Record<keyof Policy, string> | null>(null);
  const [confirm, setConfirm] = useState<BackupVerifyResult | null>(null);
  const picker = window.kansli?.pickFolder;

  const refresh = useCallback(async () => {
    try {
      const next = await call('backup.status', {});
      setStatus(next);
      setPolicy(Object.fromEntries(POLICY_FIELDS.map((f) => [f.key, String(next.policy[f.key])])) as Record<keyof Policy, string>);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const policyDirty = status !== null && policy !== null && POLICY_FIELDS.some((f) => policy[f.key] !== String(status.policy[f.key]));
  useUnsavedChanges('sakerhetskopior', 'inställningarna för säkerhetskopior', policyDirty);

  async function work<T>(label: string, fn: () => Promise<T>): Promise<T | null> {
    setWorking(label);
    try {
      return await fn();
    } catch (err) {
      notify('error', errorMessage(err));
      return null;
    } finally {
      setWorking(null);
    }
  }

  async function backupNow(toFolder?: string) {
    const made = await work('Säkerhetskopierar …', () => call('backup.create', toFolder ? { folder: toFolder } : {}));
    if (!made) return;
    notify(
      made.warnings.length > 0 ? 'info' : 'success',
      `Säkerhetskopian är sparad (${formatBytes(made.sizeBytes)}): ${made.file}${made.warnings.length > 0 ? `. Obs: ${made.warnings.join(' ')}` : ''}`,
    );
    await refresh();
  }

  async function chooseFolder() {
    const chosen = picker ? await picker() : folder.trim();
    if (chosen) await backupNow(chosen);
  }

  async function check(file: string, thenRestore: boolean) {
    const result = await work('Kontrollerar säkerhetskopian …', () => call('backup.verify', { file }));
    if (!result) return;
    if (thenRestore) setConfirm(result);
    else notify('success', `Säkerhetskopian från ${formatDateTime(new Date(result.backup.createdAt))} är hel. ${result.checks.join(' ')}`);
  }

  async function restore(file: string) {
    setConfirm(null);
    const result = await work('Återställer …', () => call('backup.restore', { file }));
    if (!result) return;
    await load();
    await refresh();
    notify(
      'success',
      `Databasen är återställd från säkerhetskopian ${formatDateTime(new Date(result.createdAt))}.${result.keptAs ? ` Den tidigare databasen finns kvar som ${result.keptAs}.` : ''}`,
    );
  }

  async function savePolicy() {
    if (!policy) return;
    const saved = await work('Sparar …', () =>
      call('backup.saveSettings', Object.fromEntries(POLICY_FIELDS.map((f) => [f.key, Number(policy[f.key])])) as Policy),
    );
    if (saved) {
      notify('success', 'Inställningarna för säkerhetskopior är sparade. De gäller från nästa automatiska kopia.');
      await refresh();
    }
  }

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!status || !policy) return <Typography>Läser in säkerhetskopiorna …</Typography>;

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Typography color="text.secondary">
        Kansli gör en säkerhetskopia när programmet startar och när det stängs, och en gång om dagen medan det är igång – men bara när något har ändrats. En
        kopia innehåller databasen, handlingarna som ligger bredvid den och en innehållsförteckning med kontrollsummor. De automatiska kopiorna sparas i{' '}
        <code>{status.folder}</code>.
      </Typography>
      {status.lastError && (
        <Alert severity="error">
          <AlertTitle>Den senaste automatiska säkerhetskopieringen misslyckades</AlertTitle>
          {status.lastError}
        </Alert>
      )}
      {working && (
        <Paper variant="outlined" sx={{ p: 2 }} role="status" aria-live="polite">
          <Typography>{working}</Typography>
          <LinearProgress sx={{ mt: 1 }} />
        </Paper>
      )}

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
          <Button variant="contained" startIcon={<BackupOutlined />} disabled={working !== null} onClick={() => void backupNow()}>
            Säkerhetskopiera nu
          </Button>
          {!picker && (
            <TextField
              size="small"
              label="Eller spara en kopia i mappen"
              placeholder="/media/usb/Kansli"
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              sx={{ minWidth: 320 }}
            />
          )}
          <Button variant="outlined" disabled={working !== null || (!picker && folder.trim() === '')} onClick={() => void chooseFolder()}>
            Spara en kopia i mapp …
          </Button>
        </Stack>
      </Paper>

      <Paper variant="outlined">
        <Table size="small" aria-label="Säkerhetskopior">
          <TableHead>
            <TableRow>
              <TableCell>Gjord</TableCell>
              <TableCell>Varför</TableCell>
              <TableCell align="right">Storlek</TableCell>
              <TableCell align="right">Poster i loggen</TableCell>
              <TableCell align="right">Handlingar utanför databasen</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {status.backups.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  <Typography color="text.secondary">Ingen säkerhetskopia ännu.</Typography>
                </TableCell>
              </TableRow>
            )}
            {status.backups.map((b) => (
              <BackupRow
                key={b.file}
                backup={b}
                disabled={working !== null}
                onCheck={() => void check(b.file, false)}
                onRestore={() => void check(b.file, true)}
              />
            ))}
          </TableBody>
        </Table>
      </Paper>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          Återställ från en annan fil
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
          <TextField
            size="small"
            label="Säkerhetskopians sökväg"
            placeholder="/media/usb/Kansli 2026-12-01 kl 17.02.11 manuell.kansli-backup"
            value={otherFile}
            onChange={(e) => setOtherFile(e.target.value)}
            sx={{ minWidth: 480 }}
          />
          <Button variant="outlined" disabled={working !== null || otherFile.trim() === ''} onClick={() => void check(otherFile.trim(), false)}>
            Kontrollera
          </Button>
          <Button variant="outlined" color="warning" disabled={working !== null || otherFile.trim() === ''} onClick={() => void check(otherFile.trim(), true)}>
            Återställ …
          </Button>
        </Stack>
      </Paper>

      <PolicySection policy={policy} onChange={setPolicy} dirty={policyDirty} disabled={working !== null} onSave={() => void savePolicy()} />

      <RestoreConfirmDialog confirm={confirm} onCancel={() => setConfirm(null)} onRestore={(file) => void restore(file)} />
    </Stack>
  );
}

/** How many automatic backups are kept: the latest, daily, weekly and monthly. */
function PolicySection(props: {
  policy: Record<keyof Policy, string>;
  onChange: (policy: Record<keyof Policy, string>) => void;
  dirty: boolean;
  disabled: boolean;
  onSave: () => void;
}) {
  const { policy, onChange, dirty, disabled, onSave } = props;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Antal automatiska säkerhetskopior">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Hur många automatiska kopior som sparas
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Äldre automatiska kopior tas bort när en ny görs. Kopior du gör själv tas aldrig bort.
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
        {POLICY_FIELDS.map((f) => (
          <TextField
            key={f.key}
            size="small"
            label={f.label}
            helperText={f.help}
            value={policy[f.key]}
            onChange={(e) => onChange({ ...policy, [f.key]: e.target.value })}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ width: 150 }}
          />
        ))}
        <Button variant="contained" disabled={!dirty || disabled} onClick={onSave}>
          Spara
        </Button>
      </Stack>
    </Paper>
  );
}

/** What was checked in the backup, and what restoring it means, before anything is replaced. */
function RestoreConfirmDialog({
  confirm,
  onCancel,
  onRestore,
}: {
  confirm: BackupVerifyResult | null;
  onCancel: () => void;
  onRestore: (file: string) => void;
}) {
  return (
    <Dialog open={confirm !== null} onClose={onCancel} aria-labelledby="restore-title">
      {confirm && (
        <>
          <DialogTitle id="restore-title">
            Återställa {confirm.backup.forbund} från {formatDateTime(new Date(confirm.backup.createdAt))}?
          </DialogTitle>
          <DialogContent>
            <DialogContentText component="div">
              <List dense aria-label="Kontrollerat">
                {confirm.checks.map((c) => (
                  <ListItem key={c} disableGutters>
                    <ListItemText primary={`✓ ${c}`} />
                  </ListItem>
                ))}
              </List>
              Det som har ändrats i databasen efter {formatDateTime(new Date(confirm.backup.createdAt))} finns inte i kopian. Den nuvarande databasen sparas
              bredvid, med ”före-återställning” och dagens datum i namnet, och kan öppnas igen.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel} autoFocus>
              Avbryt
            </Button>
            <Button color="warning" variant="contained" onClick={() => onRestore(confirm.backup.file)}>
              Återställ
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

function BackupRow({ backup: b, disabled, onCheck, onRestore }: { backup: BackupInfo; disabled: boolean; onCheck(): void; onRestore(): void }) {
  return (
    <TableRow hover>
      <TableCell sx={{ whiteSpace: 'nowrap' }} title={b.file}>
        {formatDateTime(new Date(b.createdAt))}
      </TableCell>
      <TableCell>
        {BACKUP_REASON_LABELS[b.reason]}
        {b.warnings.length > 0 && (
          <Typography variant="caption" color="warning.main" component="div">
            {b.warnings.join(' ')}
          </Typography>
        )}
      </TableCell>
      <TableCell align="right">{formatBytes(b.sizeBytes)}</TableCell>
      <TableCell align="right">{formatInteger(b.auditEntries)}</TableCell>
      <TableCell align="right">{formatInteger(b.documents)}</TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        <Button size="small" disabled={disabled} onClick={onCheck}>
          Kontrollera
        </Button>
        <Button
          size="small"
          color="warning"
          disabled={disabled}
          onClick={onRestore}
          aria-label={`Återställ kopian från ${formatDateTime(new Date(b.createdAt))}`}
        >
          Återställ …
        </Button>
      </TableCell>
    </TableRow>
  );
}

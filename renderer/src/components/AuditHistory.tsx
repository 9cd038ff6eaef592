import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import type { AuditChange, AuditEntity, AuditEntryView } from '../../../shared/contract/schemas/audit';
import { call, errorMessage } from '../api';

const ACTION_LABELS: Record<AuditEntryView['action'], string> = { create: 'Skapad', update: 'Ändrad', delete: 'Borttagen' };

/** "2018-03-16 14:05" in local time. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The changes of one entry as a small table: Fält · Före · Efter. */
export function ChangesTable({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <Typography variant="body2">Inga uppgifter att visa.</Typography>;
  return (
    <Table size="small" aria-label="Ändringar">
      <TableHead>
        <TableRow>
          <TableCell>Uppgift</TableCell>
          <TableCell>Före</TableCell>
          <TableCell>Efter</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.field}>
            <TableCell>{c.label}</TableCell>
            <TableCell sx={{ color: 'text.secondary', whiteSpace: 'pre-wrap' }}>{c.beforeText ?? '—'}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{c.afterText ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Who changed a record, when, and what: the audit log of one record. */
export function AuditHistoryDialog(props: { entity: AuditEntity; entityId: number | string; title: string; open: boolean; onClose: () => void }) {
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!props.open) return;
    setEntries(null);
    setError(null);
    call('audit.list', { entity: props.entity, entityId: props.entityId, limit: 200 })
      .then(setEntries)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [props.open, props.entity, props.entityId]);
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="audit-history-title">
      <DialogTitle id="audit-history-title">Historik: {props.title}</DialogTitle>
      <DialogContent>
        {entries === null && error === null && <LinearProgress aria-label="Hämtar historik" />}
        {error && <Alert severity="error">{error}</Alert>}
        {entries?.length === 0 && <Typography>Inga ändringar är loggade för posten.</Typography>}
        <Stack spacing={3}>
          {entries?.map((e) => (
            <Stack key={e.id} spacing={1} data-testid="audit-entry">
              <Typography variant="subtitle2">
                {ACTION_LABELS[e.action]} {formatTimestamp(e.at)} av {e.actor}
              </Typography>
              <ChangesTable changes={e.changes} />
            </Stack>
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Stäng</Button>
      </DialogActions>
    </Dialog>
  );
}

/** A "Historik" button that opens the record's audit trail. */
export function AuditHistoryButton(props: { entity: AuditEntity; entityId: number | string; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button startIcon={<HistoryOutlined />} onClick={() => setOpen(true)}>
        Historik
      </Button>
      <AuditHistoryDialog {...props} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

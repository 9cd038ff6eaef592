import { Fragment, useCallback, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDownOutlined';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRightOutlined';
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import { AUDIT_ENTITIES, AUDIT_ENTITY_LABELS, type AuditEntity, type AuditEntryView, type AuditVerifyResult } from '../../../../shared/contract/schemas/audit';
import { call, errorMessage } from '../../api';
import { ChangesTable, formatTimestamp } from '../../components/AuditHistory';

const PAGE = 50;

const ACTION_LABELS: Record<AuditEntryView['action'], string> = { create: 'Skapad', update: 'Ändrad', delete: 'Borttagen' };
const ACTION_COLORS: Record<AuditEntryView['action'], 'success' | 'default' | 'error'> = { create: 'success', update: 'default', delete: 'error' };

/** The kinds of record for the filter, as a person reads them, A–Ö. */
const ENTITY_CHOICES = [...AUDIT_ENTITIES].sort((a, b) => AUDIT_ENTITY_LABELS[a].localeCompare(AUDIT_ENTITY_LABELS[b], 'sv'));

/** What the anchors outside the file add to the chain, in words. */
function AnchorLine({ anchors }: { anchors: AuditVerifyResult['anchors'] }) {
  if (anchors.checked === 0) {
    return (
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        Inga ankare finns ännu för databasen på den här platsen (de skrivs vid varje säkerhetskopia och när Kansli stängs). Borttagna poster i slutet av loggen
        kan därför inte upptäckas än.
      </Typography>
    );
  }
  return (
    <Typography variant="body2" sx={{ mt: 0.5 }}>
      Jämförd med {anchors.checked} ankare utanför databasfilen (säkerhetskopiornas innehållsförteckningar och ankarfilen), det senaste{' '}
      {anchors.newestAt ? formatTimestamp(anchors.newestAt) : ''}
      {anchors.newestLastId !== null ? ` vid post ${anchors.newestLastId}` : ''}.
      {anchors.setAside > 0 ? ` ${anchors.setAside} ankare från tiden före en återställning räknas inte.` : ''}
    </Typography>
  );
}

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  if (result.ok) {
    return (
      <Alert severity="success" data-testid="audit-verify">
        Loggen är hel: {result.entries} poster, kedjan stämmer.
        <AnchorLine anchors={result.anchors} />
      </Alert>
    );
  }
  if (result.brokenAtId === null) {
    return (
      <Alert severity="error" data-testid="audit-verify">
        <AlertTitle>Loggen stämmer inte med ankarna utanför databasen</AlertTitle>
        {result.anchors.problems.map((p) => (
          <Typography key={`${p.source}-${p.at}`} variant="body2">
            {p.source}: {p.message}
          </Typography>
        ))}
        <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
          Kedjan hänger ihop, men loggen har ändrats utanför Kansli efter att ankaret skrevs: poster har tagits bort eller skrivits om och kontrollsummorna
          räknats om.
        </Typography>
      </Alert>
    );
  }
  return (
    <Alert severity="error" data-testid="audit-verify">
      <AlertTitle>Kedjan bryts vid post {result.brokenAtId}</AlertTitle>
      {result.entry && (
        <Typography variant="body2">
          Post {result.brokenAtId}, {formatTimestamp(result.entry.at)}: {result.entry.entityLabel}{' '}
          {result.entry.recordName ?? (result.entry.entityId ? `nr ${result.entry.entityId}` : '')} · {ACTION_LABELS[result.entry.action]} av{' '}
          {result.entry.actor}
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {result.reason}
      </Typography>
      <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
        Databasen har ändrats utanför Kansli. Loggen omfattar {result.entries} poster; ändringar från och med post {result.brokenAtId} kan inte styrkas.
      </Typography>
    </Alert>
  );
}

function EntryRow({ entry, knownName }: { entry: AuditEntryView; knownName: string | null }) {
  const [open, setOpen] = useState(false);
  const name = entry.recordName ?? knownName;
  return (
    <Fragment>
      <TableRow hover data-testid="audit-row" sx={{ '& > td': { borderBottom: open ? 'none' : undefined } }}>
        <TableCell padding="checkbox">
          <IconButton size="small" aria-label={open ? 'Dölj ändringarna' : 'Visa ändringarna'} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? <KeyboardArrowDown fontSize="small" /> : <KeyboardArrowRight fontSize="small" />}
          </IconButton>
        </TableCell>
        <TableCell sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatTimestamp(entry.at)}</TableCell>
        <TableCell>{entry.actor}</TableCell>
        <TableCell>
          <Typography variant="body2" component="span" color="text.secondary">
            {entry.entityLabel}
          </Typography>
          {name ? (
            <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
              {' '}
              {name}
            </Typography>
          ) : (
            entry.entityId && (
              <Typography variant="body2" component="span" color="text.secondary">
                {' '}
                nr {entry.entityId}
              </Typography>
            )
          )}
        </TableCell>
        <TableCell>
          <Chip size="small" variant="outlined" color={ACTION_COLORS[entry.action]} label={ACTION_LABELS[entry.action]} />
        </TableCell>
        <TableCell align="right" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
          {entry.action === 'update' ? (entry.changes.length === 1 ? '1 uppgift' : `${entry.changes.length} uppgifter`) : ''}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={6} sx={{ py: 0, ...(open ? {} : { borderBottom: 'none' }) }}>
          <Collapse in={open} unmountOnExit>
            <Box sx={{ pl: 6, pr: 2, pb: 2 }}>
              <ChangesTable changes={entry.changes} />
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

/** The whole audit log, newest first: who changed what and when, with the check of its hash chain. */
export function AuditLog() {
  const [entity, setEntity] = useState<AuditEntity | ''>('');
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(
    async (beforeId?: number) => {
      setLoading(true);
      setError(null);
      try {
        const page = await call('audit.list', { ...(entity ? { entity } : {}), ...(beforeId ? { beforeId } : {}), limit: PAGE });
        setEntries((old) => (beforeId && old ? [...old, ...page] : page));
        setMore(page.length === PAGE);
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setLoading(false);
      }
    },
    [entity],
  );

  useEffect(() => {
    setEntries(null);
    void load();
  }, [load]);

  async function runVerify() {
    setVerifying(true);
    try {
      setVerify(await call('audit.verify', {}));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setVerifying(false);
    }
  }

  const last = entries?.[entries.length - 1];
  // An update logs only the fields that changed; name the record from another entry about it.
  const names = new Map<string, string>();
  for (const e of entries ?? []) {
    const n = e.recordName;
    const key = `${e.entity}:${e.entityId ?? ''}`;
    if (n && !names.has(key)) names.set(key, n);
  }

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField
            select
            size="small"
            label="Slags post"
            value={entity}
            onChange={(e) => setEntity(e.target.value as AuditEntity | '')}
            sx={{ minWidth: 220 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">Alla poster</MenuItem>
            {ENTITY_CHOICES.map((e) => (
              <MenuItem key={e} value={e}>
                {AUDIT_ENTITY_LABELS[e]}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="body2" color="text.secondary">
            Varje ändring, nyast först. Posterna är kedjade med kontrollsummor.
          </Typography>
        </Stack>
        <Button variant="outlined" startIcon={<VerifiedUserOutlined />} onClick={() => void runVerify()} disabled={verifying}>
          {verifying ? 'Kontrollerar …' : 'Kontrollera loggen'}
        </Button>
      </Stack>
      {verify && <VerifyResult result={verify} />}
      {error && <Alert severity="error">{error}</Alert>}
      <TableContainer component={Paper}>
        {loading && <LinearProgress aria-label="Hämtar granskningsloggen" />}
        <Table size="small" aria-label="Granskningslogg">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell sx={{ width: 150 }}>Tid</TableCell>
              <TableCell>Vem</TableCell>
              <TableCell>Post</TableCell>
              <TableCell sx={{ width: 120 }}>Händelse</TableCell>
              <TableCell align="right" sx={{ width: 90 }}>
                Ändringar
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries?.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  <Typography color="text.secondary" sx={{ py: 1.5 }}>
                    {entity ? `Inga ändringar av slaget ${AUDIT_ENTITY_LABELS[entity].toLowerCase()} är loggade.` : 'Loggen är tom.'}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {entries?.map((e) => (
              <EntryRow key={e.id} entry={e} knownName={names.get(`${e.entity}:${e.entityId ?? ''}`) ?? null} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {more && last && (
        <Stack direction="row" sx={{ justifyContent: 'center' }}>
          <Button onClick={() => void load(last.id)} disabled={loading}>
            {loading ? 'Hämtar …' : 'Visa fler'}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

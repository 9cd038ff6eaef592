import { useCallback, useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TablePagination from '@mui/material/TablePagination';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import LinkOutlined from '@mui/icons-material/LinkOutlined';
import {
  ARENDE_KINDS,
  ARENDE_KIND_LABELS,
  ARENDE_STATUSES,
  ARENDE_STATUS_LABELS,
  type Arende,
  type ArendeKind,
  type ArendePage,
  type ArendeStatus,
} from '../../../../shared/contract/schemas/diarium';
import { call, errorMessage } from '../../api';
import { AuditHistoryButton } from '../../components/AuditHistory';
import { ExportButton } from '../../components/ExportButton';
import { PrintButton } from '../../components/PrintButton';
import { ImportDialog } from '../../components/ImportDialog';
import { downloadBase64, fileToBase64 } from '../../files';
import { formatBytes } from '../../../../shared/format/sv';
import { useApp } from '../../store/app';
import { ArendeDialog } from './ArendeDialog';
import { ApplicationDialog } from '../insatser/ApplicationDialog';
import { LinkDialog } from './LinkDialog';
import { closeOnPurpose } from '../../components/closeOnPurpose';
import { openable } from '../../components/openable';
import { useRemoval } from '../../components/useRemoval';
import { SignDialog } from '../arendeblad/SignDialog';
import { TableBox } from '../../components/TableBox';

/** Ärenden & dokument: the diarium, and one ärende at #/arenden/<id>. */
/** Handläggare and the number of handlingar show on a wide screen (from 1536 px); the ärende itself always has them. */
const WIDE_ONLY = { display: { xs: 'none', xl: 'table-cell' } } as const;

export function DiaryScreen() {
  const route = useApp((s) => s.route);
  const id = route[0] !== undefined && /^\d+$/.test(route[0]) ? Number(route[0]) : null;
  return id === null ? <DiaryList /> : <ArendeView key={id} id={id} />;
}

const PAGE_SIZE = 100;

function DiaryList() {
  const go = useApp((s) => s.go);
  const [page, setPage] = useState<ArendePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showVoided, setShowVoided] = useState(true);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [version, setVersion] = useState(0);
  const [year, setYear] = useState<string>('alla');
  const [status, setStatus] = useState<string>('alla');
  const [kind, setKind] = useState<string>('alla');
  const [offset, setOffset] = useState(0);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let current = true;
    setLoading(true);
    call('arenden.page', {
      year: year === 'alla' ? undefined : Number(year),
      status: status === 'alla' ? undefined : (status as ArendeStatus),
      kind: kind === 'alla' ? undefined : (kind as ArendeKind),
      includeVoided: showVoided,
      offset,
      limit: PAGE_SIZE,
    })
      .then((p) => {
        if (!current) return;
        setPage(p);
        setError(null);
      })
      .catch((err: unknown) => current && setError(errorMessage(err)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [version, year, status, kind, showVoided, offset]);
  // A changed filter starts from the first page.
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setOffset(0);
    };
  const years = page?.years ?? [];
  const shown = page?.rows ?? [];

  return (
    <Stack spacing={2}>
      <Typography variant="h1">Ärenden & dokument</Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
        <TextField select size="small" label="År" value={year} onChange={(e) => filter(setYear)(e.target.value)} sx={{ minWidth: 90 }}>
          <MenuItem value="alla">Alla</MenuItem>
          {years.map((y) => (
            <MenuItem key={y} value={String(y)}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Status" value={status} onChange={(e) => filter(setStatus)(e.target.value)} sx={{ minWidth: 140 }}>
          <MenuItem value="alla">Alla</MenuItem>
          {ARENDE_STATUSES.map((st) => (
            <MenuItem key={st} value={st}>
              {ARENDE_STATUS_LABELS[st]}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Typ" value={kind} onChange={(e) => filter(setKind)(e.target.value)} sx={{ minWidth: 150 }}>
          <MenuItem value="alla">Alla</MenuItem>
          {ARENDE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {ARENDE_KIND_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={<Switch checked={showVoided} onChange={(e) => filter(setShowVoided)(e.target.checked)} />}
          label="Visa makulerade"
          sx={{ mr: 0 }}
        />
        {/* The actions keep together, at the right; on a narrow screen they move under the filters as a group. */}
        <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
          <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => setImporting(true)}>
            Importera från Excel
          </Button>
          <ExportButton register="diarium" />
          <PrintButton what="diariet" />
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
            Nytt ärende
          </Button>
        </Stack>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {loading && <LinearProgress aria-label="Hämtar diariet" />}
      {page && (
        <TableBox label="Diarium">
          <Table size="small" aria-label="Diarium">
            <TableHead>
              <TableRow>
                <TableCell>Diarienummer</TableCell>
                <TableCell sx={{ minWidth: 220 }}>Rubrik</TableCell>
                <TableCell>Typ</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Inkom</TableCell>
                <TableCell>Beslutat</TableCell>
                <TableCell sx={WIDE_ONLY}>Handläggare</TableCell>
                <TableCell align="right" sx={WIDE_ONLY}>
                  Handlingar
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((a) => (
                <TableRow
                  key={a.id}
                  hover
                  data-testid="arende-row"
                  aria-label={`${a.diarienummer} ${a.title}`}
                  {...openable(() => go('arenden', String(a.id)))}
                  sx={{ cursor: 'pointer', ...(a.voided ? { '& .MuiTableCell-root, & .MuiChip-root': { color: 'text.secondary' } } : {}) }}
                >
                  <TableCell sx={{ whiteSpace: 'nowrap', textDecoration: a.voided ? 'line-through' : 'none' }}>{a.diarienummer}</TableCell>
                  <TableCell>
                    <span style={{ textDecoration: a.voided ? 'line-through' : 'none' }}>{a.title}</span>
                    {a.voided && (
                      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                        Makulerat: {a.voided.reason}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{ARENDE_KIND_LABELS[a.kind]}</TableCell>
                  <TableCell>
                    <Chip size="small" variant="outlined" label={ARENDE_STATUS_LABELS[a.status]} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.receivedOn ?? '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.decidedOn ?? '—'}</TableCell>
                  <TableCell sx={WIDE_ONLY}>{a.handlaggare ?? '—'}</TableCell>
                  <TableCell align="right" sx={WIDE_ONLY}>
                    {a.documentCount}
                  </TableCell>
                </TableRow>
              ))}
              {shown.length === 0 && (
                <TableRow>
                  <TableCell colSpan={8} sx={{ color: 'text.secondary' }}>
                    {page.total === 0 && year === 'alla' && status === 'alla' && kind === 'alla' ? 'Diariet är tomt.' : 'Inga ärenden med det urvalet.'}
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={page.total}
            page={Math.floor(offset / PAGE_SIZE)}
            rowsPerPage={PAGE_SIZE}
            rowsPerPageOptions={[]}
            onPageChange={(_e, p) => setOffset(p * PAGE_SIZE)}
            showFirstButton
            showLastButton
          />
        </TableBox>
      )}
      <ImportDialog register="diarium" open={importing} onClose={() => setImporting(false)} onImported={() => setVersion((v) => v + 1)} />
      {creating && <ArendeDialog arende={null} onClose={() => setCreating(false)} onSaved={(a) => go('arenden', String(a.id))} />}
    </Stack>
  );
}

function ArendeView({ id }: { id: number }) {
  const { go, notify } = useApp();
  const [arende, setArende] = useState<Arende | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [linking, setLinking] = useState(false);
  const [signing, setSigning] = useState<number | null>(null);
  const [registering, setRegistering] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const reload = useCallback(() => {
    call('arenden.get', { id })
      .then(setArende)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [id]);
  useEffect(reload, [reload]);

  async function upload(files: FileList | null) {
    if (!files || files.length === 0) return;
    setUploading(true);
    try {
      for (const file of Array.from(files)) {
        await call('documents.add', { arendeId: id, fileName: file.name, mimeType: file.type || undefined, contentBase64: await fileToBase64(file) });
      }
      notify('success', files.length === 1 ? `${files[0]?.name ?? 'Filen'} är tillagd.` : `${files.length} filer är tillagda.`);
      reload();
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  // A koppling is removed after a question, and Ångra puts it back.
  const unlink = useRemoval<Arende['links'][number]>({
    remove: (l) => call('links.remove', { id: l.id }),
    restore: (l) => call('links.add', { arendeId: l.arendeId, targetKind: l.targetKind, targetId: l.targetId, note: l.note ?? '' }),
    refresh: async () => reload(),
    title: () => 'Ta bort kopplingen?',
    text: (l) => `Kopplingen till ${l.targetLabel} tas bort från ärendet. Ärendena och registren ändras inte.`,
    removed: (l) => `Kopplingen till ${l.targetLabel} är borttagen.`,
    restored: (l) => `Kopplingen till ${l.targetLabel} är tillbaka.`,
  });

  async function download(docId: number) {
    try {
      const doc = await call('documents.get', { id: docId });
      downloadBase64(doc.meta.fileName, doc.meta.mimeType, doc.contentBase64);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!arende) return <LinearProgress aria-label="Hämtar ärendet" />;
  return (
    <Stack spacing={2}>
      <Link component="button" onClick={() => go('arenden')} sx={{ alignSelf: 'flex-start', display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <ArrowBackOutlined fontSize="small" /> Diariet
      </Link>
      <Typography variant="h1">
        {arende.diarienummer} {arende.title}
      </Typography>
      {arende.voided && (
        <Alert severity="warning">
          Makulerat {arende.voided.at.slice(0, 10)} av {arende.voided.by}: {arende.voided.reason}. Diarienumret används aldrig igen.
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={() => setEditing(true)} disabled={arende.voided !== null}>
          Ändra
        </Button>
        <AuditHistoryButton entity="arende" entityId={arende.id} title={`${arende.diarienummer} ${arende.title}`} />
        <Button color="warning" onClick={() => setVoiding(true)} disabled={arende.voided !== null}>
          Makulera
        </Button>
        {arende.kind === 'inkommande' && arende.voided === null && (arende.status === 'oppet' || arende.status === 'under_beredning') && (
          // An ansökan diarieförd when it came in becomes an ansökan in this ärende, not in a new one.
          <Button variant="outlined" onClick={() => setRegistering(true)}>
            Registrera som ansökan …
          </Button>
        )}
      </Stack>
      <ArendeDetails arende={arende} />
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h2" sx={{ fontSize: 20, flexGrow: 1 }}>
          Handlingar
        </Typography>
        <input ref={fileInput} type="file" multiple hidden aria-label="Välj filer" onChange={(e) => void upload(e.target.files)} />
        <Button startIcon={<UploadFileOutlined />} variant="outlined" disabled={uploading || arende.voided !== null} onClick={() => fileInput.current?.click()}>
          {uploading ? 'Lägger till …' : 'Lägg till handling'}
        </Button>
      </Stack>
      {uploading && <LinearProgress aria-label="Laddar upp" />}
      {arende.documents.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>Inga handlingar ännu.</Typography>
      ) : (
        <>
          <DocumentsTable documents={arende.documents} onDownload={(docId) => void download(docId)} onSign={setSigning} />
          {signing !== null && (
            <SignDialog
              title="Signera handlingen"
              defaultRole="Ledamot"
              onClose={() => setSigning(null)}
              onSign={async (credentials) => {
                await call('documents.sign', { documentId: signing, credentials });
                notify('success', 'Signaturen är tillagd; den signerade versionen ersätter den förra i diariet.');
                reload();
              }}
            />
          )}
        </>
      )}
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h2" sx={{ fontSize: 20, flexGrow: 1 }}>
          Kopplingar
        </Typography>
        <Button variant="outlined" startIcon={<LinkOutlined />} disabled={arende.voided !== null} onClick={() => setLinking(true)}>
          Koppla
        </Button>
      </Stack>
      {arende.links.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>Inga kopplingar.</Typography>
      ) : (
        <Stack spacing={0.5}>
          {arende.links.map((l) => (
            <Stack key={l.id} direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="link-row">
              <Typography>
                {l.incoming ? '← ' : '→ '}
                {l.targetLabel}
              </Typography>
              {l.targetKind === 'arende' && (
                <Button size="small" onClick={() => go('arenden', String(l.targetId))}>
                  Öppna
                </Button>
              )}
              <Button size="small" color="error" disabled={arende.voided !== null} onClick={() => unlink.ask(l)}>
                Ta bort
              </Button>
            </Stack>
          ))}
        </Stack>
      )}
      {unlink.dialog}
      {linking && (
        <LinkDialog
          arendeId={arende.id}
          onClose={() => setLinking(false)}
          onLinked={() => {
            setLinking(false);
            reload();
          }}
        />
      )}
      {editing && (
        <ArendeDialog
          arende={arende}
          onClose={() => setEditing(false)}
          onSaved={(a) => {
            setEditing(false);
            setArende(a);
          }}
        />
      )}
      {registering && <ApplicationDialog arende={arende} onClose={() => setRegistering(false)} onSaved={(a) => go('insatser', 'ansokan', String(a.id))} />}
      {voiding && (
        <VoidDialog
          arende={arende}
          onClose={() => setVoiding(false)}
          onVoided={(a) => {
            setVoiding(false);
            setArende(a);
          }}
        />
      )}
    </Stack>
  );
}

/** The ärende's register fields: typ, status, dates, handläggare and beskrivning. */
function ArendeDetails({ arende }: { arende: Arende }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Table size="small" aria-label="Uppgifter">
        <TableBody>
          {[
            ['Typ', ARENDE_KIND_LABELS[arende.kind]],
            ['Status', ARENDE_STATUS_LABELS[arende.status]],
            ['Inkom', arende.receivedOn ?? '—'],
            ['Beslutsdatum', arende.decidedOn ?? '—'],
            ['Handläggare', arende.handlaggare ?? '—'],
            ['Beskrivning', arende.description ?? '—'],
          ].map(([k, v]) => (
            <TableRow key={k}>
              <TableCell component="th" sx={{ width: 160, color: 'text.secondary' }}>
                {k}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{v}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

/** The ärende's handlingar: title, file, size, checksum and where it is stored, each to download. */
function DocumentsTable({ documents, onDownload, onSign }: { documents: Arende['documents']; onDownload: (id: number) => void; onSign: (id: number) => void }) {
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Handlingar">
        <TableHead>
          <TableRow>
            <TableCell>Titel</TableCell>
            <TableCell>Fil</TableCell>
            <TableCell align="right">Storlek</TableCell>
            <TableCell>SHA-256</TableCell>
            <TableCell>Lagring</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {documents.map((d) => (
            <TableRow key={d.id} data-testid="document-row">
              <TableCell>{d.title}</TableCell>
              <TableCell>{d.fileName}</TableCell>
              <TableCell align="right">{formatBytes(d.size)}</TableCell>
              <TableCell title={d.sha256} sx={{ fontFamily: 'monospace' }}>
                {d.sha256.slice(0, 12)}…
              </TableCell>
              <TableCell>{d.storage === 'db' ? 'i databasen' : 'bredvid databasen'}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => onDownload(d.id)}>
                  Hämta
                </Button>
                {d.mimeType === 'application/pdf' && d.supersededBy === null && (
                  <Button size="small" onClick={() => onSign(d.id)}>
                    {d.signed ? 'Signera också …' : 'Signera …'}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

function VoidDialog(props: { arende: Arende; onClose: () => void; onVoided: (a: Arende) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function run() {
    try {
      props.onVoided(await call('arenden.void', { id: props.arende.id, reason }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <Dialog open onClose={closeOnPurpose(props.onClose)} aria-labelledby="void-title">
      <DialogTitle id="void-title">Makulera {props.arende.diarienummer}?</DialogTitle>
      <DialogContent>
        <DialogContentText>Ärendet ligger kvar i diariet med sitt nummer och skälet. Numret används aldrig igen.</DialogContentText>
        {error && <Alert severity="error">{error}</Alert>}
        <TextField label="Skäl" value={reason} onChange={(e) => setReason(e.target.value)} fullWidth required sx={{ mt: 2 }} autoFocus />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Avbryt</Button>
        <Button color="warning" variant="contained" onClick={() => void run()} disabled={reason.trim() === ''}>
          Makulera
        </Button>
      </DialogActions>
    </Dialog>
  );
}

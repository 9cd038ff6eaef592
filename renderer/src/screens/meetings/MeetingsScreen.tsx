import { useCallback, useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import DragIndicatorOutlined from '@mui/icons-material/DragIndicatorOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import type { Meeting } from '../../../../shared/contract/schemas/delegation';
import {
  BODY_LABELS,
  ITEM_KIND_LABELS,
  MEETING_BODIES,
  type AgendaCandidate,
  type AgendaItem,
  type MeetingBody,
  type MeetingView,
  type PacketJob,
} from '../../../../shared/contract/schemas/meetings';
import { call, errorMessage } from '../../api';
import { downloadBase64 } from '../../files';
import { useApp } from '../../store/app';
import { RowTools, move } from '../arendeblad/BlockEditors';
import { DateField, SelectField } from '../../components/fields';
import { todayIso } from '../../components/text';
import { ProtokollPanel } from './ProtokollPanel';
import { closeOnPurpose } from '../../components/closeOnPurpose';
import { PrintButton } from '../../components/PrintButton';

/** Sammanträden: the list, and one meeting with its dagordning and utskick at #/sammantraden/<id>. */
/** What the dagordning offers: dragging while it can change, the reason when it cannot. */
function AgendaHint({ locked }: { locked: string | null }) {
  return locked ? (
    <Alert severity="info" sx={{ mx: 2, mt: 1 }}>
      {locked}
    </Alert>
  ) : (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
      Dra punkterna i ordning, eller använd pilarna.
    </Typography>
  );
}

export function MeetingsScreen() {
  const { route, go } = useApp();
  const id = route[0] !== undefined && /^\d+$/.test(route[0]) ? Number(route[0]) : null;
  if (id !== null) return <MeetingView key={id} id={id} onBack={() => go('sammantraden')} />;
  return <MeetingList />;
}

function MeetingList() {
  const go = useApp((s) => s.go);
  const [rows, setRows] = useState<Meeting[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    call('meetings.list', {})
      .then(setRows)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  return (
    <Box>
      <Stack direction="row" sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Sammanträden
        </Typography>
        <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
          Nytt sammanträde
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {rows && rows.length === 0 && (
        <Alert severity="info">Inga sammanträden ännu. Ett nytt får dagordningens standardpunkter; lägg sedan till ärendebladen.</Alert>
      )}
      {rows && rows.length > 0 && (
        <Paper variant="outlined">
          <List aria-label="Sammanträden">
            {rows.map((m) => (
              <ListItem key={m.id} disablePadding>
                <ListItemButton onClick={() => go('sammantraden', String(m.id))}>
                  <ListItemText primary={`${BODY_LABELS[m.body]} ${m.heldOn}`} secondary={m.title ?? undefined} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
      {creating && <MeetingDialog onClose={() => setCreating(false)} onSaved={(m) => go('sammantraden', String(m.id))} />}
    </Box>
  );
}

function MeetingDialog({ meeting, onClose, onSaved }: { meeting?: MeetingView; onClose(): void; onSaved(m: MeetingView): void }) {
  const [body, setBody] = useState<MeetingBody>(meeting?.body ?? 'styrelse');
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? todayIso());
  const [startsAt, setStartsAt] = useState(meeting?.startsAt ?? '13.00');
  const [endsAt, setEndsAt] = useState(meeting?.endsAt ?? '16.00');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  async function save() {
    try {
      onSaved(await call('meetings.save', { ...(meeting ? { id: meeting.id } : {}), body, heldOn, startsAt, endsAt, place, notes }));
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <Dialog open onClose={closeOnPurpose(onClose)} maxWidth="sm" fullWidth aria-labelledby="meeting-title">
      <DialogTitle id="meeting-title">{meeting ? 'Ändra sammanträde' : 'Nytt sammanträde'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <SelectField
            label="Organ"
            value={body}
            onChange={(e) => setBody(e.target.value as MeetingBody)}
            options={MEETING_BODIES.map((b) => ({ value: b, label: BODY_LABELS[b] }))}
          />
          <Stack direction="row" spacing={2}>
            <DateField label="Datum" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
            <TextField label="Från kl." value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
            <TextField label="Till kl." value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
          </Stack>
          <TextField label="Plats" value={place} onChange={(e) => setPlace(e.target.value)} />
          <TextField label="Övrigt i kallelsen" multiline minRows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Avbryt</Button>
        <Button variant="contained" onClick={() => void save()}>
          Spara
        </Button>
      </DialogActions>
    </Dialog>
  );
}

type Draft = { id?: number; kind: AgendaItem['kind']; title: string; arendeId: number | null; diarienummer: string | null };

function draftsOf(m: MeetingView): Draft[] {
  return m.items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, arendeId: i.arendeId, diarienummer: i.diarienummer }));
}

/** Where new points go: before "Övriga frågor" and "Mötets avslutande". */
function insertBeforeClosing(items: Draft[], item: Draft): Draft[] {
  const next = items.slice();
  next.splice(Math.max(0, items.length - 2), 0, item);
  return next;
}

function MeetingView({ id, onBack }: { id: number; onBack(): void }) {
  const notify = useApp((s) => s.notify);
  const go = useApp((s) => s.go);
  const [meeting, setMeeting] = useState<MeetingView | null>(null);
  const [candidates, setCandidates] = useState<AgendaCandidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [newTitle, setNewTitle] = useState('');
  const [job, setJob] = useState<PacketJob | null>(null);
  const dragFrom = useRef<number | null>(null);
  // The dagordning as last saved, and the changes waiting to be saved after it (see changeAgenda).
  const latest = useRef<Draft[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const load = useCallback(async () => {
    const [m, c] = await Promise.all([call('meetings.get', { id }), call('meetings.candidates', { id })]);
    latest.current = draftsOf(m);
    setMeeting(m);
    setCandidates(c);
  }, [id]);
  useEffect(() => {
    load().catch((err: unknown) => setError(errorMessage(err)));
  }, [load]);
  // The protokoll's lock changed the dagordning's: read the meeting again (one stable callback for the panel's effect).
  const lockedRef = useRef(false);
  lockedRef.current = meeting !== null && meeting.agendaLocked !== null;
  const onLockChange = useCallback((nowLocked: boolean) => nowLocked !== lockedRef.current && void load(), [load]);

  async function saveAgenda(items: Draft[]) {
    try {
      const saved = await call('meetings.saveAgenda', {
        meetingId: id,
        items: items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, arendeId: i.arendeId })),
      });
      latest.current = draftsOf(saved);
      setMeeting(saved);
      setCandidates(await call('meetings.candidates', { id }));
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  /**
   * Changes to the dagordning are saved one after the other, each made on the list as the
   * one before left it: two quick clicks both count, and neither overwrites the other.
   */
  function changeAgenda(change: (items: Draft[]) => Draft[]): Promise<void> {
    const run = queue.current.then(() => saveAgenda(change(latest.current)));
    queue.current = run;
    return run;
  }

  async function buildPacket() {
    try {
      let current = await call('meetings.packetStart', { meetingId: id });
      setJob(current);
      while (current.state === 'running') {
        await new Promise((r) => setTimeout(r, 250));
        current = await call('meetings.packetStatus', { jobId: current.jobId });
        setJob(current);
      }
      if (current.state === 'done' && current.file) {
        downloadBase64(current.file.fileName, current.file.mimeType, current.file.contentBase64);
        notify('success', `${current.file.fileName} är skapad (${current.file.pages ?? 0} sidor).`);
      } else notify('error', current.error ?? 'Utskicket kunde inte skapas.');
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setJob(null);
    }
  }

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!meeting) return <Typography>Läser in sammanträdet …</Typography>;
  // Once the protokoll is sent for justering the dagordning is shown, not offered for editing.
  const locked = meeting.agendaLocked !== null;
  const items = draftsOf(meeting);

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button startIcon={<ArrowBackOutlined />} onClick={onBack}>
          Sammanträden
        </Button>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {meeting.bodyLabel} {meeting.heldOn}
        </Typography>
        <Button variant="outlined" onClick={() => setEditing(true)}>
          Tid och plats …
        </Button>
        <Button variant="contained" startIcon={<PictureAsPdfOutlined />} onClick={() => void buildPacket()} disabled={job !== null}>
          Skapa utskick (PDF)
        </Button>
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {meeting.startsAt ? `Kl. ${meeting.startsAt}${meeting.endsAt ? `–${meeting.endsAt}` : ''}` : 'Tid ej satt'} · {meeting.place ?? 'Plats ej satt'}
      </Typography>
      {job && (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="status" aria-live="polite">
          <Typography variant="body2" sx={{ mb: 1 }}>
            Skapar utskicket: {job.step}
          </Typography>
          <LinearProgress
            variant={job.total > 0 ? 'determinate' : 'indeterminate'}
            value={job.total > 0 ? (100 * job.done) / job.total : 0}
            aria-label="Utskickets förlopp"
          />
        </Paper>
      )}
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
        <Paper variant="outlined" sx={{ flexGrow: 1, width: '100%' }}>
          <Stack direction="row" sx={{ px: 2, pt: 2, alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography variant="h6" component="h2">
              Dagordning
            </Typography>
            <PrintButton what="dagordningen" />
          </Stack>
          <AgendaHint locked={meeting.agendaLocked} />
          <List aria-label="Dagordning">
            {items.map((item, i) => {
              const view = meeting.items[i];
              return (
                <ListItem
                  key={item.id ?? `ny-${i}`}
                  draggable={!locked}
                  onDragStart={() => {
                    dragFrom.current = i;
                  }}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={() => {
                    const from = dragFrom.current;
                    dragFrom.current = null;
                    if (from !== null && from !== i) void changeAgenda((current) => move(current, from, i - from));
                  }}
                  divider
                  secondaryAction={
                    !locked && (
                      <RowTools
                        index={i}
                        count={items.length}
                        what={`punkt ${i + 1}`}
                        onMove={(d) => void changeAgenda((current) => move(current, i, d))}
                        onRemove={() => {
                          void changeAgenda((current) => current.filter((x) => x.id !== item.id)).then(() =>
                            notify('info', `”${item.title}” togs bort från dagordningen.`, {
                              label: 'Ångra',
                              // The removed point comes back as a new one in its old place.
                              run: () =>
                                changeAgenda((current) => {
                                  const next = current.slice();
                                  next.splice(i, 0, { ...item, id: undefined });
                                  return next;
                                }),
                            }),
                          );
                        }}
                      />
                    )
                  }
                >
                  {!locked && <DragIndicatorOutlined fontSize="small" sx={{ mr: 1, color: 'text.disabled', cursor: 'grab' }} aria-hidden />}
                  <ListItemText
                    primary={`${i + 1}. ${item.title}`}
                    secondary={[ITEM_KIND_LABELS[item.kind], item.diarienummer ? `Dnr ${item.diarienummer}` : null].filter(Boolean).join(' · ')}
                  />
                  {view?.arendebladId && (
                    <Chip
                      size="small"
                      sx={{ mr: 14 }}
                      color={view.ready ? 'primary' : 'warning'}
                      variant="outlined"
                      label={view.ready ? `Ärendeblad${view.bilagor ? `, ${view.bilagor} bilagor` : ''}` : 'Ärendebladet är inte klart'}
                      onClick={() => go('arendeblad', String(view.arendebladId))}
                    />
                  )}
                </ListItem>
              );
            })}
          </List>
          {!locked && (
            <Stack direction="row" spacing={1} sx={{ p: 2 }}>
              <TextField size="small" label="Ny punkt" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} sx={{ flexGrow: 1 }} />
              <Button
                startIcon={<AddOutlined />}
                disabled={newTitle.trim() === ''}
                onClick={() => {
                  const title = newTitle.trim();
                  setNewTitle('');
                  void changeAgenda((current) => insertBeforeClosing(current, { kind: 'information', title, arendeId: null, diarienummer: null }));
                }}
              >
                Lägg till
              </Button>
            </Stack>
          )}
        </Paper>
        {!locked && (
          <CandidatesPanel
            meeting={meeting}
            candidates={candidates}
            onAdd={(c) =>
              void changeAgenda((current) =>
                insertBeforeClosing(current, { kind: c.kind, title: c.rubrik, arendeId: c.arendeId, diarienummer: c.diarienummer }),
              )
            }
          />
        )}
      </Stack>
      <ProtokollPanel meetingId={meeting.id} onLockChange={onLockChange} />
      {editing && <MeetingDialog meeting={meeting} onClose={() => setEditing(false)} onSaved={setMeeting} />}
    </Box>
  );
}

/** The ärendeblad to this body that are on no dagordning yet, each added before Övriga frågor. */
function CandidatesPanel({ meeting, candidates, onAdd }: { meeting: MeetingView; candidates: AgendaCandidate[]; onAdd: (c: AgendaCandidate) => void }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, width: { xs: '100%', lg: 380 }, flexShrink: 0 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Ärendeblad att ta upp
      </Typography>
      {candidates.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Alla ärendeblad till {meeting.bodyLabel.toLowerCase()} står redan på en dagordning.
        </Typography>
      ) : (
        <List dense aria-label="Ärendeblad att ta upp">
          {candidates.map((c) => (
            <ListItem
              key={c.arendeId}
              disableGutters
              secondaryAction={
                <Button size="small" aria-label={`Lägg till ${c.rubrik}`} onClick={() => onAdd(c)}>
                  Lägg till
                </Button>
              }
            >
              <ListItemText primary={c.rubrik} secondary={`Dnr ${c.diarienummer}`} sx={{ pr: 8 }} />
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}

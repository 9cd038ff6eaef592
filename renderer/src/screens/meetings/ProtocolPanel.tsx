import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import { ATTENDANCE_LABELS, ATTENDANCE_ROLES, type AttendanceRole, type AttendanceRow, type ProtocolView } from '../../../../shared/contract/schemas/protokoll';
import { call, errorMessage } from '../../api';
import { downloadBase64 } from '../../files';
import { useApp, useUnsavedChanges } from '../../store/app';
import { DateField } from '../../components/fields';
import { SignDialog } from '../arendeblad/SignDialog';
import { ExportSignedButton } from '../../components/ExportSignedButton';

const EVENT_LABELS: Record<ProtocolView['events'][number]['kind'], string> = {
  skickat: 'Skickat för justering',
  andringsforslag: 'Ändringsförslag',
  godkant: 'Godkänt',
  avvisat: 'Skickat tillbaka',
  signerat: 'Signerat',
  anslaget: 'Anslaget',
};

/** The protokoll of a meeting: writing it, the justering step by step, and what it gives (PDF, anslagsbevis, utdrag). */
export function ProtocolPanel({ meetingId }: { meetingId: number }) {
  const notify = useApp((s) => s.notify);
  const [p, setP] = useState<ProtocolView | null | undefined>(undefined);
  const [draft, setDraft] = useState<ProtocolView | null>(null);
  const [person, setPerson] = useState('');
  const [comment, setComment] = useState('');
  const [signing, setSigning] = useState(false);

  const show = (view: ProtocolView | null) => {
    setP(view);
    setDraft(view);
  };
  useEffect(() => {
    call('protokoll.get', { meetingId })
      .then((r) => show(r.protocol))
      .catch((err: unknown) => notify('error', errorMessage(err)));
  }, [meetingId, notify]);

  // Närvaro, beslut, anteckningar …: asked about before they are left unsaved.
  const dirty = p != null && draft !== null && p.status === 'utkast' && JSON.stringify(draft) !== JSON.stringify(p);
  useUnsavedChanges(`protokoll-${meetingId}`, 'protokollet', dirty);

  /** True when the step went through; a refused one keeps what was typed. */
  async function run(fn: () => Promise<ProtocolView>, done?: string): Promise<boolean> {
    try {
      show(await fn());
      if (done) notify('success', done);
      return true;
    } catch (err) {
      notify('error', errorMessage(err));
      return false;
    }
  }

  async function open(documentId: number | null) {
    if (documentId === null) return;
    try {
      const doc = await call('documents.get', { id: documentId });
      downloadBase64(doc.meta.fileName, doc.meta.mimeType, doc.contentBase64);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  if (p === undefined) return null;
  if (p === null) {
    return (
      <Paper variant="outlined" sx={{ p: 2, mt: 3 }}>
        <Typography variant="h6" component="h2">
          Protokoll
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Närvaron hämtas ur styrelseregistret och besluten fylls i från förslagen; paragraferna numreras i årets följd.
        </Typography>
        <Button variant="contained" onClick={() => void run(() => call('protokoll.start', { meetingId }))}>
          Skriv protokoll
        </Button>
      </Paper>
    );
  }
  const d = draft ?? p;
  const editable = p.status === 'utkast';
  const deciding = d.attendance.filter((a) => a.role === 'ledamot' || a.role === 'tjanstgorande_ersattare').map((a) => a.name);
  const setAttendance = (i: number, row: Partial<AttendanceRow>) =>
    setDraft({ ...d, attendance: d.attendance.map((a, j) => (j === i ? { ...a, ...row } : a)) });
  const next = p.signingOrder.find((s) => !s.signed);
  const saveInput = () => ({
    meetingId,
    sekreterare: d.sekreterare ?? '',
    ordforande: d.ordforande ?? '',
    justerare: d.justerare,
    justeringPlats: d.justeringPlats ?? '',
    justeringDag: d.justeringDag ?? '',
    forvaring: d.forvaring ?? '',
    attendance: d.attendance.map((a) => ({
      ...a,
      organisation: a.organisation ?? '',
      replaces: a.role === 'tjanstgorande_ersattare' ? (a.replaces ?? '') : undefined,
    })),
    items: d.items.map((i) => ({ id: i.id, decision: i.decision, reservationer: i.reservationer ?? '', anteckningar: i.anteckningar ?? '', jav: i.jav ?? '' })),
  });

  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 3 }} component="section" aria-label="Protokoll">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          Protokoll {p.paragraphs}
        </Typography>
        <Chip label={p.statusLabel} color={p.status === 'utkast' ? 'default' : p.status === 'for_justering' ? 'warning' : 'success'} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Justeras senast {p.dates.justeraSenast}
        {p.dates.anslaSenast && ` · anslås senast ${p.dates.anslaSenast}`}
        {p.dates.overklagaSenast && ` · överklagandetiden går ut ${p.dates.overklagaSenast} · anslaget tas ned ${p.dates.anslagTasNed}`}
      </Typography>
      {p.dates.notes.map((n) => (
        <Alert key={n} severity="warning" sx={{ mt: 1 }}>
          {n}
        </Alert>
      ))}

      {editable && (
        <Stack spacing={2} sx={{ mt: 2 }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField label="Sekreterare" value={d.sekreterare ?? ''} onChange={(e) => setDraft({ ...d, sekreterare: e.target.value })} />
            <TextField
              select
              label="Ordförande"
              value={d.ordforande ?? ''}
              onChange={(e) => setDraft({ ...d, ordforande: e.target.value })}
              sx={{ minWidth: 200 }}
            >
              {[...new Set([...deciding, d.ordforande ?? ''])].filter(Boolean).map((n) => (
                <MenuItem key={n} value={n}>
                  {n}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Justerare"
              slotProps={{ select: { multiple: true } }}
              value={d.justerare}
              onChange={(e) => setDraft({ ...d, justerare: typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[]) })}
              sx={{ minWidth: 220 }}
            >
              {deciding
                .filter((n) => n !== d.ordforande)
                .map((n) => (
                  <MenuItem key={n} value={n}>
                    {n}
                  </MenuItem>
                ))}
            </TextField>
          </Stack>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField
              label="Justeringens plats"
              value={d.justeringPlats ?? ''}
              onChange={(e) => setDraft({ ...d, justeringPlats: e.target.value })}
              sx={{ flexGrow: 1 }}
            />
            <DateField label="Justeringsdag" value={d.justeringDag ?? ''} onChange={(e) => setDraft({ ...d, justeringDag: e.target.value })} />
            <TextField label="Förvaringsplats" value={d.forvaring ?? ''} onChange={(e) => setDraft({ ...d, forvaring: e.target.value })} sx={{ flexGrow: 1 }} />
          </Stack>

          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            Närvaro
          </Typography>
          {d.attendance.map((a, i) => (
            <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
              <TextField size="small" label="Namn" value={a.name} onChange={(e) => setAttendance(i, { name: e.target.value })} />
              <TextField size="small" label="Organisation" value={a.organisation ?? ''} onChange={(e) => setAttendance(i, { organisation: e.target.value })} />
              <TextField
                select
                size="small"
                label="Deltog som"
                value={a.role}
                onChange={(e) => setAttendance(i, { role: e.target.value as AttendanceRole, replaces: null })}
                sx={{ minWidth: 220 }}
              >
                {ATTENDANCE_ROLES.map((r) => (
                  <MenuItem key={r} value={r}>
                    {ATTENDANCE_LABELS[r]}
                  </MenuItem>
                ))}
              </TextField>
              {a.role === 'tjanstgorande_ersattare' && (
                <TextField size="small" label="Ersätter" value={a.replaces ?? ''} onChange={(e) => setAttendance(i, { replaces: e.target.value })} />
              )}
              <FormControlLabel
                control={<Checkbox size="small" checked={a.distance} onChange={(e) => setAttendance(i, { distance: e.target.checked })} />}
                label="På distans"
              />
              <Button size="small" onClick={() => setDraft({ ...d, attendance: d.attendance.filter((_, j) => j !== i) })}>
                Ta bort
              </Button>
            </Stack>
          ))}
          <Box>
            <Button
              size="small"
              onClick={() =>
                setDraft({
                  ...d,
                  attendance: [...d.attendance, { personId: null, name: '', organisation: null, role: 'ovrig', replaces: null, distance: false }],
                })
              }
            >
              Lägg till person
            </Button>
          </Box>

          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            Paragrafer
          </Typography>
          {d.items.map((item, k) => {
            const setItem = (patch: Partial<(typeof d.items)[number]>) => setDraft({ ...d, items: d.items.map((x, j) => (j === k ? { ...x, ...patch } : x)) });
            return (
              <Box key={item.id} sx={{ pl: 1, borderLeft: 3, borderColor: 'divider' }}>
                <Typography sx={{ fontWeight: 600 }}>
                  § {item.paragraph} {item.title}{' '}
                  {item.diarienummer && (
                    <Typography component="span" variant="body2" color="text.secondary">
                      Dnr {item.diarienummer}
                    </Typography>
                  )}
                </Typography>
                <TextField
                  fullWidth
                  multiline
                  size="small"
                  label={item.kind === 'beslut' || item.kind === 'delegation' ? 'Beslut (en att-sats per rad)' : 'Anteckning i protokollet'}
                  value={item.decision.join('\n')}
                  onChange={(e) => setItem({ decision: e.target.value.split('\n') })}
                  sx={{ mt: 1 }}
                />
                {(item.kind === 'beslut' || item.kind === 'delegation') && (
                  <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ mt: 1 }}>
                    <TextField
                      size="small"
                      label="Reservationer"
                      value={item.reservationer ?? ''}
                      onChange={(e) => setItem({ reservationer: e.target.value })}
                      sx={{ flexGrow: 1 }}
                    />
                    <TextField
                      size="small"
                      label="Protokollsanteckning"
                      value={item.anteckningar ?? ''}
                      onChange={(e) => setItem({ anteckningar: e.target.value })}
                      sx={{ flexGrow: 1 }}
                    />
                    <TextField size="small" label="Jäv (namn)" value={item.jav ?? ''} onChange={(e) => setItem({ jav: e.target.value })} />
                  </Stack>
                )}
              </Box>
            );
          })}
          {p.problems.length > 0 && (
            <Alert severity="info">
              Innan protokollet kan skickas för justering{dirty ? ' (enligt det senast sparade)' : ''}: {p.problems.join(' ')}
            </Alert>
          )}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Button variant="outlined" onClick={() => void run(() => call('protokoll.save', saveInput()), 'Protokollet är sparat.')}>
              Spara protokollet
            </Button>
            {dirty && (
              <Typography role="status" variant="body2" color="warning.main" sx={{ order: 3 }}>
                Ändrat – inte sparat
              </Typography>
            )}
            <Button
              variant="contained"
              onClick={() =>
                void run(async () => {
                  await call('protokoll.save', saveInput());
                  return call('protokoll.send', { meetingId });
                }, 'Protokollet är låst och skickat för justering.')
              }
            >
              Skicka för justering
            </Button>
          </Stack>
        </Stack>
      )}

      {!editable && (
        <Stack spacing={2} sx={{ mt: 2 }}>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            <Button variant="outlined" onClick={() => void open(p.documentId)}>
              Öppna protokollet
            </Button>
            {p.anslagDocumentId !== null && (
              <Button variant="outlined" onClick={() => void open(p.anslagDocumentId)}>
                Öppna anslagsbeviset
              </Button>
            )}
          </Stack>
          {p.signingOrder.some((x) => x.signed) && p.documentId !== null && (
            <ExportSignedButton documentIds={[p.documentId]} label="Exportera det signerade protokollet till mapp …" />
          )}
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            Underskrifter i tur och ordning
          </Typography>
          <List dense aria-label="Underskrifter">
            {p.signingOrder.map((s) => (
              <ListItem key={s.role} disableGutters>
                {s.signed && <CheckCircleOutlined color="success" fontSize="small" sx={{ mr: 1 }} />}
                <ListItemText primary={`${s.role}: ${s.name}`} secondary={s.signed ? 'Signerat' : s === next ? 'Nästa att signera' : 'Väntar'} />
              </ListItem>
            ))}
          </List>
          {p.status === 'for_justering' && next && (
            <>
              <Box>
                <Button variant="contained" onClick={() => setSigning(true)}>
                  Signera som {next.role.toLowerCase()} ({next.name}) …
                </Button>
              </Box>
              <Divider />
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                Justering
              </Typography>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
                <TextField select size="small" label="Vem" value={person} onChange={(e) => setPerson(e.target.value)} sx={{ minWidth: 200 }}>
                  {[p.ordforande, ...p.justerare]
                    .filter((n): n is string => !!n)
                    .filter((n, i, all) => all.indexOf(n) === i)
                    .map((n) => (
                      <MenuItem key={n} value={n}>
                        {n}
                      </MenuItem>
                    ))}
                </TextField>
                <TextField size="small" label="Kommentar" value={comment} onChange={(e) => setComment(e.target.value)} sx={{ flexGrow: 1 }} />
              </Stack>
              <Stack direction="row" spacing={1}>
                {(['godkant', 'andringsforslag', 'avvisat'] as const).map((kind) => (
                  <Button
                    key={kind}
                    variant={kind === 'godkant' ? 'contained' : 'outlined'}
                    color={kind === 'avvisat' ? 'warning' : 'primary'}
                    disabled={person === ''}
                    onClick={() =>
                      void run(() => call('protokoll.step', { meetingId, kind, person, text: comment }), `${EVENT_LABELS[kind]}.`).then(
                        (ok) => ok && setComment(''),
                      )
                    }
                  >
                    {kind === 'godkant' ? 'Godkänn' : kind === 'andringsforslag' ? 'Föreslå ändring' : 'Skicka tillbaka'}
                  </Button>
                ))}
              </Stack>
            </>
          )}
          {(p.status === 'justerat' || p.status === 'anslaget') && (
            <>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                Protokollsutdrag
              </Typography>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                {p.items
                  .filter((i) => i.kind === 'beslut' || i.kind === 'delegation')
                  .map((i) => (
                    <Button
                      key={i.id}
                      size="small"
                      variant="outlined"
                      onClick={async () => {
                        try {
                          const meta = await call('protokoll.utdrag', { meetingId, itemId: i.id });
                          await open(meta.id);
                        } catch (err) {
                          notify('error', errorMessage(err));
                        }
                      }}
                    >
                      Utdrag § {i.paragraph}
                    </Button>
                  ))}
              </Stack>
            </>
          )}
          {p.events.length > 0 && (
            <List dense aria-label="Justeringens historik">
              {p.events.map((e, i) => (
                <ListItem key={i} disableGutters>
                  <ListItemText
                    primary={`${e.at.slice(0, 16).replace('T', ' ')} · ${EVENT_LABELS[e.kind]}${e.person ? ` · ${e.person}` : ''}`}
                    secondary={e.text ?? undefined}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </Stack>
      )}
      {signing && next && (
        <SignDialog
          title={`Signera protokollet som ${next.role.toLowerCase()}`}
          defaultRole={next.role}
          onClose={() => setSigning(false)}
          onSign={async (credentials) => {
            show(await call('protokoll.sign', { meetingId, credentials }));
            notify('success', 'Signaturen är tillagd.');
          }}
        />
      )}
    </Paper>
  );
}

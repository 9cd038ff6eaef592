import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import DrawOutlined from '@mui/icons-material/DrawOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import type { Arendeblad, ArendebladContent, Section } from '../../../../shared/contract/schemas/arendeblad';
import { ORGAN_OPTIONS } from '../../../../shared/contract/schemas/arendeblad';
import type { Person } from '../../../../shared/contract/schemas/board';
import type { DocumentMeta } from '../../../../shared/contract/schemas/diarium';
import { arendebladProblems } from '../../../../shared/domain/arendeblad-templates';
import { ApiCallError, call, errorMessage } from '../../api';
import { downloadBase64, fileToBase64 } from '../../files';
import { useApp } from '../../store/app';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/fields';
import { BlockEditor, NEW_BLOCKS, RowTools, move } from './BlockEditors';
import { SignDialog } from './SignDialog';
import { SignedVersions } from './SignedVersions';

/** How long typing may pause before the draft is saved. */
const AUTOSAVE_MS = 900;

interface Draft {
  organ: string;
  rubrik: string;
  datum: string;
  content: ArendebladContent;
}

type SaveState =
  { kind: 'saved'; at: string } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'error'; message: string; conflict: boolean; personalData: boolean };

const backupKey = (id: number) => `kansli.arendeblad.${id}.utkast`;

function draftOf(b: Arendeblad): Draft {
  return { organ: b.organ, rubrik: b.rubrik, datum: b.datum, content: b.content };
}

/**
 * The ärendeblad editor. Every change is kept in this window's storage at once and
 * saved to the database after a short pause, so a draft survives a crash, a closed
 * lid or a lost connection to the host; the newer copy is offered back on reopening.
 */
export function ArendebladEditor({ id, onBack }: { id: number; onBack(): void }) {
  const notify = useApp((s) => s.notify);
  const [blad, setBlad] = useState<Arendeblad | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: '' });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [backup, setBackup] = useState<Draft | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [documents, setDocuments] = useState<DocumentMeta[]>([]);
  const [signing, setSigning] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [newVersion, setNewVersion] = useState(false);
  const revision = useRef(0);
  const pending = useRef<Draft | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const loadDocuments = useCallback(async (arendeId: number) => {
    const arende = await call('arenden.get', { id: arendeId });
    setDocuments(arende.documents);
  }, []);

  useEffect(() => {
    (async () => {
      const b = await call('arendeblad.get', { id });
      revision.current = b.revision;
      setBlad(b);
      setDraft(draftOf(b));
      setState({ kind: 'saved', at: b.updatedAt });
      const stored = localStorage.getItem(backupKey(id));
      if (stored) {
        const copy = JSON.parse(stored) as Draft & { revision: number };
        if (JSON.stringify({ ...draftOf(b) }) !== JSON.stringify({ organ: copy.organ, rubrik: copy.rubrik, datum: copy.datum, content: copy.content }))
          setBackup(copy);
        else localStorage.removeItem(backupKey(id));
      }
      setPeople(await call('people.list', {}));
      await loadDocuments(b.arendeId);
    })().catch((err: unknown) => setLoadError(errorMessage(err)));
  }, [id, loadDocuments]);

  /** Saves what is pending; false when it could not be saved (the reason is shown). */
  const save = useCallback(
    async (confirmPersonalData = false): Promise<boolean> => {
      const next = pending.current;
      if (!next) return true;
      pending.current = null;
      setState({ kind: 'saving' });
      try {
        const saved = await call('arendeblad.save', { id, revision: revision.current, ...next, confirmPersonalData });
        revision.current = saved.revision;
        setBlad(saved);
        if (pending.current === null) {
          localStorage.removeItem(backupKey(id));
          setState({ kind: 'saved', at: saved.updatedAt });
        }
        return true;
      } catch (err) {
        pending.current = pending.current ?? next;
        const code = err instanceof ApiCallError ? err.code : null;
        setState({ kind: 'error', message: errorMessage(err), conflict: code === 'CONFLICT', personalData: code === 'PERSONAL_DATA' });
        return false;
      }
    },
    [id],
  );

  // Flush what is pending when the editor closes.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      void save();
    },
    [save],
  );

  const frozen = blad?.frozen ?? false;
  const change = useCallback(
    (next: Draft) => {
      if (frozen) return;
      setDraft(next);
      pending.current = next;
      localStorage.setItem(backupKey(id), JSON.stringify({ ...next, revision: revision.current }));
      setState((s) => (s.kind === 'error' && s.conflict ? s : { kind: 'dirty' }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), AUTOSAVE_MS);
    },
    [id, save, frozen],
  );

  const problems = useMemo(
    () => (draft && blad ? arendebladProblems({ isDecision: blad.arendeKind === 'beslutsarende', rubrik: draft.rubrik, content: draft.content }) : []),
    [draft, blad],
  );

  if (loadError) return <Alert severity="error">{loadError}</Alert>;
  if (!blad || !draft) return <Typography>Läser in ärendebladet …</Typography>;

  const c = draft.content;
  const setContent = (content: ArendebladContent) => change({ ...draft, content });
  const setSection = (i: number, s: Section) => setContent({ ...c, sections: c.sections.map((x, j) => (j === i ? s : x)) });

  async function generate(kind: 'pdf' | 'docx') {
    window.clearTimeout(timer.current);
    if (!(await save())) return;
    setBusy(kind === 'pdf' ? 'Skapar PDF …' : 'Skapar Word-fil …');
    try {
      const file = await call(kind === 'pdf' ? 'arendeblad.pdf' : 'arendeblad.docx', { id });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
      notify('success', `${file.fileName} är skapad${file.pages ? ` (${file.pages} ${file.pages === 1 ? 'sida' : 'sidor'})` : ''}.`);
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function uploadBilaga(index: number, file: File) {
    if (!blad) return;
    try {
      const meta = await call('documents.add', { arendeId: blad.arendeId, fileName: file.name, contentBase64: await fileToBase64(file) });
      await loadDocuments(blad.arendeId);
      setContent({ ...c, bilagor: c.bilagor.map((b, j) => (j === index ? { documentId: meta.id, title: b.title || meta.title } : b)) });
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  const status =
    state.kind === 'saving'
      ? 'Sparar …'
      : state.kind === 'dirty'
        ? 'Ändrat'
        : state.kind === 'error'
          ? 'Inte sparat'
          : `Sparat ${state.at.slice(11, 16) || ''}`.trim();

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button startIcon={<ArrowBackOutlined />} onClick={onBack}>
          Ärendeblad
        </Button>
        <Chip label={`Dnr ${blad.diarienummer}`} variant="outlined" />
        <Typography role="status" aria-live="polite" variant="body2" color={state.kind === 'error' ? 'error' : 'text.secondary'} sx={{ flexGrow: 1 }}>
          {status}
        </Typography>
        <Button variant="outlined" startIcon={<DescriptionOutlined />} onClick={() => void generate('docx')} disabled={busy !== null}>
          Spara som Word
        </Button>
        <Button variant="outlined" startIcon={<PictureAsPdfOutlined />} onClick={() => void generate('pdf')} disabled={busy !== null || problems.length > 0}>
          Spara som PDF
        </Button>
        <Button
          variant="contained"
          startIcon={<DrawOutlined />}
          onClick={() => setSigning(true)}
          disabled={busy !== null || problems.length > 0 || blad.frozen}
        >
          Signera …
        </Button>
      </Stack>
      {blad.frozen && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={() => setNewVersion(true)}>
              Ny version
            </Button>
          }
        >
          Version {blad.version} är signerad och kan inte ändras. Nästa undertecknare signerar den signerade PDF:en (Signera också). För att ändra texten gör du
          en ny version.
        </Alert>
      )}
      <ConfirmDialog
        open={newVersion}
        title={`Ny version av ”${blad.rubrik}”`}
        text={`Version ${blad.version} och dess underskrifter står kvar som de är, i diariet. Version ${blad.version + 1} kan ändras och måste signeras på nytt; när den signeras ersätter den version ${blad.version} som gällande.`}
        confirmLabel={`Gör version ${blad.version + 1}`}
        confirmColor="primary"
        onCancel={() => setNewVersion(false)}
        onConfirm={() => {
          setNewVersion(false);
          void call('arendeblad.newVersion', { id, revision: revision.current })
            .then((next) => {
              revision.current = next.revision;
              setBlad(next);
              notify('success', `Version ${next.version} kan nu ändras. Version ${next.version - 1} finns kvar med sina underskrifter.`);
            })
            .catch((err: unknown) => notify('error', errorMessage(err)));
        }}
      />
      {busy && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {busy}
        </Alert>
      )}
      {backup && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Stack direction="row" spacing={1}>
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  change({ organ: backup.organ, rubrik: backup.rubrik, datum: backup.datum, content: backup.content });
                  setBackup(null);
                }}
              >
                Återställ
              </Button>
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  localStorage.removeItem(backupKey(id));
                  setBackup(null);
                }}
              >
                Släng
              </Button>
            </Stack>
          }
        >
          Det finns ändringar i det här ärendebladet som aldrig hann sparas i databasen. Vill du återställa dem?
        </Alert>
      )}
      {state.kind === 'error' && (
        <Alert
          severity="error"
          sx={{ mb: 2 }}
          action={
            state.conflict ? (
              <Button color="inherit" size="small" onClick={() => window.location.reload()}>
                Ladda om
              </Button>
            ) : (
              <Button color="inherit" size="small" onClick={() => void save(state.personalData)}>
                {state.personalData ? 'Spara ändå' : 'Försök igen'}
              </Button>
            )
          }
        >
          {state.message} Ändringarna finns kvar i det här fönstret.
        </Alert>
      )}

      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
        <Paper
          variant="outlined"
          inert={blad.frozen}
          aria-disabled={blad.frozen}
          sx={{ p: 3, flexGrow: 1, maxWidth: 900, width: '100%', ...(blad.frozen ? { bgcolor: 'action.hover' } : {}) }}
        >
          <Stack spacing={2}>
            <TextField
              label="Rubrik"
              value={draft.rubrik}
              onChange={(e) => change({ ...draft, rubrik: e.target.value })}
              slotProps={{ htmlInput: { style: { fontSize: 22, fontWeight: 600 } } }}
            />
            <Stack direction="row" spacing={2}>
              <TextField
                select
                label="Till"
                value={draft.organ}
                onChange={(e) =>
                  change({
                    ...draft,
                    organ: e.target.value,
                    content: { ...c, forslag: { ...c.forslag, inledning: c.forslag.inledning.replace(draft.organ, e.target.value) } },
                  })
                }
                sx={{ minWidth: 220 }}
              >
                {[...new Set([...ORGAN_OPTIONS, draft.organ])].map((o) => (
                  <MenuItem key={o} value={o}>
                    {o}
                  </MenuItem>
                ))}
              </TextField>
              <DateField label="Datum" value={draft.datum} onChange={(e) => change({ ...draft, datum: e.target.value })} />
            </Stack>

            <Typography variant="h6" component="h2">
              Förslag till beslut
            </Typography>
            <TextField
              size="small"
              label="Inledning"
              value={c.forslag.inledning}
              onChange={(e) => setContent({ ...c, forslag: { ...c.forslag, inledning: e.target.value } })}
            />
            {c.forslag.punkter.map((p, i) => (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <Typography sx={{ pt: 1, width: 28, flexShrink: 0, fontWeight: 600 }}>att</Typography>
                <TextField
                  fullWidth
                  multiline
                  value={p}
                  onChange={(e) => setContent({ ...c, forslag: { ...c.forslag, punkter: c.forslag.punkter.map((x, j) => (j === i ? e.target.value : x)) } })}
                  slotProps={{ htmlInput: { 'aria-label': `Att-sats ${i + 1}` } }}
                />
                <RowTools
                  index={i}
                  count={c.forslag.punkter.length}
                  what={`att-sats ${i + 1}`}
                  onMove={(d) => setContent({ ...c, forslag: { ...c.forslag, punkter: move(c.forslag.punkter, i, d) } })}
                  onRemove={() => setContent({ ...c, forslag: { ...c.forslag, punkter: c.forslag.punkter.filter((_, j) => j !== i) } })}
                />
              </Stack>
            ))}
            <Box>
              <Button startIcon={<AddOutlined />} onClick={() => setContent({ ...c, forslag: { ...c.forslag, punkter: [...c.forslag.punkter, ''] } })}>
                Lägg till att-sats
              </Button>
            </Box>

            {c.sections.map((s, i) => (
              <Box key={i} component="section" aria-label={s.heading || `Avsnitt ${i + 1}`}>
                <Divider sx={{ mb: 2 }} />
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                  <TextField
                    size="small"
                    label="Avsnittets rubrik"
                    value={s.heading}
                    onChange={(e) => setSection(i, { ...s, heading: e.target.value })}
                    sx={{ flexGrow: 1, '& input': { fontWeight: 700 } }}
                  />
                  <RowTools
                    index={i}
                    count={c.sections.length}
                    what={`avsnittet ${s.heading}`}
                    onMove={(d) => setContent({ ...c, sections: move(c.sections, i, d) })}
                    onRemove={() => setContent({ ...c, sections: c.sections.filter((_, j) => j !== i) })}
                  />
                </Stack>
                <Stack spacing={1.5}>
                  {s.blocks.map((b, k) => (
                    <Stack key={k} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                      <Box sx={{ flexGrow: 1 }}>
                        <BlockEditor
                          block={b}
                          where={s.heading || `avsnitt ${i + 1}`}
                          onChange={(nb) => setSection(i, { ...s, blocks: s.blocks.map((x, j) => (j === k ? nb : x)) })}
                        />
                      </Box>
                      <RowTools
                        index={k}
                        count={s.blocks.length}
                        what={`del ${k + 1} i ${s.heading}`}
                        onMove={(d) => setSection(i, { ...s, blocks: move(s.blocks, k, d) })}
                        onRemove={() => setSection(i, { ...s, blocks: s.blocks.filter((_, j) => j !== k) })}
                      />
                    </Stack>
                  ))}
                </Stack>
                <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
                  {NEW_BLOCKS.map((nb) => (
                    <Button key={nb.label} size="small" startIcon={<AddOutlined />} onClick={() => setSection(i, { ...s, blocks: [...s.blocks, nb.make()] })}>
                      {nb.label}
                    </Button>
                  ))}
                </Stack>
              </Box>
            ))}
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
              {['Sammanfattning', 'Ärendet', 'Bedömning', 'Ekonomiska konsekvenser', 'Beslutsunderlag', 'Nytt avsnitt'].map((h) => (
                <Button
                  key={h}
                  size="small"
                  variant="outlined"
                  startIcon={<AddOutlined />}
                  onClick={() =>
                    setContent({ ...c, sections: [...c.sections, { heading: h === 'Nytt avsnitt' ? '' : h, blocks: [{ type: 'stycke', text: '' }] }] })
                  }
                >
                  {h}
                </Button>
              ))}
            </Stack>

            <Divider />
            <Typography variant="h6" component="h2">
              Föredragande
            </Typography>
            <Stack direction="row" spacing={2}>
              <Autocomplete
                freeSolo
                options={people.map((p) => p.name)}
                value={c.foredragande.name}
                onInputChange={(_, value) => {
                  const person = people.find((p) => p.name === value);
                  setContent({ ...c, foredragande: { personId: person?.id ?? null, name: value, title: person?.title ?? c.foredragande.title } });
                }}
                renderInput={(params) => <TextField {...params} label="Namn" />}
                sx={{ flexGrow: 1 }}
              />
              <TextField
                label="Titel"
                value={c.foredragande.title}
                onChange={(e) => setContent({ ...c, foredragande: { ...c.foredragande, title: e.target.value } })}
              />
            </Stack>

            <Typography variant="h6" component="h2">
              Bilagor
            </Typography>
            {c.bilagor.map((b, i) => (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography sx={{ width: 24 }}>{i + 1}</Typography>
                <TextField
                  size="small"
                  label="Namn"
                  value={b.title}
                  onChange={(e) => setContent({ ...c, bilagor: c.bilagor.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)) })}
                  sx={{ flexGrow: 1 }}
                />
                <TextField
                  select
                  size="small"
                  label="Handling i diariet"
                  value={b.documentId ?? ''}
                  onChange={(e) => {
                    const docId = e.target.value === '' ? null : Number(e.target.value);
                    const doc = documents.find((d) => d.id === docId);
                    setContent({ ...c, bilagor: c.bilagor.map((x, j) => (j === i ? { documentId: docId, title: x.title || doc?.title || '' } : x)) });
                  }}
                  sx={{ minWidth: 220 }}
                >
                  <MenuItem value="">
                    <em>Ingen ännu</em>
                  </MenuItem>
                  {documents.map((d) => (
                    <MenuItem key={d.id} value={d.id}>
                      {d.title}
                    </MenuItem>
                  ))}
                </TextField>
                <Button size="small" component="label">
                  Ladda upp
                  <input
                    hidden
                    type="file"
                    onChange={(e) => {
                      const f = e.target.files?.[0];
                      if (f) void uploadBilaga(i, f);
                      e.target.value = '';
                    }}
                  />
                </Button>
                <RowTools
                  index={i}
                  count={c.bilagor.length}
                  what={`bilaga ${i + 1}`}
                  onMove={(d) => setContent({ ...c, bilagor: move(c.bilagor, i, d) })}
                  onRemove={() => setContent({ ...c, bilagor: c.bilagor.filter((_, j) => j !== i) })}
                />
              </Stack>
            ))}
            <Box>
              <Button startIcon={<AddOutlined />} onClick={() => setContent({ ...c, bilagor: [...c.bilagor, { documentId: null, title: '' }] })}>
                Lägg till bilaga
              </Button>
            </Box>

            <TextField
              label="Beslutet skickas till"
              helperText="En mottagare per rad."
              multiline
              minRows={1}
              value={c.skickasTill.join('\n')}
              onChange={(e) => setContent({ ...c, skickasTill: e.target.value.split('\n') })}
            />
          </Stack>
        </Paper>

        <Stack spacing={2} sx={{ width: { xs: '100%', lg: 340 }, flexShrink: 0, position: { lg: 'sticky' }, top: { lg: 80 } }}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              {problems.length === 0 ? 'Klart för PDF och signering' : 'Kvar att göra'}
            </Typography>
            {problems.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                Inga fält saknas.
              </Typography>
            ) : (
              <List dense aria-label="Kvar att göra">
                {problems.map((p) => (
                  <ListItem key={p} disableGutters>
                    <ListItemText primary={p} />
                  </ListItem>
                ))}
              </List>
            )}
          </Paper>
          <SignedVersions
            blad={blad}
            onChanged={() => {
              void call('arendeblad.get', { id }).then(setBlad);
              void loadDocuments(blad.arendeId);
            }}
          />
          <Typography variant="body2" color="text.secondary">
            Ärendet i diariet: <Link href={`#/arenden/${blad.arendeId}`}>{blad.diarienummer}</Link>
          </Typography>
        </Stack>
      </Stack>
      {signing && (
        <SignDialog
          title={`Signera ”${draft.rubrik}”`}
          defaultRole={c.foredragande.title || 'Förbundschef'}
          onClose={() => setSigning(false)}
          onSign={async (credentials) => {
            window.clearTimeout(timer.current);
            if (!(await save())) throw new Error('Ärendebladet kunde inte sparas, så det har inte signerats. Se meddelandet i ärendebladet.');
            // What is signed is what is on the screen: the revision just saved, or refused.
            const signed = await call('arendeblad.sign', { id, revision: revision.current, credentials });
            revision.current = signed.revision;
            setBlad(signed);
            await loadDocuments(signed.arendeId);
            notify('success', 'Ärendebladet är signerat och sparat i diariet.');
          }}
        />
      )}
    </Box>
  );
}

import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import type { ArsredovisningText, ArsredovisningView } from '../../../../shared/contract/schemas/arsredovisning';
import { call, errorMessage } from '../../api';
import { useBusy } from '../../components/useBusy';
import { useLoad } from '../../components/useLoad';
import { downloadBase64 } from '../../files';
import { useApp, useUnsavedChanges } from '../../store/app';
import { YearField } from '../ekonomi/common';

/** The texts of one year, edited together and saved together. */
function Texts({ view, onSaved }: { view: ArsredovisningView; onSaved: (v: ArsredovisningView) => void }) {
  const initial = Object.fromEntries(view.texts.map((t) => [t.key, t.text])) as Record<ArsredovisningText, string>;
  const [texts, setTexts] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const dirty = view.texts.some((t) => texts[t.key] !== t.text || t.carried);
  useUnsavedChanges(
    `arsredovisning-${view.year}`,
    'årsredovisningens texter',
    view.texts.some((t) => texts[t.key] !== t.text),
  );
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await call('arsredovisning.saveTexts', { year: view.year, texts }));
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="h2">Förvaltningsberättelse och redovisningsprinciper</Typography>
        {view.texts.map((t) => (
          <Stack key={t.key} spacing={0.5}>
            <TextField label={t.label} multiline minRows={3} value={texts[t.key]} onChange={(e) => setTexts({ ...texts, [t.key]: e.target.value })} />
            {t.carried && <Chip size="small" sx={{ alignSelf: 'flex-start' }} label="Från förra årets årsredovisning – läs igenom och spara" />}
          </Stack>
        ))}
        {failure && <Alert severity="error">{failure}</Alert>}
        <Button variant="contained" sx={{ alignSelf: 'flex-start' }} onClick={() => void save()} disabled={!dirty || busy}>
          {busy ? 'Sparar …' : 'Spara texterna'}
        </Button>
      </Stack>
    </Paper>
  );
}

/** Årsredovisning: what the report is built from, its texts, the PDF and the copy in the diarium for the underskrifter. */
export function ArsredovisningScreen() {
  const go = useApp((s) => s.go);
  const notify = useApp((s) => s.notify);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const { data: view, error, setData } = useLoad(() => call('arsredovisning.get', { year }), year);
  const { busy, failure, run } = useBusy();
  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Typography variant="h1">Årsredovisning</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <YearField value={year} onChange={setYear} label="Räkenskapsår" />
        <Button
          variant="contained"
          disabled={!view?.ready || busy !== null}
          onClick={() =>
            void run('Gör årsredovisningen …', async () => {
              const file = await call('arsredovisning.pdf', { year });
              downloadBase64(file.fileName, file.mimeType, file.contentBase64);
            })
          }
        >
          PDF
        </Button>
        <Button
          disabled={!view?.ready || busy !== null}
          onClick={() =>
            void run('Lägger i diariet …', async () => {
              const doc = await call('arsredovisning.store', { year });
              notify('success', `Årsredovisning ${year} ligger i diariet, redo att signeras av ledamöterna.`);
              go('arenden', String(doc.arendeId));
            })
          }
        >
          Lägg i diariet för underskrifter
        </Button>
      </Stack>
      {busy && <LinearProgress aria-label={busy} />}
      {(failure ?? error) && <Alert severity="error">{failure ?? error}</Alert>}
      {view && (
        <>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="h2" sx={{ mb: 1 }}>
              Underlag
            </Typography>
            <Stack spacing={1}>
              {view.parts.map((part) => (
                <Stack key={part.title} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} data-testid="underlag">
                  {part.ready ? <CheckCircleOutline color="success" aria-label="Klart" /> : <ErrorOutline color="warning" aria-label="Saknas" />}
                  <div>
                    <Typography sx={{ fontWeight: 600 }}>{part.title}</Typography>
                    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                      {part.note}
                    </Typography>
                  </div>
                </Stack>
              ))}
              {view.signers.length > 0 && (
                <Typography variant="body2">
                  Skriver under {view.signedOn}: {view.signers.map((s) => s.name).join(', ')}.
                </Typography>
              )}
            </Stack>
          </Paper>
          <Texts key={`${view.year}-${JSON.stringify(view.texts)}`} view={view} onSaved={setData} />
        </>
      )}
    </Stack>
  );
}

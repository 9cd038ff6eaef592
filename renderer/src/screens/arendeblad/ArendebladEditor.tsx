import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import DrawOutlined from '@mui/icons-material/DrawOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import type { Arendeblad, GeneratedFile } from '../../../../shared/contract/schemas/arendeblad';
import { PdfPreview } from '../../components/PdfPreview';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ArendebladForm } from './ArendebladForm';
import { SignDialog } from './SignDialog';
import { SignedVersions } from './SignedVersions';
import { statusText, useArendebladEditor, type ArendebladEditorState, type SaveState } from './useArendebladEditor';

/**
 * The ärendeblad editor: the form on the left, what is left to do and the signed
 * versions on the right. Saving, signing and versions are `useArendebladEditor`'s.
 */
export function ArendebladEditor({ id, onBack }: { id: number; onBack(): void }) {
  const editor = useArendebladEditor(id);
  const [signing, setSigning] = useState(false);
  const [newVersion, setNewVersion] = useState(false);
  const [previewing, setPreviewing] = useState<GeneratedFile | null>(null);
  const { blad, draft, state, busy, problems } = editor;

  if (editor.loadError) return <Alert severity="error">{editor.loadError}</Alert>;
  if (!blad || !draft) return <Typography>Läser in ärendebladet …</Typography>;

  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button startIcon={<ArrowBackOutlined />} onClick={onBack}>
          Ärendeblad
        </Button>
        <Chip label={`Dnr ${blad.diarienummer}`} variant="outlined" />
        <Typography role="status" aria-live="polite" variant="body2" color={state.kind === 'error' ? 'error' : 'text.secondary'} sx={{ flexGrow: 1 }}>
          {statusText(state)}
        </Typography>
        <Button variant="outlined" startIcon={<DescriptionOutlined />} onClick={() => void editor.generate('docx')} disabled={busy !== null}>
          Spara som Word
        </Button>
        <Button
          variant="outlined"
          startIcon={<VisibilityOutlined />}
          onClick={() => void editor.preview().then(setPreviewing)}
          disabled={busy !== null || problems.length > 0}
        >
          Förhandsgranska
        </Button>
        <Button
          variant="outlined"
          startIcon={<PictureAsPdfOutlined />}
          onClick={() => void editor.generate('pdf')}
          disabled={busy !== null || problems.length > 0}
        >
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
      {previewing && (
        <PdfPreview
          file={previewing}
          onClose={() => setPreviewing(null)}
          actions={
            !blad.frozen && (
              <Button
                startIcon={<DrawOutlined />}
                onClick={() => {
                  setPreviewing(null);
                  setSigning(true);
                }}
              >
                Signera …
              </Button>
            )
          }
        />
      )}
      {blad.frozen && <FrozenNotice blad={blad} onNewVersion={() => setNewVersion(true)} />}
      <ConfirmDialog
        open={newVersion}
        title={`Ny version av ”${blad.rubrik}”`}
        text={`Version ${blad.version} och dess underskrifter står kvar som de är, i diariet. Version ${blad.version + 1} kan ändras och måste signeras på nytt; när den signeras ersätter den version ${blad.version} som gällande.`}
        confirmLabel={`Gör version ${blad.version + 1}`}
        confirmColor="primary"
        onCancel={() => setNewVersion(false)}
        onConfirm={() => {
          setNewVersion(false);
          editor.makeNewVersion();
        }}
      />
      {busy && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {busy}
        </Alert>
      )}
      {editor.backup && <UnsavedCopyNotice onAnswer={editor.restoreBackup} />}
      {state.kind === 'error' && <SaveErrorNotice state={state} onRetry={(confirm) => void editor.save(confirm)} />}

      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
        <Paper
          variant="outlined"
          inert={blad.frozen}
          aria-disabled={blad.frozen}
          sx={{ p: 3, flexGrow: 1, maxWidth: 900, width: '100%', ...(blad.frozen ? { bgcolor: 'action.hover' } : {}) }}
        >
          <ArendebladForm draft={draft} people={editor.people} documents={editor.documents} onChange={editor.change} onUpload={editor.upload} />
        </Paper>
        <Sidebar editor={editor} blad={blad} />
      </Stack>
      {signing && (
        <SignDialog
          title={`Signera ”${draft.rubrik}”`}
          defaultRole={draft.content.foredragande.title || 'Förbundschef'}
          onClose={() => setSigning(false)}
          onSign={editor.sign}
        />
      )}
    </Box>
  );
}

function FrozenNotice({ blad, onNewVersion }: { blad: Arendeblad; onNewVersion: () => void }) {
  return (
    <Alert
      severity="info"
      sx={{ mb: 2 }}
      action={
        <Button color="inherit" size="small" onClick={onNewVersion}>
          Ny version
        </Button>
      }
    >
      Version {blad.version} är signerad och kan inte ändras. Nästa undertecknare signerar den signerade PDF:en (Signera också). För att ändra texten gör du en
      ny version.
    </Alert>
  );
}

function UnsavedCopyNotice({ onAnswer }: { onAnswer: (restore: boolean) => void }) {
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" onClick={() => onAnswer(true)}>
            Återställ
          </Button>
          <Button color="inherit" size="small" onClick={() => onAnswer(false)}>
            Släng
          </Button>
        </Stack>
      }
    >
      Det finns ändringar i det här ärendebladet som aldrig hann sparas i databasen. Vill du återställa dem?
    </Alert>
  );
}

function SaveErrorNotice({ state, onRetry }: { state: Extract<SaveState, { kind: 'error' }>; onRetry: (confirmPersonalData: boolean) => void }) {
  return (
    <Alert
      severity="error"
      sx={{ mb: 2 }}
      action={
        state.conflict ? (
          <Button color="inherit" size="small" onClick={() => window.location.reload()}>
            Ladda om
          </Button>
        ) : (
          <Button color="inherit" size="small" onClick={() => onRetry(state.personalData)}>
            {state.personalData ? 'Spara ändå' : 'Försök igen'}
          </Button>
        )
      }
    >
      {state.message} Ändringarna finns kvar i det här fönstret.
    </Alert>
  );
}

/** What is left before PDF and signing, the signed versions, and the way back to the ärende. */
function Sidebar({ editor, blad }: { editor: ArendebladEditorState; blad: Arendeblad }) {
  const { problems } = editor;
  return (
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
      <SignedVersions blad={blad} onChanged={editor.reload} />
      <Typography variant="body2" color="text.secondary">
        Ärendet i diariet: <Link href={`#/arenden/${blad.arendeId}`}>{blad.diarienummer}</Link>
      </Typography>
    </Stack>
  );
}

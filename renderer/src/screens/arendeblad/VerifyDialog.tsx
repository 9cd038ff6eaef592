import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PdfVerification } from '../../../../shared/contract/schemas/arendeblad';
import { call, errorMessage } from '../../api';
import { fileToBase64 } from '../../files';

function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : 'okänd tid';
}

/** Shows who signed a PDF, when, and whether it changed afterwards: for a document in the diarium or a file from elsewhere. */
export function VerifyDialog({ documentId, onClose }: { documentId?: number; onClose(): void }) {
  const [result, setResult] = useState<PdfVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(input: { documentId: number } | { fileName: string; contentBase64: string }) {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await call('pdf.verify', input));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (documentId !== undefined) void run({ documentId });
  }, [documentId]);

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="verify-title">
      <DialogTitle id="verify-title">Kontrollera signaturer</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {documentId === undefined && (
            <Button variant="outlined" component="label" disabled={busy}>
              Välj PDF-fil …
              <input
                hidden
                type="file"
                accept="application/pdf,.pdf"
                aria-label="PDF att kontrollera"
                onChange={async (e) => {
                  const f = e.target.files?.[0];
                  if (f) await run({ fileName: f.name, contentBase64: await fileToBase64(f) });
                  e.target.value = '';
                }}
              />
            </Button>
          )}
          {busy && <Typography>Kontrollerar …</Typography>}
          {error && <Alert severity="error">{error}</Alert>}
          {result && (
            <>
              <Alert severity={!result.signed ? 'info' : result.valid ? 'success' : 'error'} role="status">
                {result.summary}
              </Alert>
              <List aria-label="Signaturer">
                {result.signatures.map((s, i) => (
                  <ListItem key={i} divider alignItems="flex-start">
                    <ListItemText
                      primary={`${i + 1}. ${s.signerName}${s.reason ? ` – ${s.reason}` : ''}`}
                      secondary={
                        <>
                          {`Signerad ${when(s.signingTime)}${s.location ? ` i ${s.location}` : ''}. Utfärdare: ${s.issuerName}. `}
                          {s.intact ? 'Signaturen är giltig. ' : 'Signaturen är inte giltig. '}
                          {s.changedAfterSigning
                            ? 'Dokumentet har ändrats efter denna signatur. '
                            : s.coversWholeDocument
                              ? 'Täcker hela dokumentet. '
                              : 'Senare signaturer har lagts till. '}
                          {s.padesB ? 'PAdES B-B.' : `Typ: ${s.subFilter}.`}
                          {s.problems.length > 0 && ` ${s.problems.join(' ')}`}
                        </>
                      }
                    />
                  </ListItem>
                ))}
              </List>
              {result.signed && (
                <Typography variant="body2" color="text.secondary">
                  Kansli kontrollerar att innehållet är oförändrat och att certifikatet gällde vid signeringen. Om utfärdaren är betrodd (t.ex. en
                  e-legitimation) kontrolleras inte här.
                </Typography>
              )}
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Stäng</Button>
      </DialogActions>
    </Dialog>
  );
}

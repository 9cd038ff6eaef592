import { useState } from 'react';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Arendeblad } from '../../../../shared/contract/schemas/arendeblad';
import { call, errorMessage } from '../../api';
import { downloadBase64 } from '../../files';
import { useApp } from '../../store/app';
import { ExportSignedButton } from '../../components/ExportSignedButton';
import { SignDialog } from './SignDialog';
import { VerifyDialog } from './VerifyDialog';

/** The signed PDFs of an ärendeblad: open, verify, add a signature, export to a folder. */
export function SignedVersions({ blad, onChanged }: { blad: Arendeblad; onChanged?(): void }) {
  const notify = useApp((s) => s.notify);
  const [verifying, setVerifying] = useState<number | null>(null);
  const [cosigning, setCosigning] = useState<number | null>(null);
  const current = blad.signed.filter((v) => v.supersededBy === null);

  async function open(documentId: number) {
    try {
      const doc = await call('documents.get', { id: documentId });
      downloadBase64(doc.meta.fileName, doc.meta.mimeType, doc.contentBase64);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Signerade versioner
      </Typography>
      {blad.signed.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Inte signerat ännu.
        </Typography>
      ) : (
        <List dense aria-label="Signerade versioner">
          {blad.signed.map((v) => (
            <ListItem key={v.documentId} disableGutters sx={{ display: 'block' }}>
              <ListItemText
                primary={v.title}
                secondary={`${v.version !== null ? `Version ${v.version} · ` : ''}${v.addedAt.slice(0, 16).replace('T', ' ')} · ${v.addedBy}${v.supersededBy !== null ? ' · ersatt av en nyare version' : ''}`}
              />
              <Stack direction="row" spacing={0.5}>
                <Button size="small" onClick={() => void open(v.documentId)}>
                  Öppna
                </Button>
                <Button size="small" onClick={() => setVerifying(v.documentId)}>
                  Kontrollera
                </Button>
                {v.supersededBy === null && (
                  <Button size="small" onClick={() => setCosigning(v.documentId)}>
                    Signera också
                  </Button>
                )}
              </Stack>
            </ListItem>
          ))}
        </List>
      )}
      {current.length > 0 && (
        <Stack sx={{ mt: 1 }}>
          <ExportSignedButton documentIds={current.map((v) => v.documentId)} />
        </Stack>
      )}
      {verifying !== null && <VerifyDialog documentId={verifying} onClose={() => setVerifying(null)} />}
      {cosigning !== null && (
        <SignDialog
          title="Lägg till din signatur"
          defaultRole="Ordförande"
          onClose={() => setCosigning(null)}
          onSign={async (credentials) => {
            await call('documents.sign', { documentId: cosigning, credentials });
            notify('success', 'Signaturen är tillagd; den nya versionen ersätter den förra i diariet.');
            onChanged?.();
          }}
        />
      )}
    </Paper>
  );
}

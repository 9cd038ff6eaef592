import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { errorMessage } from '../../api';
import { fileToBase64 } from '../../files';
import { closeOnPurpose } from '../../components/closeOnPurpose';

export interface Credentials {
  certificateBase64: string;
  password: string;
  role: string;
}

/**
 * Signing with the user's own certificate file (.p12/.pfx). The password is asked
 * every time and goes only into this one call; neither it nor the file is kept.
 */
export function SignDialog({
  title,
  defaultRole,
  onClose,
  onSign,
}: {
  title: string;
  defaultRole: string;
  onClose(): void;
  onSign(c: Credentials): Promise<void>;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [role, setRole] = useState(defaultRole);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function sign() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await onSign({ certificateBase64: await fileToBase64(file), password, role: role.trim() });
      setPassword('');
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={closeOnPurpose(busy ? undefined : onClose)} maxWidth="sm" fullWidth aria-labelledby="sign-title">
      <DialogTitle id="sign-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            Dokumentet signeras digitalt (PAdES) med ditt certifikat och sparas i diariet. Därefter kan det inte ändras, bara ersättas av en ny version.
          </Typography>
          <Button variant="outlined" component="label">
            {file ? `Certifikat: ${file.name}` : 'Välj certifikatfil (.p12, .pfx) …'}
            <input
              hidden
              type="file"
              accept=".p12,.pfx,application/x-pkcs12"
              aria-label="Certifikatfil"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Button>
          <TextField
            label="Lösenord till certifikatet"
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            helperText="Sparas aldrig; du anger det varje gång."
          />
          <TextField label="Roll i signaturen" value={role} onChange={(e) => setRole(e.target.value)} helperText="T.ex. Förbundschef, Ordförande, Justerare." />
          {busy && <LinearProgress aria-label="Signerar" />}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Avbryt
        </Button>
        <Button variant="contained" onClick={() => void sign()} disabled={busy || !file || role.trim() === ''}>
          {busy ? 'Signerar …' : 'Signera'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

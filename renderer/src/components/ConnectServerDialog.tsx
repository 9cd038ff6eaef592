import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

/**
 * Arkiv → Anslut till server … (Electron): the kansli's server database, opened as the
 * person whose login the address names. A wrong password or a server that does not answer
 * is said here, and the database already open stays open; the password is kept only when
 * asked, and then only encrypted by the computer's keychain.
 */
export function ConnectServerDialog({ onClose }: { onClose: () => void }) {
  const [address, setAddress] = useState('postgres://');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function connect() {
    const bridge = window.kansli;
    if (!bridge?.connectServer) return;
    setBusy(true);
    setError(null);
    const answer = await bridge.connectServer({ address: address.trim(), password, remember });
    setBusy(false);
    if (answer.ok) {
      window.location.reload();
      return;
    }
    setError(answer.error.message);
    setPassword('');
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="connect-title" maxWidth="sm" fullWidth>
      <DialogTitle id="connect-title">Anslut till server</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Förbundets gemensamma databas på en PostgreSQL-server. Använd din egen inloggning; den databas som är öppen nu förblir öppen om anslutningen inte
          lyckas.
        </DialogContentText>
        <Stack spacing={2}>
          <TextField
            label="Adress"
            helperText="T.ex. postgres://eva@kansliserver/kansli – utan lösenord"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            autoFocus
            fullWidth
          />
          <TextField
            label="Lösenord"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            fullWidth
          />
          <FormControlLabel
            control={<Checkbox checked={remember} onChange={(e) => setRemember(e.target.checked)} />}
            label="Kom ihåg lösenordet på den här datorn (krypterat med datorns nyckelring)"
          />
          {error && (
            <Alert severity="error" data-testid="anslut-fel">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Avbryt
        </Button>
        <Button variant="contained" onClick={() => void connect()} disabled={busy || password === '' || address.trim() === ''}>
          {busy ? 'Ansluter …' : 'Anslut'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

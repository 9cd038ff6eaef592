import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import type { ArendebladListItem } from '../../../../shared/contract/schemas/arendeblad';
import { call, errorMessage } from '../../api';
import { useApp } from '../../store/app';
import { ArendebladEditor } from './ArendebladEditor';
import { NewArendebladDialog } from './NewArendebladDialog';
import { VerifyDialog } from './VerifyDialog';

/** Ärendeblad: the list, and one ärendeblad in the editor at #/arendeblad/<id>. */
export function ArendebladScreen() {
  const { route, go } = useApp();
  const id = route[0] !== undefined && /^\d+$/.test(route[0]) ? Number(route[0]) : null;
  if (id !== null) return <ArendebladEditor key={id} id={id} onBack={() => go('arendeblad')} />;
  return <ArendebladList />;
}

function ArendebladList() {
  const go = useApp((s) => s.go);
  const [rows, setRows] = useState<ArendebladListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    call('arendeblad.list', {})
      .then(setRows)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Ärendeblad
        </Typography>
        <Button variant="outlined" startIcon={<VerifiedOutlined />} onClick={() => setVerifying(true)}>
          Kontrollera signerad PDF
        </Button>
        <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
          Nytt ärendeblad
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {rows && rows.length === 0 && (
        <Alert severity="info">
          Inga ärendeblad ännu. Välj <strong>Nytt ärendeblad</strong> och en mall: mallen fyller i det registren vet (belopp, perioder, namn) och lämnar resten
          åt dig.
        </Alert>
      )}
      {rows && rows.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label="Ärendeblad">
            <TableHead>
              <TableRow>
                <TableCell>Dnr</TableCell>
                <TableCell>Rubrik</TableCell>
                <TableCell>Till</TableCell>
                <TableCell>Datum</TableCell>
                <TableCell>Läge</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} hover sx={{ cursor: 'pointer' }} onClick={() => go('arendeblad', String(r.id))}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.diarienummer}</TableCell>
                  <TableCell>
                    <Button variant="text" sx={{ textTransform: 'none', p: 0, textAlign: 'left' }} onClick={() => go('arendeblad', String(r.id))}>
                      {r.rubrik}
                    </Button>
                  </TableCell>
                  <TableCell>{r.organ}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.datum}</TableCell>
                  <TableCell>
                    {r.signedCount > 0 ? (
                      <Chip size="small" color="success" label="Signerat" />
                    ) : r.ready ? (
                      <Chip size="small" color="primary" variant="outlined" label="Klart för PDF" />
                    ) : (
                      <Chip size="small" label="Utkast" />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {creating && <NewArendebladDialog onClose={() => setCreating(false)} onCreated={(b) => go('arendeblad', String(b.id))} />}
      {verifying && <VerifyDialog onClose={() => setVerifying(false)} />}
    </Box>
  );
}

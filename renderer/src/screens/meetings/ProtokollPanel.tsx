import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SignDialog } from '../arendeblad/SignDialog';
import { ProtokollDraft } from './ProtokollDraft';
import { ProtokollJustering } from './ProtokollJustering';
import { useProtokoll } from './useProtokoll';

/** The protokoll of a meeting: writing it, the justering step by step, and what it gives (PDF, anslagsbevis, utdrag). */
export function ProtokollPanel({ meetingId, onLockChange }: { meetingId: number; onLockChange?: (locked: boolean) => void }) {
  const protokoll = useProtokoll(meetingId);
  const [signing, setSigning] = useState(false);
  const p = protokoll.protokoll;
  // The dagordning above follows the protokoll: locked from the moment it is sent for justering.
  const locked = p !== undefined && p !== null && p.status !== 'utkast';
  useEffect(() => {
    if (p !== undefined) onLockChange?.(locked);
  }, [locked, p, onLockChange]);

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
        <Button variant="contained" onClick={() => void protokoll.start()}>
          Skriv protokoll
        </Button>
      </Paper>
    );
  }
  const next = p.signingOrder.find((s) => !s.signed);

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
      {p.status === 'utkast' ? (
        <ProtokollDraft protokoll={protokoll} stored={p} />
      ) : (
        <ProtokollJustering p={p} protokoll={protokoll} onSign={() => setSigning(true)} />
      )}
      {signing && next && (
        <SignDialog
          title={`Signera protokollet som ${next.role.toLowerCase()}`}
          defaultRole={next.role}
          onClose={() => setSigning(false)}
          onSign={protokoll.sign}
        />
      )}
    </Paper>
  );
}

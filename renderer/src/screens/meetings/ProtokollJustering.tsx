import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import type { ProtokollView } from '../../../../shared/contract/schemas/protokoll';
import { ExportSignedButton } from '../../components/ExportSignedButton';
import { EVENT_LABELS, type JusteringStep, type ProtokollState } from './useProtokoll';
import { SelectField } from '../../components/fields';

/** The locked protokoll: its documents, the signatures in order, the justering, utdrag, and the history. */
export function ProtokollJustering({ p, protokoll, onSign }: { p: ProtokollView; protokoll: ProtokollState; onSign: () => void }) {
  const next = p.signingOrder.find((s) => !s.signed);
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        <Button variant="outlined" onClick={() => void protokoll.open(p.documentId)}>
          Öppna protokollet
        </Button>
        {p.anslagDocumentId !== null && (
          <Button variant="outlined" onClick={() => void protokoll.open(p.anslagDocumentId)}>
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
            <Button variant="contained" onClick={onSign}>
              Signera som {next.role.toLowerCase()} ({next.name}) …
            </Button>
          </Box>
          <Divider />
          <JusteringSteps p={p} onStep={protokoll.step} />
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
                <Button key={i.id} size="small" variant="outlined" onClick={() => void protokoll.utdrag(i.id)}>
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
  );
}

/** Ordförande and justerare answer in turn: approve, suggest a change, or send it back. */
function JusteringSteps({ p, onStep }: { p: ProtokollView; onStep: ProtokollState['step'] }) {
  const [person, setPerson] = useState('');
  const [comment, setComment] = useState('');
  const who = [p.ordforande, ...p.justerare].filter((n): n is string => !!n).filter((n, i, all) => all.indexOf(n) === i);
  const STEPS: { kind: JusteringStep; label: string }[] = [
    { kind: 'godkant', label: 'Godkänn' },
    { kind: 'andringsforslag', label: 'Föreslå ändring' },
    { kind: 'avvisat', label: 'Skicka tillbaka' },
  ];
  return (
    <>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Justering
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
        <SelectField size="small" label="Vem" value={person} onChange={(e) => setPerson(e.target.value)} sx={{ minWidth: 200 }} options={who} />
        <TextField size="small" label="Kommentar" value={comment} onChange={(e) => setComment(e.target.value)} sx={{ flexGrow: 1 }} />
      </Stack>
      <Stack direction="row" spacing={1}>
        {STEPS.map(({ kind, label }) => (
          <Button
            key={kind}
            variant={kind === 'godkant' ? 'contained' : 'outlined'}
            color={kind === 'avvisat' ? 'warning' : 'primary'}
            disabled={person === ''}
            onClick={() => void onStep(kind, person, comment).then((ok) => ok && setComment(''))}
          >
            {label}
          </Button>
        ))}
      </Stack>
    </>
  );
}

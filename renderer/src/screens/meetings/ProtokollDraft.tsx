import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  ATTENDANCE_LABELS,
  ATTENDANCE_ROLES,
  type AttendanceRole,
  type AttendanceRow,
  type ProtokollView,
} from '../../../../shared/contract/schemas/protokoll';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField, SelectField } from '../../components/fields';
import type { ProtokollState } from './useProtokoll';

type DraftProps = { d: ProtokollView; setDraft: (d: ProtokollView) => void };

/** The protokoll while it is written: who holds which role, närvaro, each paragraph's beslut; then save or send for justering. */
export function ProtokollDraft({ protokoll, stored }: { protokoll: ProtokollState; stored: ProtokollView }) {
  const { draft: d, setDraft, dirty } = protokoll;
  const [asking, setAsking] = useState(false);
  if (d === null) return null;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <OfficersFields d={d} setDraft={setDraft} />
      <AttendanceFields d={d} setDraft={setDraft} />
      <ItemsFields d={d} setDraft={setDraft} />
      {stored.problems.length > 0 && (
        <Alert severity="info">
          Innan protokollet kan skickas för justering{dirty ? ' (enligt det senast sparade)' : ''}: {stored.problems.join(' ')}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" onClick={() => void protokoll.save()}>
          Spara protokollet
        </Button>
        {dirty && (
          <Typography role="status" variant="body2" color="warning.main" sx={{ order: 3 }}>
            Ändrat – inte sparat
          </Typography>
        )}
        <Button variant="contained" onClick={() => setAsking(true)}>
          Skicka för justering
        </Button>
      </Stack>
      {/* Sending locks the protokoll: asked first. */}
      <ConfirmDialog
        open={asking}
        title="Skicka protokollet för justering?"
        text={`${dirty ? 'Det som inte är sparat sparas först. ' : ''}Protokollet låses och kan inte längre ändras; sedan skriver sekreteraren, ordföranden och ${d.justerare.length > 0 ? d.justerare.join(' och ') : 'justerarna'} under.`}
        confirmLabel="Skicka för justering"
        confirmColor="primary"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void protokoll.send();
        }}
      />
    </Stack>
  );
}

/** Sekreterare, ordförande and justerare (chosen among those who decide), and where and when justering happens. */
function OfficersFields({ d, setDraft }: DraftProps) {
  const deciding = d.attendance.filter((a) => a.role === 'ledamot' || a.role === 'tjanstgorande_ersattare').map((a) => a.name);
  return (
    <>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField label="Sekreterare" value={d.sekreterare ?? ''} onChange={(e) => setDraft({ ...d, sekreterare: e.target.value })} />
        <TextField select label="Ordförande" value={d.ordforande ?? ''} onChange={(e) => setDraft({ ...d, ordforande: e.target.value })} sx={{ minWidth: 200 }}>
          {[...new Set([...deciding, d.ordforande ?? ''])].filter(Boolean).map((n) => (
            <MenuItem key={n} value={n}>
              {n}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Justerare"
          slotProps={{ select: { multiple: true } }}
          value={d.justerare}
          onChange={(e) => setDraft({ ...d, justerare: typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[]) })}
          sx={{ minWidth: 220 }}
        >
          {deciding
            .filter((n) => n !== d.ordforande)
            .map((n) => (
              <MenuItem key={n} value={n}>
                {n}
              </MenuItem>
            ))}
        </TextField>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField
          label="Justeringens plats"
          value={d.justeringPlats ?? ''}
          onChange={(e) => setDraft({ ...d, justeringPlats: e.target.value })}
          sx={{ flexGrow: 1 }}
        />
        <DateField label="Justeringsdag" value={d.justeringDag ?? ''} onChange={(e) => setDraft({ ...d, justeringDag: e.target.value })} />
        <TextField label="Förvaringsplats" value={d.forvaring ?? ''} onChange={(e) => setDraft({ ...d, forvaring: e.target.value })} sx={{ flexGrow: 1 }} />
      </Stack>
    </>
  );
}

/** Närvaro: each person, their organisation, the role they took part in, whom an ersättare replaced, and distance. */
function AttendanceFields({ d, setDraft }: DraftProps) {
  const setAttendance = (i: number, row: Partial<AttendanceRow>) =>
    setDraft({ ...d, attendance: d.attendance.map((a, j) => (j === i ? { ...a, ...row } : a)) });
  return (
    <>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Närvaro
      </Typography>
      {d.attendance.map((a, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <TextField size="small" label="Namn" value={a.name} onChange={(e) => setAttendance(i, { name: e.target.value })} />
          <TextField size="small" label="Organisation" value={a.organisation ?? ''} onChange={(e) => setAttendance(i, { organisation: e.target.value })} />
          <SelectField
            size="small"
            label="Deltog som"
            value={a.role}
            onChange={(e) => setAttendance(i, { role: e.target.value as AttendanceRole, replaces: null })}
            sx={{ minWidth: 220 }}
            options={ATTENDANCE_ROLES.map((r) => ({ value: r, label: ATTENDANCE_LABELS[r] }))}
          />
          {a.role === 'tjanstgorande_ersattare' && (
            <TextField size="small" label="Ersätter" value={a.replaces ?? ''} onChange={(e) => setAttendance(i, { replaces: e.target.value })} />
          )}
          <FormControlLabel
            control={<Checkbox size="small" checked={a.distance} onChange={(e) => setAttendance(i, { distance: e.target.checked })} />}
            label="På distans"
          />
          <Button size="small" onClick={() => setDraft({ ...d, attendance: d.attendance.filter((_, j) => j !== i) })}>
            Ta bort
          </Button>
        </Stack>
      ))}
      <Box>
        <Button
          size="small"
          onClick={() =>
            setDraft({ ...d, attendance: [...d.attendance, { personId: null, name: '', organisation: null, role: 'ovrig', replaces: null, distance: false }] })
          }
        >
          Lägg till person
        </Button>
      </Box>
    </>
  );
}

/** Paragrafer: each one's beslut (one att-sats a line) or anteckning, with reservationer, protokollsanteckning and jäv. */
function ItemsFields({ d, setDraft }: DraftProps) {
  return (
    <>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Paragrafer
      </Typography>
      {d.items.length > 0 && (
        // The year's numbering: continued from earlier meetings, or given once when the year began before Kansli.
        <TextField
          label="Första §"
          size="small"
          value={d.firstParagraph === null ? '' : String(d.firstParagraph)}
          onChange={(e) => {
            const digits = e.target.value.replace(/\D/g, '').slice(0, 4);
            setDraft({ ...d, firstParagraph: digits === '' ? null : Number(digits) });
          }}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          helperText={d.paragraphNote}
          sx={{ maxWidth: 640, '& .MuiInputBase-root': { width: 120 } }}
        />
      )}
      {d.items.map((item, k) => {
        const setItem = (patch: Partial<(typeof d.items)[number]>) => setDraft({ ...d, items: d.items.map((x, j) => (j === k ? { ...x, ...patch } : x)) });
        const decides = item.kind === 'beslut' || item.kind === 'delegation';
        return (
          <Box key={item.id} sx={{ pl: 1, borderLeft: 3, borderColor: 'divider' }}>
            <Typography sx={{ fontWeight: 600 }}>
              § {d.firstParagraph !== null ? d.firstParagraph + k : item.paragraph} {item.title}{' '}
              {item.diarienummer && (
                <Typography component="span" variant="body2" color="text.secondary">
                  Dnr {item.diarienummer}
                </Typography>
              )}
            </Typography>
            <TextField
              fullWidth
              multiline
              size="small"
              label={decides ? 'Beslut (en att-sats per rad)' : 'Anteckning i protokollet'}
              value={item.decision.join('\n')}
              onChange={(e) => setItem({ decision: e.target.value.split('\n') })}
              sx={{ mt: 1 }}
            />
            {decides && (
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ mt: 1 }}>
                <TextField
                  size="small"
                  label="Reservationer"
                  value={item.reservationer ?? ''}
                  onChange={(e) => setItem({ reservationer: e.target.value })}
                  sx={{ flexGrow: 1 }}
                />
                <TextField
                  size="small"
                  label="Protokollsanteckning"
                  value={item.anteckningar ?? ''}
                  onChange={(e) => setItem({ anteckningar: e.target.value })}
                  sx={{ flexGrow: 1 }}
                />
                <TextField size="small" label="Jäv (namn)" value={item.jav ?? ''} onChange={(e) => setItem({ jav: e.target.value })} />
              </Stack>
            )}
          </Box>
        );
      })}
    </>
  );
}

import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_KINDS,
  KATEGORI_LABELS,
  KATEGORIER,
  applicationSaveInput,
  type Application,
  type ApplicationKind,
  type Insats,
  type Kategori,
  type PriorityGroup,
} from '../../../../shared/contract/schemas/insatser';
import { formatKr } from '../../../../shared/format/sv';
import { call } from '../../api';
import { useSaveForm } from '../../components/useSaveForm';
import { useApp } from '../../store/app';
import { DateField, KronorField, parseKronor, todayIso } from '../people/common';
import { closeOnPurpose } from '../../components/closeOnPurpose';

interface YearDraft {
  year: number;
  sought: string;
  own: string;
  participants: string;
}

function yearsOf(from: string, to: string): number[] {
  const a = Number(from.slice(0, 4));
  const b = Number(to.slice(0, 4));
  if (!Number.isInteger(a) || !Number.isInteger(b) || b < a || b - a > 9) return [];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** Ansökan: everything an application states, as the förbund's form asks for it. */
export function ApplicationDialog({ application, onClose, onSaved }: { application?: Application; onClose(): void; onSaved(a: Application): void }) {
  const members = useApp((s) => s.members);
  const [insatser, setInsatser] = useState<Insats[]>([]);
  const [groups, setGroups] = useState<PriorityGroup[]>([]);
  const [kind, setKind] = useState<ApplicationKind>(application?.kind ?? 'ny');
  const [insatsId, setInsatsId] = useState<number | ''>(application?.insatsId ?? '');
  const [name, setName] = useState(application?.name ?? '');
  const [kategori, setKategori] = useState<Kategori>(application?.kategori ?? 'individ');
  const [parties, setParties] = useState<number[]>(application?.parties.map((p) => p.memberId) ?? []);
  const [owner, setOwner] = useState<number | ''>(application?.ownerMemberId ?? '');
  const [malgrupp, setMalgrupp] = useState(application?.malgrupp ?? '');
  const [syfte, setSyfte] = useState(application?.syfte ?? '');
  const [groupIds, setGroupIds] = useState<number[]>(application?.priorityGroups.map((g) => g.id) ?? []);
  const [effektmal, setEffektmal] = useState(
    application?.goals
      .filter((g) => g.kind === 'effektmal')
      .map((g) => g.text)
      .join('\n') ?? '',
  );
  const [insatsmal, setInsatsmal] = useState(
    application?.goals
      .filter((g) => g.kind === 'insatsmal')
      .map((g) => g.text)
      .join('\n') ?? '',
  );
  const [startsOn, setStartsOn] = useState(application?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(application?.endsOn ?? '');
  const [years, setYears] = useState<YearDraft[]>(
    application?.years.map((y) => ({
      year: y.year,
      sought: String(y.soughtKr),
      own: String(y.ownKr),
      participants: y.participants === null ? '' : String(y.participants),
    })) ?? [],
  );
  const [sus, setSus] = useState(application?.sus ?? false);
  const [lokus, setLokus] = useState(application?.lokusAgrees ?? false);
  const [receivedOn, setReceivedOn] = useState(application?.receivedOn ?? todayIso());
  const { errors, formError, saving, submit, dialogs } = useSaveForm(applicationSaveInput);

  useEffect(() => {
    void call('insatser.list', {}).then(setInsatser);
  }, []);
  const startYear = Number(startsOn.slice(0, 4));
  useEffect(() => {
    if (Number.isInteger(startYear) && startYear > 1990) void call('malgrupper.list', { year: startYear }).then(setGroups);
  }, [startYear]);
  // One row per calendar year of the period, keeping what was typed.
  useEffect(() => {
    const span = yearsOf(startsOn, endsOn);
    if (span.length === 0) return;
    setYears((current) => span.map((year) => current.find((y) => y.year === year) ?? { year, sought: '', own: '', participants: '' }));
  }, [startsOn, endsOn]);

  const total = useMemo(() => years.reduce((s, y) => s + (Number(parseKronor(y.sought)) || 0), 0), [years]);

  function chooseInsats(id: number | '') {
    setInsatsId(id);
    const insats = insatser.find((i) => i.id === id);
    if (insats && !name) {
      setName(insats.name);
      setKategori(insats.kategori);
      setOwner(insats.ownerMemberId);
    }
  }

  async function save() {
    const input = {
      ...(application ? { id: application.id } : {}),
      kind,
      insatsId: kind === 'ny' || insatsId === '' ? null : insatsId,
      name,
      kategori,
      parties,
      ownerMemberId: owner === '' ? null : owner,
      malgrupp,
      syfte,
      priorityGroupIds: groupIds,
      effektmal: effektmal
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean),
      insatsmal: insatsmal
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean),
      startsOn,
      endsOn,
      years: years.map((y) => ({
        year: y.year,
        soughtKr: (parseKronor(y.sought) ?? 0) as number,
        ownKr: (parseKronor(y.own) ?? 0) as number,
        participants: y.participants.trim() === '' ? null : Number(y.participants),
      })),
      sus,
      lokusAgrees: lokus,
      receivedOn,
    };
    const saved = await submit(input, (i) => call('applications.save', i));
    if (saved) {
      onSaved(saved);
      onClose();
    }
  }

  const err = (path: string) => errors[path];
  return (
    <Dialog open onClose={closeOnPurpose(onClose)} maxWidth="md" fullWidth aria-labelledby="application-title">
      <DialogTitle id="application-title">{application ? `Ändra ansökan ${application.diarienummer}` : 'Ny ansökan'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField select label="Typ av ansökan" value={kind} onChange={(e) => setKind(e.target.value as ApplicationKind)} sx={{ minWidth: 200 }}>
              {APPLICATION_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {APPLICATION_KIND_LABELS[k]}
                </MenuItem>
              ))}
            </TextField>
            {kind !== 'ny' && (
              <TextField
                select
                label="Gäller insatsen"
                value={insatsId}
                onChange={(e) => chooseInsats(e.target.value === '' ? '' : Number(e.target.value))}
                error={!!err('insatsId')}
                helperText={err('insatsId')}
                sx={{ flexGrow: 1 }}
              >
                {insatser.map((i) => (
                  <MenuItem key={i.id} value={i.id}>
                    {i.name}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <DateField
              label="Inkom"
              value={receivedOn}
              onChange={(e) => setReceivedOn(e.target.value)}
              error={!!err('receivedOn')}
              helperText={err('receivedOn')}
            />
          </Stack>
          <TextField label="Insatsens namn" value={name} onChange={(e) => setName(e.target.value)} error={!!err('name')} helperText={err('name')} />
          <TextField select label="Kategori" value={kategori} onChange={(e) => setKategori(e.target.value as Kategori)}>
            {KATEGORIER.map((k) => (
              <MenuItem key={k} value={k}>
                {KATEGORI_LABELS[k]}
              </MenuItem>
            ))}
          </TextField>
          <div>
            <FormLabel component="legend" error={!!err('parties')}>
              Samverkansparter
            </FormLabel>
            <FormGroup row>
              {members.map((m) => (
                <FormControlLabel
                  key={m.id}
                  control={
                    <Checkbox
                      checked={parties.includes(m.id)}
                      onChange={(e) => setParties(e.target.checked ? [...parties, m.id] : parties.filter((p) => p !== m.id))}
                    />
                  }
                  label={m.name}
                />
              ))}
            </FormGroup>
            {err('parties') && <FormHelperText error>{err('parties')}</FormHelperText>}
          </div>
          <TextField
            select
            label="Insatsägare"
            value={owner}
            onChange={(e) => setOwner(e.target.value === '' ? '' : Number(e.target.value))}
            error={!!err('ownerMemberId')}
            helperText={err('ownerMemberId') ?? 'En av samverkansparterna.'}
          >
            {members
              .filter((m) => parties.includes(m.id))
              .map((m) => (
                <MenuItem key={m.id} value={m.id}>
                  {m.name}
                </MenuItem>
              ))}
          </TextField>
          <TextField
            label="Syfte"
            multiline
            minRows={2}
            value={syfte}
            onChange={(e) => setSyfte(e.target.value)}
            helperText="Skrivs in i ärendebladet: ”Syftet med insatsen är …”."
          />
          <TextField label="Målgrupp" value={malgrupp} onChange={(e) => setMalgrupp(e.target.value)} />
          {groups.length > 0 && (
            <div>
              <FormLabel component="legend">Prioriterade målgrupper {startYear}</FormLabel>
              <FormGroup>
                {groups.map((g) => (
                  <FormControlLabel
                    key={g.id}
                    control={
                      <Checkbox
                        checked={groupIds.includes(g.id)}
                        onChange={(e) => setGroupIds(e.target.checked ? [...groupIds, g.id] : groupIds.filter((x) => x !== g.id))}
                      />
                    }
                    label={g.name}
                  />
                ))}
              </FormGroup>
            </div>
          )}
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField
              label="Effektmål (ett per rad)"
              multiline
              minRows={2}
              value={effektmal}
              onChange={(e) => setEffektmal(e.target.value)}
              sx={{ flex: 1 }}
            />
            <TextField
              label="Insatsmål (ett per rad)"
              multiline
              minRows={2}
              value={insatsmal}
              onChange={(e) => setInsatsmal(e.target.value)}
              sx={{ flex: 1 }}
            />
          </Stack>
          <Stack direction="row" spacing={2}>
            <DateField
              label="Period från"
              value={startsOn}
              onChange={(e) => setStartsOn(e.target.value)}
              error={!!err('startsOn')}
              helperText={err('startsOn')}
            />
            <DateField label="Period till" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={!!err('endsOn')} helperText={err('endsOn')} />
          </Stack>
          {years.map((y, i) => (
            <Stack key={y.year} direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
              <Typography sx={{ pt: 2, width: 48 }}>{y.year}</Typography>
              <KronorField
                label={`Sökt ${y.year}`}
                value={y.sought}
                onChange={(e) => setYears(years.map((x, j) => (j === i ? { ...x, sought: e.target.value } : x)))}
                error={!!err(`years.${i}.soughtKr`)}
                helperText={err(`years.${i}.soughtKr`)}
              />
              <KronorField
                label="Egenfinansiering"
                value={y.own}
                onChange={(e) => setYears(years.map((x, j) => (j === i ? { ...x, own: e.target.value } : x)))}
                error={!!err(`years.${i}.ownKr`)}
                helperText={err(`years.${i}.ownKr`)}
              />
              <TextField
                label="Förväntade deltagare"
                value={y.participants}
                onChange={(e) => setYears(years.map((x, j) => (j === i ? { ...x, participants: e.target.value } : x)))}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              />
            </Stack>
          ))}
          {years.length > 0 && <Typography>Sökt totalt: {formatKr(total)}</Typography>}
          {err('years') && <FormHelperText error>{err('years')}</FormHelperText>}
          <FormControlLabel control={<Checkbox checked={sus} onChange={(e) => setSus(e.target.checked)} />} label="Deltagarna registreras i SUS" />
          <FormControlLabel
            control={<Checkbox checked={lokus} onChange={(e) => setLokus(e.target.checked)} />}
            label="Alla parter i lokusgruppen står bakom ansökan"
          />
          {formError && <Alert severity="error">{formError}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Avbryt</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {application ? 'Spara' : 'Registrera ansökan'}
        </Button>
      </DialogActions>
      {dialogs}
    </Dialog>
  );
}

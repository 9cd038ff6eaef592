import { useEffect, useMemo, useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
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
import type { ArendeListItem } from '../../../../shared/contract/schemas/diarium';
import { formatKr } from '../../../../shared/format/sv';
import { call } from '../../api';
import { useApp } from '../../store/app';
import { DateField, KronorField, SelectField } from '../../components/fields';
import { parseKronor, todayIso } from '../../components/text';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';

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

function goalLines(application: Application | undefined, kind: 'effektmal' | 'insatsmal'): string {
  return (
    application?.goals
      .filter((g) => g.kind === kind)
      .map((g) => g.text)
      .join('\n') ?? ''
  );
}

function toDraft(application: Application | undefined, arende?: Inkommen) {
  return {
    /** The inkommande ärende in the diarium the ansökan came in as; '' registers a new one. */
    arendeId: arende?.id ?? ('' as number | ''),
    kind: application?.kind ?? ('ny' as ApplicationKind),
    insatsId: application?.insatsId ?? ('' as number | ''),
    name: application?.name ?? '',
    kategori: application?.kategori ?? ('individ' as Kategori),
    parties: application?.parties.map((p) => p.memberId) ?? [],
    ownerMemberId: application?.ownerMemberId ?? ('' as number | ''),
    malgrupp: application?.malgrupp ?? '',
    syfte: application?.syfte ?? '',
    priorityGroupIds: application?.priorityGroups.map((g) => g.id) ?? [],
    effektmal: goalLines(application, 'effektmal'),
    insatsmal: goalLines(application, 'insatsmal'),
    startsOn: application?.startsOn ?? '',
    endsOn: application?.endsOn ?? '',
    years:
      application?.years.map((y): YearDraft => ({
        year: y.year,
        sought: String(y.soughtKr),
        own: String(y.ownKr),
        participants: y.participants === null ? '' : String(y.participants),
      })) ?? [],
    sus: application?.sus ?? false,
    lokusAgrees: application?.lokusAgrees ?? false,
    receivedOn: application?.receivedOn ?? arende?.receivedOn ?? todayIso(),
  };
}
type Draft = ReturnType<typeof toDraft>;
type Inkommen = Pick<ArendeListItem, 'id' | 'receivedOn'>;

const lines = (text: string) =>
  text
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);

function toInput(draft: Draft, id: number | undefined) {
  const { arendeId, ...rest } = draft;
  return {
    ...(id === undefined ? {} : { id }),
    ...(id === undefined && arendeId !== '' ? { arendeId } : {}),
    ...rest,
    insatsId: draft.kind === 'ny' || draft.insatsId === '' ? null : draft.insatsId,
    ownerMemberId: draft.ownerMemberId === '' ? null : draft.ownerMemberId,
    effektmal: lines(draft.effektmal),
    insatsmal: lines(draft.insatsmal),
    years: draft.years.map((y) => ({
      year: y.year,
      soughtKr: (parseKronor(y.sought) ?? 0) as number,
      ownKr: (parseKronor(y.own) ?? 0) as number,
      participants: y.participants.trim() === '' ? null : Number(y.participants),
    })),
  };
}

/** Ansökan: everything an application states, as the förbund's form asks for it. */
export function ApplicationDialog({
  application,
  arende,
  onClose,
  onSaved,
}: {
  application?: Application;
  /** A new ansökan that came in as this ärende in the diarium. */
  arende?: Inkommen;
  onClose(): void;
  onSaved(a: Application): void;
}) {
  const members = useApp((s) => s.members);
  const [insatser, setInsatser] = useState<Insats[]>([]);
  const [groups, setGroups] = useState<PriorityGroup[]>([]);
  const [inkomna, setInkomna] = useState<ArendeListItem[] | null>(null);
  const form = useRecordForm(applicationSaveInput, () => toDraft(application, arende));
  const { draft, update, setDraft, bind, errors } = form;
  const { kind, parties, startsOn, endsOn } = draft;

  useEffect(() => {
    void call('insatser.list', {}).then(setInsatser);
  }, []);
  // A new ansökan may already be in the diarium as an inkommande handling: offer those that
  // are not voided, not decided and not another ansökan's.
  useEffect(() => {
    if (application) return;
    void Promise.all([call('arenden.page', { kind: 'inkommande', includeVoided: false, limit: 500 }), call('insatser.applications', {})]).then(
      ([page, applications]) => {
        const taken = new Set(applications.map((a) => a.arendeId));
        setInkomna(page.rows.filter((r) => !taken.has(r.id) && (r.status === 'oppet' || r.status === 'under_beredning')));
      },
    );
  }, [application]);
  const startYear = Number(startsOn.slice(0, 4));
  useEffect(() => {
    if (Number.isInteger(startYear) && startYear > 1990) void call('insatser.priorityGroups', { year: startYear }).then(setGroups);
  }, [startYear]);
  // One row per calendar year of the period, keeping what was typed.
  useEffect(() => {
    const span = yearsOf(startsOn, endsOn);
    if (span.length === 0) return;
    setDraft((d) => ({ ...d, years: span.map((year) => d.years.find((y) => y.year === year) ?? { year, sought: '', own: '', participants: '' }) }));
  }, [startsOn, endsOn, setDraft]);

  function chooseInsats(id: number | '') {
    const insats = insatser.find((i) => i.id === id);
    update({ insatsId: id, ...(insats && !draft.name ? { name: insats.name, kategori: insats.kategori, ownerMemberId: insats.ownerMemberId } : {}) });
  }

  async function save() {
    const saved = await form.submit(toInput(draft, application?.id), (i) => call('insatser.saveApplication', i));
    if (saved) {
      onSaved(saved);
      onClose();
    }
  }

  return (
    <RecordDialog
      id="application"
      maxWidth="md"
      title={application ? `Ändra ansökan ${application.diarienummer}` : 'Ny ansökan'}
      form={form}
      onSave={() => void save()}
      onClose={onClose}
      saveLabel={application ? 'Spara' : 'Registrera ansökan'}
    >
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <SelectField
          label="Typ av ansökan"
          value={kind}
          onChange={(e) => update({ kind: e.target.value as ApplicationKind })}
          sx={{ minWidth: 200 }}
          options={APPLICATION_KINDS.map((k) => ({ value: k, label: APPLICATION_KIND_LABELS[k] }))}
        />
        {kind !== 'ny' && (
          <TextField
            select
            label="Gäller insatsen"
            value={draft.insatsId}
            onChange={(e) => chooseInsats(e.target.value === '' ? '' : Number(e.target.value))}
            error={!!errors.insatsId}
            helperText={errors.insatsId}
            sx={{ flexGrow: 1 }}
          >
            {insatser.map((i) => (
              <MenuItem key={i.id} value={i.id}>
                {i.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <DateField label="Inkom" {...bind('receivedOn')} />
      </Stack>
      {!application && inkomna !== null && (inkomna.length > 0 || draft.arendeId !== '') && (
        <SelectField
          label="Ärende i diariet"
          value={draft.arendeId}
          onChange={(e) => {
            const picked = (inkomna ?? []).find((r) => r.id === Number(e.target.value));
            update({ arendeId: picked?.id ?? '', ...(picked?.receivedOn ? { receivedOn: picked.receivedOn } : {}) });
          }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          error={!!errors.arendeId}
          helperText={errors.arendeId ?? 'Har ansökan redan diarieförts när den kom in, välj det ärendet så blir det ett ärende, inte två.'}
          options={[
            { value: '' as number | '', label: 'Registrera ett nytt ärende' },
            ...(inkomna ?? []).map((r) => ({ value: r.id, label: `${r.diarienummer} ${r.title}${r.receivedOn ? ` (inkom ${r.receivedOn})` : ''}` })),
          ]}
        />
      )}
      <TextField label="Insatsens namn" {...bind('name')} />
      <SelectField
        label="Kategori"
        value={draft.kategori}
        onChange={(e) => update({ kategori: e.target.value as Kategori })}
        options={KATEGORIER.map((k) => ({ value: k, label: KATEGORI_LABELS[k] }))}
      />
      <div>
        <FormLabel component="legend" error={!!errors.parties}>
          Samverkansparter
        </FormLabel>
        <FormGroup row>
          {members.map((m) => (
            <FormControlLabel
              key={m.id}
              control={
                <Checkbox
                  checked={parties.includes(m.id)}
                  onChange={(e) => update({ parties: e.target.checked ? [...parties, m.id] : parties.filter((p) => p !== m.id) })}
                />
              }
              label={m.name}
            />
          ))}
        </FormGroup>
        {errors.parties && <FormHelperText error>{errors.parties}</FormHelperText>}
      </div>
      <TextField
        select
        label="Insatsägare"
        value={draft.ownerMemberId}
        onChange={(e) => update({ ownerMemberId: e.target.value === '' ? '' : Number(e.target.value) })}
        error={!!errors.ownerMemberId}
        helperText={errors.ownerMemberId ?? 'En av samverkansparterna.'}
      >
        {members
          .filter((m) => parties.includes(m.id))
          .map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.name}
            </MenuItem>
          ))}
      </TextField>
      <TextField label="Syfte" multiline minRows={2} {...bind('syfte', 'Skrivs in i ärendebladet: ”Syftet med insatsen är …”.')} />
      <TextField label="Målgrupp" {...bind('malgrupp')} />
      {groups.length > 0 && (
        <div>
          <FormLabel component="legend">Prioriterade målgrupper {startYear}</FormLabel>
          <FormGroup>
            {groups.map((g) => (
              <FormControlLabel
                key={g.id}
                control={
                  <Checkbox
                    checked={draft.priorityGroupIds.includes(g.id)}
                    onChange={(e) =>
                      update({ priorityGroupIds: e.target.checked ? [...draft.priorityGroupIds, g.id] : draft.priorityGroupIds.filter((x) => x !== g.id) })
                    }
                  />
                }
                label={g.name}
              />
            ))}
          </FormGroup>
        </div>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField label="Effektmål (ett per rad)" multiline minRows={2} {...bind('effektmal')} sx={{ flex: 1 }} />
        <TextField label="Insatsmål (ett per rad)" multiline minRows={2} {...bind('insatsmal')} sx={{ flex: 1 }} />
      </Stack>
      <Stack direction="row" spacing={2}>
        <DateField label="Period från" {...bind('startsOn')} />
        <DateField label="Period till" {...bind('endsOn')} />
      </Stack>
      <YearRows years={draft.years} errors={errors} onChange={(years) => update({ years })} />
      <FormControlLabel control={<Checkbox checked={draft.sus} onChange={(e) => update({ sus: e.target.checked })} />} label="Deltagarna registreras i SUS" />
      <FormControlLabel
        control={<Checkbox checked={draft.lokusAgrees} onChange={(e) => update({ lokusAgrees: e.target.checked })} />}
        label="Alla parter i lokusgruppen står bakom ansökan"
      />
    </RecordDialog>
  );
}

/** Sökt, egenfinansiering and expected deltagare for each calendar year of the period, with the total. */
function YearRows({ years, errors, onChange }: { years: YearDraft[]; errors: Record<string, string>; onChange: (years: YearDraft[]) => void }) {
  const total = useMemo(() => years.reduce((s, y) => s + (Number(parseKronor(y.sought)) || 0), 0), [years]);
  const set = (i: number, patch: Partial<YearDraft>) => onChange(years.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <>
      {years.map((y, i) => (
        <Stack key={y.year} direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Typography sx={{ pt: 2, width: 48 }}>{y.year}</Typography>
          <KronorField
            label={`Sökt ${y.year}`}
            value={y.sought}
            onChange={(e) => set(i, { sought: e.target.value })}
            error={!!errors[`years.${i}.soughtKr`]}
            helperText={errors[`years.${i}.soughtKr`]}
          />
          <KronorField
            label="Egenfinansiering"
            value={y.own}
            onChange={(e) => set(i, { own: e.target.value })}
            error={!!errors[`years.${i}.ownKr`]}
            helperText={errors[`years.${i}.ownKr`]}
          />
          <TextField
            label="Förväntade deltagare"
            value={y.participants}
            onChange={(e) => set(i, { participants: e.target.value })}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
        </Stack>
      ))}
      {years.length > 0 && <Typography>Sökt totalt: {formatKr(total)}</Typography>}
      {errors.years && <FormHelperText error>{errors.years}</FormHelperText>}
    </>
  );
}

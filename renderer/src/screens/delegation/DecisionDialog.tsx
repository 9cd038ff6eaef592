import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { decisionSaveInput, type Delegation, type DelegationDecision } from '../../../../shared/contract/schemas/delegation';
import type { MethodInput } from '../../../../shared/contract/methods';
import { formatInteger, formatKr } from '../../../../shared/format/sv';
import { call } from '../../api';
import { useApp } from '../../store/app';
import { DateField, FreeTextField, KronorField } from '../../components/fields';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';
import { parseKronor, todayIso } from '../../components/text';

interface Draft {
  delegationId: number | '';
  decidedOn: string;
  decidedBy: string;
  title: string;
  amountKr: string;
}

function toDraft(d: DelegationDecision | null): Draft {
  if (d === null) return { delegationId: '', decidedOn: todayIso(), decidedBy: '', title: '', amountKr: '' };
  return {
    delegationId: d.delegationId,
    decidedOn: d.decidedOn,
    decidedBy: d.decidedBy,
    title: d.title,
    amountKr: d.amountKr === null ? '' : formatInteger(d.amountKr),
  };
}

function validOn(d: Delegation, date: string): boolean {
  return d.validFrom <= date && (d.validTo === null || date <= d.validTo);
}

export function limitText(d: Delegation): string {
  return d.limitKr === null ? 'Ingen beloppsgräns' : `Högst ${formatKr(d.limitKr)}`;
}

/** Register (or correct) a decision taken under delegation; the API gives it a diarienummer. */
export function DecisionDialog(props: {
  decision: DelegationDecision | null;
  delegations: Delegation[];
  onClose: () => void;
  onSaved: (d: DelegationDecision) => void;
}) {
  const { decision } = props;
  const go = useApp((s) => s.go);
  const form = useRecordForm(decisionSaveInput, () => toDraft(decision));
  const { draft, update, bind, errors } = form;
  const [delegationError, setDelegationError] = useState<string | null>(null);

  const chosen = props.delegations.find((d) => d.id === draft.delegationId) ?? null;
  // Offer the points in force on the decision day, and always the one already chosen.
  const offered = props.delegations.filter((d) => d.id === draft.delegationId || !/^\d{4}-\d{2}-\d{2}$/.test(draft.decidedOn) || validOn(d, draft.decidedOn));

  function chooseDelegation(id: number) {
    const next = props.delegations.find((d) => d.id === id);
    const previous = chosen?.delegate ?? '';
    // The delegate fills in Beslutsfattare unless the user has written someone else.
    update({ delegationId: id, ...(next && (draft.decidedBy === '' || draft.decidedBy === previous) ? { decidedBy: next.delegate } : {}) });
    setDelegationError(null);
  }

  async function save() {
    if (draft.delegationId === '') {
      setDelegationError('Välj vilken punkt i delegationsordningen beslutet fattas under.');
      return;
    }
    const input: MethodInput<'decisions.save'> = {
      ...(decision ? { id: decision.id } : {}),
      delegationId: draft.delegationId,
      decidedOn: draft.decidedOn,
      decidedBy: draft.decidedBy,
      title: draft.title,
      amountKr: parseKronor(draft.amountKr) as number | null,
    };
    const saved = await form.submit(input, (i) => call('decisions.save', i));
    if (saved) props.onSaved(saved);
  }

  return (
    <RecordDialog
      id="decision-dialog"
      title={decision ? `Delegationsbeslut ${decision.diarienummer}` : 'Registrera delegationsbeslut'}
      form={form}
      onSave={() => void save()}
      onClose={props.onClose}
      record={
        decision && {
          entity: 'delegation_decision',
          entityId: decision.id,
          title: `delegationsbeslut ${decision.diarienummer}`,
          actions: <Button onClick={() => go('arenden', String(decision.arendeId))}>Öppna ärendet</Button>,
        }
      }
    >
      {!decision && (
        <Typography variant="body2" color="text.secondary">
          Beslutet registreras som ett ärende i diariet och får nästa diarienummer. Det anmäls sedan till styrelsen.
        </Typography>
      )}
      <TextField
        select
        label="Punkt i delegationsordningen"
        required
        value={draft.delegationId}
        onChange={(e) => chooseDelegation(Number(e.target.value))}
        error={!!(delegationError ?? errors.delegationId)}
        helperText={delegationError ?? errors.delegationId ?? (chosen ? `Delegat: ${chosen.delegate}. ${limitText(chosen)}.` : undefined)}
        slotProps={{
          select: {
            renderValue: (v) => {
              const d = props.delegations.find((x) => x.id === v);
              return d ? `${d.code} ${d.matter}` : '';
            },
          },
        }}
      >
        {offered.length === 0 && (
          <MenuItem disabled value="">
            Ingen delegation gäller det datumet
          </MenuItem>
        )}
        {offered.map((d) => (
          <MenuItem key={d.id} value={d.id} sx={{ whiteSpace: 'normal' }}>
            <Stack direction="row" spacing={2} sx={{ width: '100%' }}>
              <Box sx={{ width: 44, flexShrink: 0, fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{d.code}</Box>
              <Box sx={{ flex: 1 }}>
                <Typography>{d.matter}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {d.delegate} · {limitText(d)}
                </Typography>
              </Box>
            </Stack>
          </MenuItem>
        ))}
      </TextField>
      <FreeTextField
        label="Beslut"
        required
        multiline
        minRows={2}
        {...bind('title', 'Vad som beslutades, t.ex. Medel till utbildningsdag för lokusgrupperna')}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateField label="Beslutsdatum" required fullWidth {...bind('decidedOn')} />
        <TextField label="Beslutsfattare" required fullWidth {...bind('decidedBy')} />
      </Stack>
      <KronorField
        label="Belopp"
        {...bind(
          'amountKr',
          chosen
            ? `${limitText(chosen)} enligt punkt ${chosen.code}. Lämna tomt om beslutet inte gäller pengar.`
            : 'Lämna tomt om beslutet inte gäller pengar.',
        )}
      />
    </RecordDialog>
  );
}

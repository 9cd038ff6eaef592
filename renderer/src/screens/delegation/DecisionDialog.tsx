import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { decisionSaveInput, type Delegation, type DelegationDecision } from '../../../../shared/contract/schemas/delegation';
import type { MethodInput } from '../../../../shared/contract/methods';
import { formatInteger, formatKr } from '../../../../shared/format/sv';
import { call } from '../../api';
import { AuditHistoryButton } from '../../components/AuditHistory';
import { personalDataHint } from '../../components/PersonalDataDialog';
import { useSaveForm } from '../../components/useSaveForm';
import { useApp } from '../../store/app';
import { DateField, KronorField, parseKronor, todayIso } from '../people/common';
import { closeOnPurpose } from '../../components/closeOnPurpose';

interface Draft {
  delegationId: number | '';
  decidedOn: string;
  decidedBy: string;
  title: string;
  amount: string;
}

function toDraft(d: DelegationDecision | null): Draft {
  if (d === null) return { delegationId: '', decidedOn: todayIso(), decidedBy: '', title: '', amount: '' };
  return {
    delegationId: d.delegationId,
    decidedOn: d.decidedOn,
    decidedBy: d.decidedBy,
    title: d.title,
    amount: d.amountKr === null ? '' : formatInteger(d.amountKr),
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
  const [draft, setDraft] = useState<Draft>(() => toDraft(decision));
  const [delegationError, setDelegationError] = useState<string | null>(null);
  const { errors, formError, saving, submit, dialogs } = useSaveForm(decisionSaveInput);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const titleHint = personalDataHint(draft.title);
  const fieldMessages = new Set(Object.values(errors));

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
      amountKr: parseKronor(draft.amount) as number | null,
    };
    const saved = await submit(input, (i) => call('decisions.save', i));
    if (saved) props.onSaved(saved);
  }

  return (
    <Dialog open onClose={closeOnPurpose(saving ? undefined : props.onClose)} fullWidth maxWidth="sm" aria-labelledby="decision-dialog-title">
      <DialogTitle id="decision-dialog-title">{decision ? `Delegationsbeslut ${decision.diarienummer}` : 'Registrera delegationsbeslut'}</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          spacing={2}
          sx={{ mt: 1 }}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {formError && !fieldMessages.has(formError) && <Alert severity="error">{formError}</Alert>}
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
          <TextField
            label="Beslut"
            required
            multiline
            minRows={2}
            value={draft.title}
            onChange={(e) => update({ title: e.target.value })}
            error={!!errors.title}
            helperText={errors.title ?? titleHint ?? 'Vad som beslutades, t.ex. Medel till utbildningsdag för lokusgrupperna'}
            slotProps={{ formHelperText: { sx: titleHint && !errors.title ? { color: 'warning.dark' } : undefined } }}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <DateField
              label="Beslutsdatum"
              required
              fullWidth
              value={draft.decidedOn}
              onChange={(e) => update({ decidedOn: e.target.value })}
              error={!!errors.decidedOn}
              helperText={errors.decidedOn}
            />
            <TextField
              label="Beslutsfattare"
              required
              fullWidth
              value={draft.decidedBy}
              onChange={(e) => update({ decidedBy: e.target.value })}
              error={!!errors.decidedBy}
              helperText={errors.decidedBy}
            />
          </Stack>
          <KronorField
            label="Belopp"
            value={draft.amount}
            onChange={(e) => update({ amount: e.target.value })}
            error={!!errors.amountKr}
            helperText={
              errors.amountKr ??
              (chosen
                ? `${limitText(chosen)} enligt punkt ${chosen.code}. Lämna tomt om beslutet inte gäller pengar.`
                : 'Lämna tomt om beslutet inte gäller pengar.')
            }
          />
          <button type="submit" hidden />
        </Stack>
        {dialogs}
      </DialogContent>
      <DialogActions>
        {decision && (
          <Stack direction="row" spacing={1} sx={{ mr: 'auto' }}>
            <AuditHistoryButton entity="delegation_decision" entityId={decision.id} title={`delegationsbeslut ${decision.diarienummer}`} />
            <Button onClick={() => go('arenden', String(decision.arendeId))}>Öppna ärendet</Button>
          </Stack>
        )}
        <Button onClick={props.onClose} disabled={saving}>
          Avbryt
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {saving ? 'Sparar …' : 'Spara'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

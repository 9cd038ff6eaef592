import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { controlSaveInput, DEFAULT_PROCESSES, type ControlView, type PlanView, type RiskYearView } from '../../../../shared/contract/schemas/internkontroll';
import { FREKVENS_LABELS, FREKVENSER, METOD_LABELS, METODER, type Frekvens, type Metod } from '../../../../shared/domain/internkontroll';
import { call } from '../../api';
import { SelectField } from '../../components/fields';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';

/** A kontrollmoment: the risk it answers, metod, frekvens, ansvarig, reporting, and what each checklist asks. */
export function ControlDialog({
  year,
  risks,
  control,
  onClose,
  onSaved,
}: {
  year: number;
  risks: RiskYearView;
  control: ControlView | null;
  onClose: () => void;
  onSaved: (p: PlanView) => void;
}) {
  const form = useRecordForm(controlSaveInput, () => ({
    process: control?.process ?? 'Ekonomi/budget',
    moment: control?.moment ?? '',
    riskId: control?.riskId ?? null,
    metod: (control?.metod ?? 'stickprov') as Metod,
    frekvens: (control?.frekvens ?? 'kvartal') as Frekvens,
    ansvarig: control?.ansvarig ?? '',
    rapportTill: control?.rapportTill ?? 'Förbundsstyrelsen',
    rapportNar: control?.rapportNar ?? 'Delårsrapport och årsredovisning',
    checklist: (control?.checklist ?? []).join('\n'),
  }));
  const { draft: f, update, bind, errors } = form;
  const processes = [...new Set([...DEFAULT_PROCESSES, ...risks.risks.map((r) => r.process)])];

  async function save() {
    const input = {
      id: control?.id,
      year,
      ...f,
      checklist: f.checklist
        .split('\n')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    };
    const saved = await form.submit(input, (i) => call('internkontroll.saveControl', i));
    if (saved) onSaved(saved);
  }

  return (
    <RecordDialog id="control" title={control ? 'Kontrollmoment' : 'Nytt kontrollmoment'} form={form} onSave={() => void save()} onClose={onClose}>
      <SelectField label="Process/område" {...bind('process')} options={processes} />
      <TextField label="Kontrollmoment" {...bind('moment', 'Skrivs som en sats: ”fakturor följer ingångna avtal”.')} />
      <TextField
        select
        label="Risk"
        value={f.riskId ?? ''}
        onChange={(e) => update({ riskId: e.target.value === '' ? null : Number(e.target.value) })}
        error={!!errors.riskId}
        helperText={errors.riskId}
      >
        <MenuItem value="">Välj …</MenuItem>
        {risks.risks.map((r) => (
          <MenuItem key={r.id} value={r.id}>
            {r.code} {r.title}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction="row" spacing={2}>
        <SelectField
          fullWidth
          label="Kontrollmetod"
          value={f.metod}
          onChange={(e) => update({ metod: e.target.value as Metod })}
          options={METODER.map((m) => ({ value: m, label: METOD_LABELS[m] }))}
        />
        <SelectField
          fullWidth
          label="Frekvens"
          value={f.frekvens}
          onChange={(e) => update({ frekvens: e.target.value as Frekvens })}
          options={FREKVENSER.map((m) => ({ value: m, label: FREKVENS_LABELS[m] }))}
        />
      </Stack>
      <TextField label="Ansvarig" {...bind('ansvarig')} />
      <Stack direction="row" spacing={2}>
        <TextField fullWidth label="Rapporteras till" {...bind('rapportTill')} />
        <TextField fullWidth label="När" {...bind('rapportNar')} />
      </Stack>
      <TextField label="Att kontrollera (en punkt per rad)" {...bind('checklist', 'Blir checklistan vid varje kontrolltillfälle.')} multiline minRows={3} />
    </RecordDialog>
  );
}

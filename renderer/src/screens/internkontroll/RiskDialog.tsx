import Stack from '@mui/material/Stack';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  DEFAULT_PROCESSES,
  HANTERING_LABELS,
  HANTERINGAR,
  riskSaveInput,
  type Hantering,
  type RiskView,
  type RiskYearView,
} from '../../../../shared/contract/schemas/internkontroll';
import { levelOf, riskvarde } from '../../../../shared/domain/internkontroll';
import { call } from '../../api';
import { SelectField } from '../../components/fields';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';

/** A risk: process, what could happen, why, sannolikhet and konsekvens in the scale's words, owner and the one decided hantering. */
export function RiskDialog({
  year,
  analysis,
  risk,
  onClose,
  onSaved,
}: {
  year: number;
  analysis: RiskYearView;
  risk: RiskView | null;
  onClose: () => void;
  onSaved: (a: RiskYearView) => void;
}) {
  const form = useRecordForm(riskSaveInput, () => ({
    process: risk?.process ?? 'Ekonomi/budget',
    title: risk?.title ?? '',
    orsak: risk?.orsak ?? '',
    sannolikhet: risk?.sannolikhet ?? 2,
    konsekvens: risk?.konsekvens ?? 2,
    owner: risk?.owner ?? '',
    hantering: risk?.hantering ?? ('kontroll' as Hantering),
    hanteringText: risk?.hanteringText ?? '',
  }));
  const { draft: f, update, bind, errors } = form;
  const { scale } = analysis;
  const value = riskvarde(f.sannolikhet, f.konsekvens);
  const level = levelOf(value, scale);
  const processes = [...new Set([...DEFAULT_PROCESSES, ...analysis.risks.map((r) => r.process)])];

  async function save() {
    const saved = await form.submit({ id: risk?.id, year, ...f }, (input) => call('internkontroll.saveRisk', input));
    if (saved) onSaved(saved);
  }

  return (
    <RecordDialog id="risk" title={risk ? `Risk ${risk.code}` : 'Ny risk'} form={form} onSave={() => void save()} onClose={onClose}>
      <SelectField label="Process/område" {...bind('process')} options={processes} />
      <TextField label="Risk" {...bind('title', 'Vad skulle kunna hindra förbundet att nå sina mål?')} />
      <TextField label="Orsak" {...bind('orsak')} multiline minRows={2} />
      <Stack direction="row" spacing={2}>
        <TextField
          select
          fullWidth
          label="Sannolikhet"
          value={f.sannolikhet}
          onChange={(e) => update({ sannolikhet: Number(e.target.value) })}
          error={!!errors.sannolikhet}
          helperText={errors.sannolikhet}
        >
          {scale.sannolikhet.map((w, i) => (
            <MenuItem key={w} value={i + 1}>
              {i + 1} – {w}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          fullWidth
          label="Konsekvens"
          value={f.konsekvens}
          onChange={(e) => update({ konsekvens: Number(e.target.value) })}
          error={!!errors.konsekvens}
          helperText={errors.konsekvens}
        >
          {scale.konsekvens.map((w, i) => (
            <MenuItem key={w} value={i + 1}>
              {i + 1} – {w}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Typography>
        Riskvärde <strong>{value}</strong> – <span style={{ background: level.color, padding: '1px 6px', borderRadius: 4 }}>{level.label}</span>
        {risk?.previous && ` (${risk.previous.year}: ${risk.previous.value})`}
      </Typography>
      <TextField label="Riskägare" {...bind('owner')} />
      <SelectField
        label="Hantering"
        value={f.hantering}
        onChange={(e) => update({ hantering: e.target.value as Hantering })}
        options={HANTERINGAR.map((h) => ({ value: h, label: HANTERING_LABELS[h] }))}
      />
      {f.hantering !== 'kontroll' && (
        <TextField label={f.hantering === 'accepterad' ? 'Skäl till att risken accepteras' : 'Åtgärd'} {...bind('hanteringText')} multiline minRows={2} />
      )}
    </RecordDialog>
  );
}

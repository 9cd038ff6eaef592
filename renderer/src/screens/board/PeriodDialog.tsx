import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { periodSaveInput, type MandatePeriod } from '../../../../shared/contract/schemas/board';
import { call } from '../../api';
import { DateField } from '../../components/fields';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';

interface Draft {
  startsOn: string;
  endsOn: string;
  label: string;
}

/** A new term follows the last one: four years from the day after it ended (mandatperioder are four years). */
function suggestNext(latest: MandatePeriod | null): Draft {
  if (latest === null) {
    const year = new Date().getFullYear();
    return { startsOn: `${year}-01-01`, endsOn: `${year + 3}-12-31`, label: '' };
  }
  const endYear = Number(latest.endsOn.slice(0, 4));
  return { startsOn: `${endYear + 1}-01-01`, endsOn: `${endYear + 4}-12-31`, label: '' };
}

export function PeriodDialog(props: {
  period: MandatePeriod | null;
  latest: MandatePeriod | null;
  onClose: () => void;
  onSaved: (p: MandatePeriod) => void;
  onRemove: (p: MandatePeriod) => void;
}) {
  const { period } = props;
  const form = useRecordForm(periodSaveInput, (): Draft =>
    period ? { startsOn: period.startsOn, endsOn: period.endsOn, label: period.label } : suggestNext(props.latest),
  );
  const { bind } = form;

  async function save() {
    const saved = await form.submit({ ...(period ? { id: period.id } : {}), ...form.draft }, (i) => call('periods.save', i));
    if (saved) props.onSaved(saved);
  }

  return (
    <RecordDialog
      id="period-dialog"
      maxWidth="xs"
      title={period ? `Mandatperiod ${period.label}` : 'Ny mandatperiod'}
      form={form}
      onSave={() => void save()}
      onClose={props.onClose}
      record={
        period && {
          entity: 'mandate_period',
          entityId: period.id,
          title: `mandatperiod ${period.label}`,
          ...(period.appointments === 0 ? { onRemove: () => props.onRemove(period) } : {}),
        }
      }
    >
      {!period && (
        <Typography variant="body2" color="text.secondary">
          Ledamöter och ersättare utses för en mandatperiod. Den nya perioden börjar tom; lägg sedan till styrelsen.
        </Typography>
      )}
      <DateField label="Från" required {...bind('startsOn')} />
      <DateField label="Till" required {...bind('endsOn')} />
      <TextField label="Benämning" {...bind('label', 'Lämna tomt för årtalen, t.ex. 2023–2026')} />
    </RecordDialog>
  );
}

import { useState } from 'react';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { planAdoptInput, type Verksamhetsplan } from '../../../../shared/contract/schemas/verksamhetsplan';
import { formatDate } from '../../../../shared/format/sv';
import { call } from '../../api';
import { DateField } from '../../components/fields';
import { RecordDialog } from '../../components/RecordDialog';
import { useSaveForm } from '../../components/useSaveForm';

/** The board's decision: the date and the paragraf; the plan is locked from then on. */
export function AdoptDialog(props: { plan: Verksamhetsplan; onClose: () => void; onAdopted: (plan: Verksamhetsplan) => void }) {
  const [adoptedOn, setAdoptedOn] = useState(formatDate(new Date()));
  const [paragraph, setParagraph] = useState('');
  const form = useSaveForm(planAdoptInput);
  const save = async () => {
    const adopted = await form.submit({ id: props.plan.id, revision: props.plan.revision, adoptedOn, paragraph }, (input) =>
      call('verksamhetsplan.adopt', input),
    );
    if (adopted) props.onAdopted(adopted);
  };
  return (
    <RecordDialog
      id="faststall-plan"
      title={`Fastställ ${props.plan.title}`}
      form={form}
      onSave={() => void save()}
      onClose={props.onClose}
      saveLabel="Fastställ"
    >
      <Typography>
        Ange styrelsens beslut. Den fastställda planen låses: den kan inte ändras eller tas bort, bara revideras i en ny version.
        {props.plan.revisionOf !== null && ' Den version som revideras markeras som ersatt.'}
      </Typography>
      <DateField
        label="Beslutsdatum"
        value={adoptedOn}
        onChange={(e) => setAdoptedOn(e.target.value)}
        error={Boolean(form.errors.adoptedOn)}
        helperText={form.errors.adoptedOn ?? ' '}
      />
      <TextField
        label="Paragraf"
        placeholder="§ 12"
        value={paragraph}
        onChange={(e) => setParagraph(e.target.value)}
        helperText="Protokollets paragraf (valfritt)"
      />
    </RecordDialog>
  );
}

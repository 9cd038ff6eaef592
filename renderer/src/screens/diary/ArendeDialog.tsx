import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import {
  ARENDE_KINDS,
  ARENDE_KIND_LABELS,
  ARENDE_STATUSES,
  ARENDE_STATUS_LABELS,
  arendeSaveInput,
  type Arende,
  type ArendeKind,
  type ArendeStatus,
} from '../../../../shared/contract/schemas/diarium';
import { call } from '../../api';
import { DateField, FreeTextField, SelectField } from '../../components/fields';
import { todayIso } from '../../components/text';
import { RecordDialog } from '../../components/RecordDialog';
import { useRecordForm } from '../../components/useRecordForm';

interface Draft {
  title: string;
  kind: ArendeKind;
  status: ArendeStatus;
  receivedOn: string;
  decidedOn: string;
  handlaggare: string;
  description: string;
}

function toDraft(a: Arende | null): Draft {
  if (!a) return { title: '', kind: 'inkommande', status: 'oppet', receivedOn: todayIso(), decidedOn: '', handlaggare: '', description: '' };
  return {
    title: a.title,
    kind: a.kind,
    status: a.status,
    receivedOn: a.receivedOn ?? '',
    decidedOn: a.decidedOn ?? '',
    handlaggare: a.handlaggare ?? '',
    description: a.description ?? '',
  };
}

/** Registers a new ärende (the next number of its year) or edits one; the number itself never changes. */
export function ArendeDialog(props: { arende: Arende | null; onClose: () => void; onSaved: (a: Arende) => void }) {
  const { arende } = props;
  const form = useRecordForm(arendeSaveInput, () => toDraft(arende));
  const { draft, update, bind } = form;
  const [next, setNext] = useState<string | null>(null);
  const isNew = arende === null;
  const year = /^\d{4}/.test(draft.receivedOn) ? Number(draft.receivedOn.slice(0, 4)) : new Date().getFullYear();

  useEffect(() => {
    if (!isNew) return;
    call('arenden.nextNumber', { year })
      .then((r) => setNext(r.diarienummer))
      .catch(() => setNext(null));
  }, [isNew, year]);

  async function save() {
    const saved = await form.submit({ ...(arende ? { id: arende.id } : {}), ...draft }, (i) => call('arenden.save', i));
    if (saved) props.onSaved(saved);
  }

  return (
    <RecordDialog
      id="arende-dialog"
      title={arende ? `Ärende ${arende.diarienummer}` : 'Nytt ärende'}
      form={form}
      onSave={() => void save()}
      onClose={props.onClose}
      saveLabel={isNew ? 'Registrera' : 'Spara'}
    >
      {isNew && next && <Alert severity="info">Får diarienummer {next} när det sparas.</Alert>}
      <FreeTextField label="Rubrik" required autoFocus {...bind('title')} />
      <Stack direction="row" spacing={2}>
        <SelectField
          label="Typ"
          value={draft.kind}
          onChange={(e) => update({ kind: e.target.value as ArendeKind })}
          sx={{ flex: 1 }}
          options={ARENDE_KINDS.map((k) => ({ value: k, label: ARENDE_KIND_LABELS[k] }))}
        />
        <SelectField
          label="Status"
          value={draft.status}
          onChange={(e) => update({ status: e.target.value as ArendeStatus })}
          sx={{ flex: 1 }}
          options={ARENDE_STATUSES.map((s) => ({ value: s, label: ARENDE_STATUS_LABELS[s] }))}
        />
      </Stack>
      <Stack direction="row" spacing={2}>
        <DateField label="Inkom" {...bind('receivedOn')} sx={{ flex: 1 }} />
        <DateField label="Beslutsdatum" {...bind('decidedOn')} sx={{ flex: 1 }} />
      </Stack>
      <TextField label="Handläggare" {...bind('handlaggare')} />
      <FreeTextField label="Beskrivning" {...bind('description')} multiline minRows={3} />
    </RecordDialog>
  );
}

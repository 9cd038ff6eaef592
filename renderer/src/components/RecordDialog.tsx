import type { ChangeEvent, ReactElement, ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog, { type DialogProps } from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import type { AuditEntity } from '../../../shared/contract/schemas/audit';
import { AuditHistoryButton } from './AuditHistory';
import { closeOnPurpose } from './closeOnPurpose';
import { FormStack } from './fields';

/** What a record dialog needs of its form: `useRecordForm` (or `useSaveForm`) gives it. */
export interface RecordFormState {
  saving: boolean;
  formError: string | null;
  errors: Record<string, string>;
  dialogs: ReactElement;
}

/** An existing record: its history, and Ta bort where the register allows it. */
export interface RecordFooter {
  entity: AuditEntity;
  entityId: number;
  /** How the history dialog names it, e.g. "punkt 3.2". */
  title: string;
  onRemove?: () => void;
  /** More buttons beside the history, e.g. Öppna ärendet. */
  actions?: ReactNode;
}

/**
 * The register dialog every record shares: a title, a form that saves on Enter and
 * checks its fields, the error that no field shows, and the footer — history and
 * Ta bort for an existing record, Avbryt and Spara. It closes only on purpose and
 * not while it saves.
 */
export function RecordDialog(props: {
  /** Names the dialog for screen readers: the title gets `${id}-title`. */
  id: string;
  title: ReactNode;
  form: RecordFormState;
  onSave: () => void;
  onClose: () => void;
  record?: RecordFooter | null;
  maxWidth?: DialogProps['maxWidth'];
  saveLabel?: string;
  savingLabel?: string;
  children: ReactNode;
}) {
  const { form } = props;
  const shownAtField = form.formError !== null && Object.values(form.errors).includes(form.formError);
  return (
    <Dialog
      open
      onClose={closeOnPurpose(form.saving ? undefined : props.onClose)}
      fullWidth
      maxWidth={props.maxWidth ?? 'sm'}
      aria-labelledby={`${props.id}-title`}
    >
      <DialogTitle id={`${props.id}-title`}>{props.title}</DialogTitle>
      <DialogContent>
        <FormStack sx={{ mt: 1 }} onSubmit={props.onSave}>
          {form.formError && !shownAtField && <Alert severity="error">{form.formError}</Alert>}
          {props.children}
          <button type="submit" hidden />
        </FormStack>
        {form.dialogs}
      </DialogContent>
      <DialogActions>
        {props.record && (
          <Stack direction="row" spacing={1} sx={{ mr: 'auto' }}>
            <AuditHistoryButton entity={props.record.entity} entityId={props.record.entityId} title={props.record.title} />
            {props.record.onRemove && (
              <Button color="error" startIcon={<DeleteOutline />} onClick={props.record.onRemove} disabled={form.saving}>
                Ta bort
              </Button>
            )}
            {props.record.actions}
          </Stack>
        )}
        <Button onClick={props.onClose} disabled={form.saving}>
          Avbryt
        </Button>
        <Button variant="contained" onClick={props.onSave} disabled={form.saving}>
          {form.saving ? (props.savingLabel ?? 'Sparar …') : (props.saveLabel ?? 'Spara')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The props a text field takes from its place in a draft. */
export interface BoundField {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  error: boolean;
  helperText: ReactNode;
}

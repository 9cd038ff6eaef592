import InputAdornment from '@mui/material/InputAdornment';
import type { ChangeEvent, FormEvent, ReactNode } from 'react';
import Stack, { type StackProps } from '@mui/material/Stack';
import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { personalDataHint } from './PersonalDataDialog';
import { DatePicker, parseIso } from './DatePicker';

/**
 * A date written ÅÅÅÅ-MM-DD, as the papers write it: a text field, so it reads the same
 * whatever language the computer's own date picker speaks, with a Swedish calendar beside it
 * (DatePicker). A date that does not exist ("2026-02-30") is said at the field.
 */
export function DateField(props: TextFieldProps) {
  const value = typeof props.value === 'string' ? props.value : '';
  const label = typeof props.label === 'string' ? props.label : 'Datum';
  const wrong = value.trim().length >= 10 && parseIso(value) === null;
  return (
    <TextField
      placeholder="ÅÅÅÅ-MM-DD"
      {...props}
      error={props.error === true || wrong}
      helperText={props.helperText ?? (wrong ? 'Det datumet finns inte. Skriv ÅÅÅÅ-MM-DD.' : undefined)}
      slotProps={{
        ...props.slotProps,
        inputLabel: { shrink: true },
        htmlInput: { inputMode: 'numeric', maxLength: 10, autoComplete: 'off', style: { fontVariantNumeric: 'tabular-nums' } },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <DatePicker
                value={value}
                label={label}
                disabled={props.disabled === true}
                onPick={(iso) => props.onChange?.({ target: { value: iso }, currentTarget: { value: iso } } as ChangeEvent<HTMLInputElement>)}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}

/** A kronor field: right-aligned digits, numeric keyboard. */
export function KronorField(props: TextFieldProps) {
  return (
    <TextField
      {...props}
      slotProps={{
        ...props.slotProps,
        htmlInput: { inputMode: 'numeric', style: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } },
        input: { endAdornment: <InputAdornment position="end">kr</InputAdornment> },
      }}
    />
  );
}

/** Hides a text from the eye but not from a screen reader (e.g. the header of an actions column). */
export const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

/**
 * A free-text field that warns, as the user types, when the text looks like a
 * personnummer (the förbund keeps no data about individuals). The main process
 * asks again on save.
 */
export function FreeTextField(props: TextFieldProps & { value: string }) {
  const hint = personalDataHint(props.value);
  const shownError = props.error === true;
  return (
    <TextField
      {...props}
      color={hint && !shownError ? 'warning' : props.color}
      helperText={shownError ? props.helperText : (hint ?? props.helperText)}
      slotProps={{ ...props.slotProps, formHelperText: { sx: hint && !shownError ? { color: 'warning.dark' } : undefined } }}
    />
  );
}

export type SelectOption<V extends string | number> = V | { value: V; label: ReactNode };

/** A drop-down of fixed choices: plain values are their own labels. */
export function SelectField<V extends string | number>({ options, ...props }: TextFieldProps & { options: readonly SelectOption<V>[] }) {
  return (
    <TextField select {...props}>
      {options.map((o) => {
        const { value, label } = typeof o === 'object' ? o : { value: o, label: o };
        return (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        );
      })}
    </TextField>
  );
}

/** A form laid out as a column that saves on Enter, checking its fields itself (no browser bubbles). */
export function FormStack({ onSubmit, children, ...props }: Omit<StackProps, 'onSubmit'> & { onSubmit: () => void }) {
  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      {...props}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </Stack>
  );
}

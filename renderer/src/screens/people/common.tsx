import { useCallback, useEffect, useRef, useState } from 'react';
import InputAdornment from '@mui/material/InputAdornment';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { formatDate } from '../../../../shared/format/sv';
import { call, errorMessage } from '../../api';

/** Shared bits of the register screens (styrelse, personer, grupper, delegation). */

/** "Eva Lind (S)", or just the name for an official without a party. */
export function personLabel(p: { name: string; party: string | null }): string {
  return p.party ? `${p.name} (${p.party})` : p.name;
}

export function todayIso(): string {
  return formatDate(new Date());
}

/** "2023-01-01 – 2026-12-31" with an en dash, as the papers write a span. */
export function dateSpan(from: string, to: string | null): string {
  return to === null ? `från ${from}` : `${from} – ${to}`;
}

/**
 * What the user typed in a kronor field: "270 000", "270000" or "270 000 kr" →
 * 270000; empty → null; anything else is sent as it is for the schema to reject
 * with its Swedish message.
 */
export function parseKronor(text: string): number | string | null {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '');
  if (compact === '') return null;
  return /^\d+$/.test(compact) ? Number(compact) : text;
}

/**
 * A date written ÅÅÅÅ-MM-DD, as the papers write it. A plain text field, so it
 * reads the same whatever language the computer's date picker speaks.
 */
export function DateField(props: TextFieldProps) {
  return (
    <TextField
      placeholder="ÅÅÅÅ-MM-DD"
      {...props}
      slotProps={{
        ...props.slotProps,
        inputLabel: { shrink: true },
        htmlInput: { inputMode: 'numeric', maxLength: 10, autoComplete: 'off', style: { fontVariantNumeric: 'tabular-nums' } },
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

/**
 * Loads something from the API when the component mounts (and whenever `key`
 * changes); `reload` fetches again quietly, keeping the old data on screen.
 */
export function useLoad<T>(load: () => Promise<T>, key: string | number = 0) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const value = await loadRef.current();
      if (mine === seq.current) {
        setData(value);
        setError(null);
      }
    } catch (err) {
      if (mine === seq.current) setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload, key]);

  return { data, error, reload, setData };
}

/** The people register, for the pickers in the board and group dialogs. */
export function usePeople() {
  return useLoad(() => call('people.list', {}));
}

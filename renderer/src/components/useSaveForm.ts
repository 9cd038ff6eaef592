import { createElement, useRef, useState, type ReactElement } from 'react';
import type { z } from 'zod';
import { ApiCallError, errorMessage } from '../api';
import { PersonalDataDialog } from './PersonalDataDialog';

/**
 * The save step every register form shares: check the input with the same zod
 * schema the main process applies (an immediate answer at the field), then run
 * the call and put any field issues it returns next to their fields.
 * Errors are keyed by dotted path, e.g. "populations.0.population".
 *
 * When the main process refuses a text that looks like a personnummer
 * (PERSONAL_DATA), the user is asked; on "Spara ändå" the same input is sent
 * again with confirmPersonalData: true. Render `dialogs` inside the form.
 */
export function useSaveForm<S extends z.ZodType>(schema: S) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [personalData, setPersonalData] = useState<string | null>(null);
  const answer = useRef<((confirmed: boolean) => void) | null>(null);

  function askPersonalData(message: string): Promise<boolean> {
    setPersonalData(message);
    return new Promise((resolve) => {
      answer.current = (confirmed) => {
        setPersonalData(null);
        answer.current = null;
        resolve(confirmed);
      };
    });
  }

  async function submit<T>(input: z.input<S>, save: (input: z.input<S>) => Promise<T>): Promise<T | undefined> {
    setFormError(null);
    const local = schema.safeParse(input);
    if (!local.success) {
      setErrors(Object.fromEntries(local.error.issues.map((i) => [i.path.join('.'), i.message])));
      return undefined;
    }
    setErrors({});
    setSaving(true);
    try {
      // The input goes as the user wrote it; the main process validates it again.
      try {
        return await save(input);
      } catch (err) {
        if (!(err instanceof ApiCallError) || err.code !== 'PERSONAL_DATA') throw err;
        setErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
        if (!(await askPersonalData(err.message))) {
          setFormError('Inte sparat. Ta bort personnumret ur texten och spara igen.');
          return undefined;
        }
        setErrors({});
        return await save({ ...(input as object), confirmPersonalData: true } as z.input<S>);
      }
    } catch (err) {
      if (err instanceof ApiCallError) setErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      setFormError(errorMessage(err));
      return undefined;
    } finally {
      setSaving(false);
    }
  }

  const dialogs: ReactElement = createElement(PersonalDataDialog, {
    message: personalData,
    onAnswer: (confirmed: boolean) => answer.current?.(confirmed),
  });

  /** A field the user changes is no longer shown as wrong ("Ange rubrik." goes once a rubrik is written); the next save checks it again. */
  function clearError(path: string): void {
    setErrors((e) => {
      if (!(path in e)) return e;
      const { [path]: _gone, ...rest } = e;
      return rest;
    });
  }

  return { errors, formError, saving, submit, dialogs, clearError };
}

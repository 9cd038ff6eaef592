import { useState } from 'react';
import type { z } from 'zod';
import { ApiCallError, errorMessage } from '../api';

/**
 * The save step every register form shares: check the input with the same zod
 * schema the main process applies (an immediate answer at the field), then run
 * the call and put any field issues it returns next to their fields.
 * Errors are keyed by dotted path, e.g. "populations.0.population".
 */
export function useSaveForm<S extends z.ZodType>(schema: S) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

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
      return await save(input);
    } catch (err) {
      if (err instanceof ApiCallError) setErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      setFormError(errorMessage(err));
      return undefined;
    } finally {
      setSaving(false);
    }
  }

  return { errors, formError, saving, submit };
}

import { useState } from 'react';
import type { z } from 'zod';
import type { BoundField } from './RecordDialog';
import { useSaveForm } from './useSaveForm';

type TextKeys<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

/**
 * A register form's state: the draft the user edits, the save step of `useSaveForm`,
 * and `bind(name, hint, path)` that wires a text field to its place in the draft — its
 * value, its change, and the error at `path` (the input's path, by default the name) or
 * else its hint.
 */
export function useRecordForm<S extends z.ZodType, D extends object>(schema: S, initial: () => D) {
  const form = useSaveForm(schema);
  const [draft, setDraft] = useState<D>(initial);
  const update = (patch: Partial<D>) => setDraft((d) => ({ ...d, ...patch }));

  function bind(name: TextKeys<D>, hint?: string | null, path: string = name): BoundField {
    const message = form.errors[path];
    return {
      value: draft[name] as string,
      onChange: (e) => {
        update({ [name]: e.target.value } as Partial<D>);
        form.clearError(path);
      },
      error: message !== undefined,
      helperText: message ?? hint ?? undefined,
    };
  }

  return { ...form, draft, setDraft, update, bind };
}

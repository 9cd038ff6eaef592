import { z } from 'zod';
import { checkOrgNr } from '../../domain/orgnr';

// Messages zod writes itself (wrong type, unknown key …) come out in Swedish.
// Every schema imports this module, so the locale is set before any is used.
z.config(z.locales.sv());

/** Trimmed text that must not be empty; `label` names the field in the Swedish message. */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} måste vara text.` })
    .trim()
    .min(1, { error: `Ange ${label.toLowerCase()}.` })
    .max(max, { error: `${label} får vara högst ${max} tecken.` });
}

export function optionalText(label: string, max = 200) {
  return z
    .string({ error: `${label} måste vara text.` })
    .trim()
    .max(max, { error: `${label} får vara högst ${max} tecken.` })
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));
}

/** Organisationsnummer, normalised to NNNNNN-NNNN. */
export const orgNrSchema = z
  .string({ error: 'Organisationsnummer måste vara text.' })
  .transform((value, ctx) => {
    const checked = checkOrgNr(value);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }
    return checked.value;
  });

export const idSchema = z
  .number({ error: 'Id måste vara ett heltal.' })
  .int({ error: 'Id måste vara ett heltal.' })
  .positive({ error: 'Id måste vara ett positivt heltal.' });

export const emptyInput = z.object({}).strict();

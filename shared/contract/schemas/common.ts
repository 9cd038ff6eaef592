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
export const orgNrSchema = z.string({ error: 'Organisationsnummer måste vara text.' }).transform((value, ctx) => {
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

function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A date written as ÅÅÅÅ-MM-DD (ISO), checked to be a real date. */
export function isoDate(label: string) {
  return z
    .string({ error: `Ange ${label.toLowerCase()} som ÅÅÅÅ-MM-DD.` })
    .trim()
    .refine(isRealIsoDate, { error: `${label} ska vara ett riktigt datum, skrivet ÅÅÅÅ-MM-DD.` });
}

/** As isoDate, but empty or missing means "no date" (null). */
export function optionalIsoDate(label: string) {
  return z
    .string({ error: `${label} ska skrivas ÅÅÅÅ-MM-DD.` })
    .trim()
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v))
    .refine((v) => v === null || isRealIsoDate(v), { error: `${label} ska vara ett riktigt datum, skrivet ÅÅÅÅ-MM-DD.` });
}

/** Whole kronor, never a float (money rule). */
export function amountKr(label: string) {
  return z
    .number({ error: `${label} ska anges i hela kronor.` })
    .int({ error: `${label} ska anges i hela kronor.` })
    .min(0, { error: `${label} kan inte vara negativt.` })
    .max(1_000_000_000_000, { error: `${label} är orimligt stort.` });
}

export const emailSchema = optionalText('E-post', 200).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
  message: 'E-postadressen ser inte riktig ut.',
});

/**
 * Every write whose input holds free text carries this flag. When a text looks
 * like a personnummer the API refuses the write (code PERSONAL_DATA) unless the
 * user has confirmed that it must be kept.
 */
export const confirmPersonalData = z.boolean({ error: 'confirmPersonalData ska vara sant eller falskt.' }).optional();

/** Base64 of a file's bytes, as sent over IPC, HTTP and the CLI. */
export const base64Content = z
  .string({ error: 'Filens innehåll saknas.' })
  .max(70_000_000, { error: 'Filen är för stor (högst 50 MB).' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Filens innehåll är inte giltig base64.' });

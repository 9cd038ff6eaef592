import { z } from 'zod';
import { optionalText, requiredText } from './common';
import { checkOrgNr } from '../../domain/orgnr';

export const forbundSaveInput = z
  .object({
    name: requiredText('Förbundets namn', 160),
    orgNr: z
      .string({ error: 'Organisationsnummer måste vara text.' })
      .transform((value, ctx) => {
        if (value.trim() === '') return null;
        const checked = checkOrgNr(value);
        if (!checked.ok) {
          ctx.addIssue({ code: 'custom', message: checked.message });
          return z.NEVER;
        }
        return checked.value;
      }),
    address: optionalText('Adress', 300),
    email: optionalText('E-post', 200).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
      message: 'E-postadressen ser inte riktig ut.',
    }),
    phone: optionalText('Telefon', 40),
  })
  .strict();
export type ForbundSaveInput = z.input<typeof forbundSaveInput>;

export interface Forbund {
  name: string;
  orgNr: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  /** True while the database still holds the demo data created on first start. */
  isDemo: boolean;
  updatedAt: string;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  databasePath: string;
  user: string;
}

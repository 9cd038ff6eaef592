import { z } from 'zod';
import { confirmPersonalData, emailSchema, optionalText, requiredText, emptyInput } from './common';
import { checkDiaryFormat, DEFAULT_DIARY_FORMAT } from '../../domain/diarienummer';
import { checkOrgNr } from '../../domain/orgnr';
import { method, type MethodSpec } from '../define';

export const forbundSaveInput = z
  .object({
    name: requiredText('Förbundets namn', 160),
    orgNr: z.string({ error: 'Organisationsnummer måste vara text.' }).transform((value, ctx) => {
      if (value.trim() === '') return null;
      const checked = checkOrgNr(value);
      if (!checked.ok) {
        ctx.addIssue({ code: 'custom', message: checked.message });
        return z.NEVER;
      }
      return checked.value;
    }),
    address: optionalText('Adress', 300),
    email: emailSchema,
    phone: optionalText('Telefon', 40),
    /** Säte: the town written before the date of signed documents ("Uppsala 2018-03-16"). */
    city: optionalText('Säte (ort)', 80),
    diaryFormat: z
      .string({ error: 'Diarienummerformatet måste vara text.' })
      .trim()
      .default(DEFAULT_DIARY_FORMAT)
      .transform((v) => (v === '' ? DEFAULT_DIARY_FORMAT : v))
      .superRefine((v, ctx) => {
        const checked = checkDiaryFormat(v);
        if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message });
      }),
    /** Förslag till beslut as "att"-satser (as the seeds) or as numbered points. */
    proposalStyle: z.enum(['att', 'numrerad'], { error: 'Välj att-satser eller numrerade punkter.' }).default('att'),
    confirmPersonalData,
  })
  .strict();
export type ForbundSaveInput = z.input<typeof forbundSaveInput>;

export interface Forbund {
  name: string;
  orgNr: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  diaryFormat: string;
  proposalStyle: 'att' | 'numrerad';
  /** True while the database still holds the demo data created on first start. */
  isDemo: boolean;
  /** False while a new förbund has not finished Kom igång (the guide Översikt opens with). */
  setupDone: boolean;
  updatedAt: string;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  databasePath: string;
  user: string;
  /** Why the database is open read-only (shown as a banner; every save is refused), or null. */
  readOnly: string | null;
  /** A warning when the database lies on a network share, or null. */
  networkShare: string | null;
}

/** The API contract's forbund methods; shared/contract/methods.ts merges every area's. */
export const forbundMethods = {
  'app.info': method<AppInfo>()({
    description: 'Version, databasfil och användare.',
    input: emptyInput,
    writes: false,
  }),
  'forbund.get': method<Forbund>()({
    description: 'Förbundets uppgifter.',
    input: emptyInput,
    writes: false,
  }),
  'forbund.save': method<Forbund>()({
    description: 'Sparar förbundets uppgifter.',
    input: forbundSaveInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

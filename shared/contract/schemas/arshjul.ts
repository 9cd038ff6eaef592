import { z } from 'zod';
import { method, type MethodSpec } from '../define';
import { planYearSchema } from './verksamhetsplan';

/**
 * Årshjul: what the förbund's year asks and when — the plan and budget adopted, the
 * internkontrollplan, the delårsrapport, the bokslut and the årsredovisning to the members
 * and revisorer — with each date a setting of the förbund, and what is done, due or late.
 */

export const ARSHJUL_KEYS = ['bokslut', 'arsredovisning', 'delarsrapport', 'verksamhetsplan', 'internkontrollplan'] as const;
export type ArshjulKey = (typeof ARSHJUL_KEYS)[number];

export const ARSHJUL_DEFAULTS: Record<ArshjulKey, { label: string; monthDay: string }> = {
  bokslut: { label: 'Bokslut för föregående år', monthDay: '02-15' },
  arsredovisning: { label: 'Årsredovisning till medlemmarna och revisorerna', monthDay: '03-31' },
  delarsrapport: { label: 'Delårsrapport till styrelsen', monthDay: '10-31' },
  verksamhetsplan: { label: 'Verksamhetsplan och budget för nästa år fastställs', monthDay: '11-30' },
  internkontrollplan: { label: 'Riskanalys och internkontrollplan för nästa år', monthDay: '12-31' },
};

const monthDay = z
  .string()
  .trim()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'Skriv datumet som MM-DD, t.ex. 03-31.' });

export const arshjulInput = z.object({ year: planYearSchema }).strict();
export const arshjulSaveInput = z
  .object({
    year: planYearSchema,
    dates: z.array(z.object({ key: z.enum(ARSHJUL_KEYS), monthDay }).strict()).max(ARSHJUL_KEYS.length),
  })
  .strict();

export interface ArshjulItem {
  key: ArshjulKey;
  label: string;
  /** The year the item is about: the year before for the bokslut, the next for the plan. */
  aboutYear: number;
  dueOn: string;
  monthDay: string;
  status: 'klart' | 'sent' | 'kommande';
  /** What Kansli sees, in a sentence. */
  note: string;
  /** Where it is done: a section and route. */
  link: string[];
}

export interface ArshjulView {
  year: number;
  today: string;
  items: ArshjulItem[];
}

/** The API contract's årshjul methods; shared/contract/methods.ts merges every area's. */
export const arshjulMethods = {
  'arshjul.get': method<ArshjulView>()({
    description: 'Årshjulet: vad året kräver och när, och vad som är klart eller sent.',
    input: arshjulInput,
    writes: false,
  }),
  'arshjul.save': method<ArshjulView>()({
    description: 'Sparar förbundets datum i årshjulet (MM-DD).',
    input: arshjulSaveInput,
    writes: true,
  }),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

import { z } from 'zod';
import { isoDate } from './common';
import { method, type MethodSpec } from '../define';
import type { GeneratedFile } from './arendeblad';
import type { DocumentMeta } from './diarium';
import { planYearSchema } from './verksamhetsplan';

/**
 * Årsredovisning: the förbund's annual report assembled in seed 003's order from what
 * Kansli keeps — förvaltningsberättelse (texts carried from last year to edit; members,
 * board and kansli from the registers), måluppfyllelse, insatser, ekonomisk redogörelse,
 * resultaträkning, balansräkning, kassaflödesanalys, redovisningsprinciper, noter — and
 * underskrifter by every ordinarie ledamot, each in a signature field of their own.
 */

export const ARSREDOVISNING_TEXTS = ['inledning', 'arets_verksamhet', 'vasentliga_handelser', 'framtid', 'redovisningsprinciper'] as const;
export type ArsredovisningText = (typeof ARSREDOVISNING_TEXTS)[number];
export const ARSREDOVISNING_TEXT_LABELS: Record<ArsredovisningText, string> = {
  inledning: 'Uppdrag och inledning',
  arets_verksamhet: 'Årets verksamhet',
  vasentliga_handelser: 'Väsentliga händelser under året',
  framtid: 'Förväntad utveckling',
  redovisningsprinciper: 'Redovisningsprinciper',
};

/** The principles seed 003 states, as the first year's text. */
export const DEFAULT_REDOVISNINGSPRINCIPER = [
  'Redovisningen följer lagen om kommunal bokföring och redovisning (2018:597).',
  'Kända intäkter och kostnader har periodiserats och ännu ej uttagna semesterdagar har skuldförts.',
  'Avskrivning av inventarier med en förväntad livslängd över 3 år görs med 1/5-del av anskaffningsvärdet per år under 5 år från och med inköpsåret.',
  'Uppföljning av budget har ägt rum på resultatenhetsnivå.',
].join('\n\n');

export const arsredovisningInput = z
  .object({
    year: planYearSchema,
    /** The day the board signs; the ordinarie ledamöter of that day sign. */
    signedOn: isoDate('Datum för underskrifterna').optional(),
  })
  .strict();

export const arsredovisningTextsInput = z
  .object({
    year: planYearSchema,
    texts: z
      .object(
        Object.fromEntries(
          ARSREDOVISNING_TEXTS.map((k) => [k, z.string().trim().max(20_000, { error: 'Texten får vara högst 20 000 tecken.' }).optional()]),
        ) as Record<ArsredovisningText, z.ZodOptional<z.ZodString>>,
      )
      .strict(),
  })
  .strict();

export interface ArsredovisningPart {
  title: string;
  ready: boolean;
  /** What is missing, or where the part comes from. */
  note: string;
}

export interface ArsredovisningView {
  year: number;
  signedOn: string;
  /** The texts to edit; `carried` marks a text taken from last year's report, not yet saved for this one. */
  texts: { key: ArsredovisningText; label: string; text: string; carried: boolean }[];
  parts: ArsredovisningPart[];
  signers: { name: string; roleTitle: string | null; appointedBy: string }[];
  /** True when everything the report needs is there (the bokslut above all). */
  ready: boolean;
}

/** The API contract's årsredovisning methods; shared/contract/methods.ts merges every area's. */
export const arsredovisningMethods = {
  'arsredovisning.get': method<ArsredovisningView>()({
    description: 'Årsredovisningens delar för ett år: texterna, vad som finns och vad som saknas, och vilka som skriver under.',
    input: arsredovisningInput,
    writes: false,
  }),
  'arsredovisning.saveTexts': method<ArsredovisningView>()({
    description: 'Sparar förvaltningsberättelsens texter och redovisningsprinciperna för ett år.',
    input: arsredovisningTextsInput,
    writes: true,
  }),
  'arsredovisning.pdf': method<GeneratedFile>()({
    description: 'Årsredovisningen som PDF/A med innehållsförteckning och en underskriftsruta per ordinarie ledamot.',
    input: arsredovisningInput,
    writes: false,
  }),
  'arsredovisning.docx': method<GeneratedFile>()({
    description: 'Årsredovisningen som Word-dokument, med samma delar som PDF:en.',
    input: arsredovisningInput,
    writes: false,
  }),
  'arsredovisning.store': method<DocumentMeta>()({
    description: 'Lägger årsredovisningen i diariet (ärendet ”Årsredovisning ÅÅÅÅ”), färdig att signeras av ledamöterna i tur och ordning.',
    input: arsredovisningInput,
    writes: true,
  }),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

import { z } from 'zod';
import { idSchema } from './common';
import { method, type MethodSpec } from '../define';
import type { GeneratedFile } from './arendeblad';
import { planYearSchema, type MattSource, type MattUnit } from './verksamhetsplan';

/**
 * Måluppfyllelse: for an adopted verksamhetsplan, each mått's value for a period (delår or
 * helår), computed where Kansli keeps the data and typed where it does not, with a status
 * the rule suggests and the kansli confirms, and a kommentar — the table of seed 003's
 * "Mål 2017" (Resultatmål · Resultat · Status).
 */

export const PERIODS = ['delar', 'helar'] as const;
export type UppfoljningPeriod = (typeof PERIODS)[number];
export const PERIOD_LABELS: Record<UppfoljningPeriod, string> = { delar: 'Delår', helar: 'Helår' };

export const GOAL_STATUSES = ['uppfyllt', 'delvis', 'ej'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = { uppfyllt: 'Uppfyllt', delvis: 'Delvis uppfyllt', ej: 'Ej uppfyllt' };

const periodInput = {
  planId: idSchema,
  year: planYearSchema,
  period: z.enum(PERIODS, { error: 'Välj delår eller helår.' }).default('helar'),
  /** The last month of a delår (8: to 31 August); a helår ends in December. */
  toMonth: z.number().int().min(1).max(12).optional(),
};

export const maluppfyllelseInput = z.object(periodInput).strict();

export const entryInput = z
  .object({
    mattId: z.string().trim().min(1).max(40),
    /** A typed value; ignored for a mått whose value Kansli computes. */
    value: z.number({ error: 'Värdet ska vara ett tal.' }).finite().nullable().default(null),
    /** The result in words, as the report shows it: "Av 164 avslutade har 31 gått till arbete eller studier". */
    resultText: z.string().trim().max(2_000, { error: 'Resultatet får vara högst 2 000 tecken.' }).default(''),
    status: z.enum(GOAL_STATUSES, { error: 'Välj status.' }).nullable().default(null),
    kommentar: z.string().trim().max(5_000, { error: 'Kommentaren får vara högst 5 000 tecken.' }).default(''),
  })
  .strict();

export const maluppfyllelseSaveInput = z.object({ ...periodInput, entries: z.array(entryInput).max(400) }).strict();

export interface MaluppfyllelseRow {
  mattId: string;
  /** "Mål 2", "Resultatmål 2.1". */
  goalLabel: string;
  /** The övergripande mål the row belongs under. */
  goalText: string;
  /** The resultatmål or effektmål, or the mål itself when the mått hangs on it. */
  targetGoalText: string;
  mattText: string;
  unit: MattUnit;
  source: MattSource;
  /** The year's target in words: "minst 200", "minst som rikssnittet 2016 (33 %)". */
  targetText: string;
  /** Computed by Kansli (null when it has no data) or typed. */
  value: number | null;
  computed: boolean;
  /** Where a computed value comes from, or why there is none. */
  computedText: string | null;
  resultText: string;
  suggested: { status: GoalStatus; reason: string } | null;
  status: GoalStatus | null;
  kommentar: string;
  updatedAt: string | null;
}

export interface MaluppfyllelseView {
  planId: number;
  planTitle: string;
  year: number;
  period: UppfoljningPeriod;
  toMonth: number;
  /** "helåret 2017", "januari–augusti 2017". */
  periodLabel: string;
  rows: MaluppfyllelseRow[];
  /** Rows without a status yet. */
  open: number;
}

/** The API contract's måluppfyllelse methods; shared/contract/methods.ts merges every area's. */
export const maluppfyllelseMethods = {
  'maluppfyllelse.get': method<MaluppfyllelseView>()({
    description: 'Måluppfyllelsen för en period: varje mått med värde, förslag till status, status och kommentar.',
    input: maluppfyllelseInput,
    writes: false,
  }),
  'maluppfyllelse.save': method<MaluppfyllelseView>()({
    description: 'Sparar värden, status och kommentarer för en period.',
    input: maluppfyllelseSaveInput,
    writes: true,
  }),
  'maluppfyllelse.pdf': method<GeneratedFile>()({
    description: 'Måluppfyllelsen som tabell (Resultatmål · Resultat · Status), PDF/A.',
    input: maluppfyllelseInput,
    writes: false,
  }),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

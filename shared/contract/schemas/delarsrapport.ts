import { z } from 'zod';
import { method, type MethodSpec } from '../define';
import type { GeneratedFile } from './arendeblad';
import { planYearSchema } from './verksamhetsplan';
import { BUDGET_POSTS, type BudgetPost } from '../../domain/budget-posts';

/**
 * Delårsrapport: the year so far — the result per post for the period against the budget
 * spread over its months, a helårsprognos per post (typed, the budget until then), the
 * goals so far and the internkontroll so far. The period ends with the month the förbund
 * has chosen (its rule: 30 June or 31 August); the last choice is kept as the default.
 */

export const DELAR_MONTHS = [6, 8] as const;

export const delarsrapportInput = z
  .object({
    year: planYearSchema,
    /** The period's last month; the förbund's last choice (or August) when left out. */
    toMonth: z
      .number()
      .int()
      .min(1, { error: 'Delåret slutar med en månad 1–11.' })
      .max(11, { error: 'Delåret slutar senast i november; helåret är årsredovisningen.' })
      .optional(),
  })
  .strict();

export const delarsrapportSaveInput = z
  .object({
    year: planYearSchema,
    toMonth: z.number().int().min(1).max(11, { error: 'Delåret slutar senast i november; helåret är årsredovisningen.' }),
    prognos: z
      .array(
        z
          .object({
            post: z.enum(BUDGET_POSTS, { error: 'Välj en budgetpost.' }),
            /** Null: the budget is the prognos. */
            prognosKr: z.number({ error: 'Prognosen ska vara ett belopp i kronor.' }).int({ error: 'Prognosen anges i hela kronor.' }).nullable(),
            kommentar: z.string().trim().max(1_000).default(''),
          })
          .strict(),
      )
      .max(BUDGET_POSTS.length),
  })
  .strict();

export interface DelarsrapportRow {
  post: BudgetPost;
  label: string;
  side: 'intakt' | 'kostnad';
  budgetYearKr: number;
  /** The year's budget spread evenly over the period's months. */
  budgetPeriodKr: number;
  utfallPeriodKr: number;
  /** Utfall − periodens budget, as the post goes (a cost over budget is negative for the result). */
  avvikelseKr: number;
  prognosKr: number;
  prognosTyped: boolean;
  kommentar: string;
}

export interface DelarsrapportView {
  year: number;
  toMonth: number;
  /** "januari–augusti 2026". */
  periodLabel: string;
  rows: DelarsrapportRow[];
  result: { budgetYearKr: number; budgetPeriodKr: number; utfallPeriodKr: number; prognosKr: number };
  goals: { planTitle: string; rows: { goal: string; target: string; result: string; status: string }[] } | null;
  internkontroll: { process: string; moment: string; done: number; due: number; deviations: number; open: number }[];
}

/** The API contract's delårsrapport methods; shared/contract/methods.ts merges every area's. */
export const delarsrapportMethods = {
  'delarsrapport.get': method<DelarsrapportView>()({
    description: 'Delårsrapporten: resultat mot budget för perioden, helårsprognos, måluppfyllelse och internkontroll hittills.',
    input: delarsrapportInput,
    writes: false,
  }),
  'delarsrapport.save': method<DelarsrapportView>()({
    description: 'Sparar periodens slut och helårsprognosen per post.',
    input: delarsrapportSaveInput,
    writes: true,
  }),
  'delarsrapport.pdf': method<GeneratedFile>()({
    description: 'Delårsrapporten som PDF/A.',
    input: delarsrapportInput,
    writes: false,
  }),
  'delarsrapport.docx': method<GeneratedFile>()({
    description: 'Delårsrapporten som Word-dokument.',
    input: delarsrapportInput,
    writes: false,
  }),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

import { z } from 'zod';
import { idSchema, isoDate, optionalText, requiredText } from './common';
import { method, type MethodSpec } from '../define';
import type { GeneratedFile } from './arendeblad';
import type { Arendeblad } from './arendeblad';

/**
 * Verksamhetsplan: the förbund's plan for one to three years (seeds 001 and 004). A
 * vision and a strategi, free sections, and a goal tree — övergripande mål, then
 * effektmål and resultatmål, each with mått (a target per year) and aktiviteter —
 * optionally arranged in a styrkort of perspektiv. A förslag is edited; adopting it
 * makes a locked fastställd version, and a revision starts a new förslag from it.
 */

export const planYearSchema = z
  .number({ error: 'Ange året som ett heltal.' })
  .int({ error: 'Året ska vara ett heltal.' })
  .min(1990, { error: 'Året måste vara 1990 eller senare.' })
  .max(2100, { error: 'Året måste vara 2100 eller tidigare.' });

export const PLAN_STATUSES = ['forslag', 'faststalld', 'ersatt'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { forslag: 'Förslag', faststalld: 'Fastställd', ersatt: 'Ersatt av en revidering' };

export const GOAL_LEVELS = ['effektmal', 'resultatmal'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];
export const GOAL_LEVEL_LABELS: Record<GoalLevel, string> = { effektmal: 'Effektmål', resultatmal: 'Resultatmål' };

/** What a mått counts in. `text`: a mått judged in words (an enkät's answer, an assessment). */
export const MATT_UNITS = ['antal', 'andel', 'kr', 'text'] as const;
export type MattUnit = (typeof MATT_UNITS)[number];
export const MATT_UNIT_LABELS: Record<MattUnit, string> = { antal: 'Antal', andel: 'Andel (%)', kr: 'Kronor', text: 'Bedöms i ord' };

export const COMPARISONS = ['minst', 'hogst', 'lika_med'] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const COMPARISON_LABELS: Record<Comparison, string> = { minst: 'minst', hogst: 'högst', lika_med: 'lika med' };

/**
 * Where a mått's value comes from at uppföljning: typed by the kansli, or computed from
 * what Kansli keeps (the insatser's deltagare, the utfall).
 */
export const MATT_SOURCES = ['inskrivet', 'andel_arbete_studier', 'deltagare_kompetens', 'forbrukningskvot', 'ekonomiskt_resultat'] as const;
export type MattSource = (typeof MATT_SOURCES)[number];
export const MATT_SOURCE_LABELS: Record<MattSource, string> = {
  inskrivet: 'Skrivs in vid uppföljningen',
  andel_arbete_studier: 'Andel avslutade deltagare till arbete eller studier (insatserna)',
  deltagare_kompetens: 'Deltagare i kompetenshöjande insatser',
  forbrukningskvot: 'Förbrukningskvot (utfall mot budget)',
  ekonomiskt_resultat: 'Ekonomiskt resultat (utfall)',
};

const itemId = z.string().trim().max(40).optional();
const text = (label: string, max = 2_000) =>
  z
    .string({ error: `${label} måste vara text.` })
    .trim()
    .max(max, { error: `${label} får vara högst ${max} tecken.` });

/** A target for one year: a number, a text, or a reference ("rikssnittet 2016", 33 %). */
export const targetSchema = z
  .object({
    year: planYearSchema,
    value: z.number({ error: 'Målvärdet ska vara ett tal.' }).finite().nullable().default(null),
    text: text('Målet i ord', 300).default(''),
    reference: z
      .object({ label: requiredText('Referens', 120), value: z.number({ error: 'Referensens värde ska vara ett tal.' }).finite().nullable().default(null) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type PlanTarget = z.output<typeof targetSchema>;

export const mattSchema = z
  .object({
    id: itemId,
    text: requiredText('Mått', 500),
    unit: z.enum(MATT_UNITS, { error: 'Välj enhet för måttet.' }).default('antal'),
    comparison: z.enum(COMPARISONS, { error: 'Välj jämförelse.' }).default('minst'),
    source: z.enum(MATT_SOURCES, { error: 'Välj varifrån värdet kommer.' }).default('inskrivet'),
    targets: z.array(targetSchema).max(3).default([]),
  })
  .strict();
export type PlanMatt = z.output<typeof mattSchema> & { id: string };

export const aktivitetSchema = z
  .object({
    id: itemId,
    text: requiredText('Aktivitet', 500),
    ansvarig: text('Ansvarig', 120).default(''),
    senast: text('Klart senast', 40).default(''),
  })
  .strict();
export type PlanAktivitet = z.output<typeof aktivitetSchema> & { id: string };

export const subGoalSchema = z
  .object({
    id: itemId,
    level: z.enum(GOAL_LEVELS, { error: 'Välj effektmål eller resultatmål.' }).default('resultatmal'),
    text: requiredText('Målet', 1_000),
    /** The years it is for; empty: the whole period. */
    years: z.array(planYearSchema).max(3).default([]),
    matt: z.array(mattSchema).max(20).default([]),
    aktiviteter: z.array(aktivitetSchema).max(40).default([]),
  })
  .strict();

export const goalSchema = z
  .object({
    id: itemId,
    /** The styrkort's perspektiv it belongs to; null without a styrkort. */
    perspectiveId: z.string().trim().max(40).nullable().default(null),
    text: requiredText('Övergripande mål', 1_000),
    description: text('Beskrivning', 5_000).default(''),
    /** The years it is for; empty: the whole period. */
    years: z.array(planYearSchema).max(3).default([]),
    matt: z.array(mattSchema).max(20).default([]),
    aktiviteter: z.array(aktivitetSchema).max(40).default([]),
    subGoals: z.array(subGoalSchema).max(30).default([]),
  })
  .strict();

export const perspectiveSchema = z
  .object({
    id: itemId,
    name: requiredText('Perspektiv', 120),
    description: text('Beskrivning', 5_000).default(''),
    aktiviteter: z.array(aktivitetSchema).max(40).default([]),
  })
  .strict();

export const sectionSchema = z.object({ id: itemId, heading: requiredText('Rubrik', 200), body: text('Texten', 20_000).default('') }).strict();

export const planContentSchema = z
  .object({
    vision: text('Vision', 5_000).default(''),
    strategi: text('Strategi', 10_000).default(''),
    sections: z.array(sectionSchema).max(40).default([]),
    perspectives: z.array(perspectiveSchema).max(8).default([]),
    goals: z.array(goalSchema).max(40).default([]),
  })
  .strict();
export type PlanContentInput = z.input<typeof planContentSchema>;

export interface PlanSubGoal {
  id: string;
  level: GoalLevel;
  text: string;
  years: number[];
  matt: PlanMatt[];
  aktiviteter: PlanAktivitet[];
}
export interface PlanGoal {
  id: string;
  perspectiveId: string | null;
  text: string;
  description: string;
  years: number[];
  matt: PlanMatt[];
  aktiviteter: PlanAktivitet[];
  subGoals: PlanSubGoal[];
}
export interface PlanPerspective {
  id: string;
  name: string;
  description: string;
  aktiviteter: PlanAktivitet[];
}
export interface PlanSection {
  id: string;
  heading: string;
  body: string;
}
/** The plan's text and goal tree, every item with an id that stays through revisions. */
export interface PlanContent {
  vision: string;
  strategi: string;
  sections: PlanSection[];
  perspectives: PlanPerspective[];
  goals: PlanGoal[];
}

export interface PlanProblem {
  /** Where, in words: "Mål 2, mått 1". */
  where: string;
  message: string;
}

export interface PlanListItem {
  id: number;
  title: string;
  firstYear: number;
  lastYear: number;
  status: PlanStatus;
  version: number;
  adoptedOn: string | null;
  goalCount: number;
  updatedAt: string;
}

export interface Verksamhetsplan extends PlanListItem {
  content: PlanContent;
  /** What stops it from being adopted; empty when it can be. */
  problems: PlanProblem[];
  adoptedParagraph: string | null;
  revisionOf: number | null;
  basedOn: number | null;
  arendebladId: number | null;
  revision: number;
  updatedBy: string;
}

const period = {
  firstYear: planYearSchema,
  lastYear: planYearSchema,
};
function periodCheck(p: { firstYear: number; lastYear: number }, ctx: z.RefinementCtx): void {
  if (p.lastYear < p.firstYear) ctx.addIssue({ code: 'custom', path: ['lastYear'], message: 'Planen kan inte sluta före det år den börjar.' });
  else if (p.lastYear - p.firstYear > 2) ctx.addIssue({ code: 'custom', path: ['lastYear'], message: 'En verksamhetsplan gäller ett till tre år.' });
}

export const planCreateInput = z
  .object({
    ...period,
    title: optionalText('Rubrik', 200),
    /** Utgå från föregående år: the latest plan before this period, carried forward. */
    fromPrevious: z.boolean().default(false),
    /** A styrkort with the four perspektiv of seed 004 to start from. */
    styrkort: z.boolean().default(false),
  })
  .strict()
  .superRefine(periodCheck);

export const planSaveInput = z
  .object({
    id: idSchema,
    /** The revision the writer started from: a newer one in the database means someone else saved. */
    revision: z.number().int().positive(),
    title: requiredText('Rubrik', 200),
    ...period,
    content: planContentSchema,
  })
  .strict()
  .superRefine(periodCheck);

export const planIdInput = z.object({ id: idSchema }).strict();
export const planAdoptInput = z
  .object({
    id: idSchema,
    revision: z.number().int().positive(),
    adoptedOn: isoDate('Beslutsdatum'),
    /** The board's decision: "§ 12". */
    paragraph: optionalText('Paragraf', 40),
  })
  .strict();
export const planRemoveInput = z.object({ id: idSchema, revision: z.number().int().positive() }).strict();

/** The API contract's verksamhetsplan methods; shared/contract/methods.ts merges every area's. */
export const verksamhetsplanMethods = {
  'verksamhetsplan.list': method<PlanListItem[]>()({
    description: 'Verksamhetsplanerna, den senaste perioden först.',
    input: z.object({}).strict(),
    writes: false,
  }),
  'verksamhetsplan.get': method<Verksamhetsplan>()({
    description: 'En verksamhetsplan med vision, avsnitt, mål, mått och aktiviteter.',
    input: planIdInput,
    writes: false,
  }),
  'verksamhetsplan.create': method<Verksamhetsplan>()({
    description: 'Nytt förslag till verksamhetsplan, tomt, med styrkort, eller utgående från föregående plan.',
    input: planCreateInput,
    writes: true,
  }),
  'verksamhetsplan.save': method<Verksamhetsplan>()({
    description: 'Sparar ett förslag (rubrik, period, texter och målträd).',
    input: planSaveInput,
    writes: true,
  }),
  'verksamhetsplan.adopt': method<Verksamhetsplan>()({
    description: 'Fastställer förslaget: det låses, och en tidigare fastställd version av samma plan ersätts.',
    input: planAdoptInput,
    writes: true,
  }),
  'verksamhetsplan.revise': method<Verksamhetsplan>()({
    description: 'Revidering: ett nytt förslag som utgår från en fastställd plan.',
    input: planIdInput,
    writes: true,
  }),
  'verksamhetsplan.remove': method<{ removed: true }>()({
    description: 'Tar bort ett förslag som inte är fastställt.',
    input: planRemoveInput,
    writes: true,
  }),
  'verksamhetsplan.pdf': method<GeneratedFile>()({
    description: 'Verksamhetsplanen som PDF/A (A4).',
    input: planIdInput,
    writes: false,
  }),
  'verksamhetsplan.docx': method<GeneratedFile>()({
    description: 'Verksamhetsplanen som Word-dokument.',
    input: planIdInput,
    writes: false,
  }),
  'verksamhetsplan.arendeblad': method<Arendeblad>()({
    description: 'Skriver ärendebladet ”Verksamhetsplan och budget ÅÅÅÅ” med budgeten från Ekonomi och planen som bilaga.',
    input: planIdInput,
    writes: true,
  }),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

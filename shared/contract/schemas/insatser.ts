import { z } from 'zod';
import type { ByKon, ParticipantTotals } from '../../domain/insats-figures';
import { chartPictures, type Arendeblad } from './arendeblad';
import { amountKr, confirmPersonalData, idSchema, isoDate, optionalText, requiredText } from './common';
import { method, type MethodSpec } from '../define';

/** Ansökningar and insatser: intake, beredning, beslut, the insats and its follow-up. */

export const APPLICATION_KINDS = ['ny', 'tillagg', 'forlangning'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = { ny: 'Ny ansökan', tillagg: 'Tilläggsansökan', forlangning: 'Förlängning' };
/** The ärendeblad template the board's decision on each kind of ansökan is written from. */
export const APPLICATION_TEMPLATES = { ny: 'beviljande_av_ansokan', tillagg: 'tillaggsansokan', forlangning: 'tillaggsansokan' } as const satisfies Record<
  ApplicationKind,
  string
>;

export const KATEGORIER = ['individ', 'struktur', 'kompetens'] as const;
export type Kategori = (typeof KATEGORIER)[number];
export const KATEGORI_LABELS: Record<Kategori, string> = { individ: 'Individinriktad', struktur: 'Strukturinriktad', kompetens: 'Kompetenshöjande' };

/** How the årsredovisning groups the insatser (seed 003: Långsiktig samverkan, Projektverksamhet, Övriga utvecklingsinsatser). */
export const INSATS_FORMS = ['langsiktig', 'projekt', 'ovrig'] as const;
export type InsatsForm = (typeof INSATS_FORMS)[number];
export const INSATS_FORM_LABELS: Record<InsatsForm, string> = {
  langsiktig: 'Långsiktig samverkan',
  projekt: 'Projektverksamhet',
  ovrig: 'Övriga utvecklingsinsatser',
};
/** A new insats's form until the kansli says otherwise: an individinriktad insats is a projekt, the others övriga. */
export function defaultInsatsForm(kategori: Kategori): InsatsForm {
  return kategori === 'individ' ? 'projekt' : 'ovrig';
}

export const APPLICATION_STATUSES = ['inkommen', 'under_beredning', 'beviljad', 'delvis_beviljad', 'avslagen'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  inkommen: 'Inkommen',
  under_beredning: 'Under beredning',
  beviljad: 'Beviljad',
  delvis_beviljad: 'Delvis beviljad',
  avslagen: 'Avslagen',
};

export const INSATS_STATUSES = ['planerad', 'pagaende', 'avslutad', 'avbruten'] as const;
export type InsatsStatus = (typeof INSATS_STATUSES)[number];
export const INSATS_STATUS_LABELS: Record<InsatsStatus, string> = { planerad: 'Planerad', pagaende: 'Pågående', avslutad: 'Avslutad', avbruten: 'Avbruten' };

/** The beredning checklist the förbundschef works through. */
export const CHECKLIST = [
  { key: 'inriktning', label: 'Passar årets inriktning och prioriterade målgrupper' },
  { key: 'matbara_mal', label: 'Målen är mätbara (effektmål och insatsmål)' },
  { key: 'sus', label: 'Deltagarna registreras i SUS (individinriktad insats)' },
  { key: 'parter', label: 'Alla parter i lokusgruppen står bakom ansökan' },
  { key: 'budget', label: 'Budgeten är rimlig för insatsen' },
] as const;
export type ChecklistKey = (typeof CHECKLIST)[number]['key'];

const yearSchema = z.number({ error: 'Året ska vara ett heltal.' }).int({ error: 'Året ska vara ett heltal.' }).min(1990).max(2100);

export const applicationSaveInput = z
  .object({
    id: idSchema.optional(),
    /**
     * The ärende already in the diarium that the ansökan came in as (an inkommande handling
     * registered on arrival). Without it a new ärende is registered. Only when registering.
     */
    arendeId: idSchema.optional(),
    kind: z.enum(APPLICATION_KINDS, { error: 'Välj typ av ansökan.' }),
    /** The insats a tilläggsansökan or förlängning belongs to. */
    insatsId: idSchema.nullable().default(null),
    name: requiredText('Insatsens namn', 200),
    kategori: z.enum(KATEGORIER, { error: 'Välj kategori: individinriktad, strukturinriktad eller kompetenshöjande.' }),
    parties: z.array(idSchema).max(30),
    ownerMemberId: idSchema.nullable().default(null),
    malgrupp: optionalText('Målgrupp', 2_000),
    syfte: optionalText('Syfte', 4_000),
    priorityGroupIds: z.array(idSchema).max(20).default([]),
    effektmal: z.array(requiredText('Effektmålet', 1_000)).max(20).default([]),
    insatsmal: z.array(requiredText('Insatsmålet', 1_000)).max(20).default([]),
    startsOn: isoDate('Periodens början'),
    endsOn: isoDate('Periodens slut'),
    years: z
      .array(
        z
          .object({
            year: yearSchema,
            soughtKr: amountKr('Sökt belopp'),
            ownKr: amountKr('Egenfinansiering').default(0),
            participants: z
              .number({ error: 'Antal deltagare ska vara ett heltal.' })
              .int({ error: 'Antal deltagare ska vara ett heltal.' })
              .min(0, { error: 'Antal deltagare kan inte vara negativt.' })
              .nullable()
              .default(null),
          })
          .strict(),
      )
      .min(1, { error: 'Ange sökt belopp för minst ett år.' })
      .max(10),
    sus: z.boolean({ error: 'Ange om deltagarna registreras i SUS.' }),
    lokusAgrees: z.boolean({ error: 'Ange om alla parter i lokusgruppen står bakom ansökan.' }),
    receivedOn: isoDate('Inkom'),
    confirmPersonalData,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.endsOn < a.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Periodens slut kan inte vara före dess början.' });
    if (a.kind !== 'ny' && a.insatsId === null) ctx.addIssue({ code: 'custom', path: ['insatsId'], message: 'Välj den insats som ansökan gäller.' });
    const parties = new Set(a.parties);
    if (parties.size === 0) ctx.addIssue({ code: 'custom', path: ['parties'], message: 'Ange samverkansparterna.' });
    else if (parties.size < 2) ctx.addIssue({ code: 'custom', path: ['parties'], message: 'En samverkansinsats har minst två samverkansparter.' });
    if (a.ownerMemberId === null) ctx.addIssue({ code: 'custom', path: ['ownerMemberId'], message: 'Ange insatsägare.' });
    else if (!parties.has(a.ownerMemberId))
      ctx.addIssue({ code: 'custom', path: ['ownerMemberId'], message: 'Insatsägaren måste vara en av samverkansparterna.' });
    const seen = new Set<number>();
    const first = Number(a.startsOn.slice(0, 4));
    const last = Number(a.endsOn.slice(0, 4));
    a.years.forEach((y, i) => {
      if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `${y.year} står två gånger.` });
      seen.add(y.year);
      if (y.year < first || y.year > last)
        ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `${y.year} ligger utanför insatsens period (${a.startsOn} till ${a.endsOn}).` });
    });
  });
export type ApplicationSaveInput = z.input<typeof applicationSaveInput>;

export const applicationIdInput = z.object({ id: idSchema }).strict();
export const applicationsListInput = z.object({ status: z.enum(APPLICATION_STATUSES).optional() }).strict();

export const checklistSaveInput = z
  .object({
    id: idSchema,
    items: z.partialRecord(
      z.enum(CHECKLIST.map((c) => c.key) as [ChecklistKey, ...ChecklistKey[]]),
      z.object({ ok: z.boolean().nullable(), note: optionalText('Anteckning', 1_000) }).strict(),
    ),
    confirmPersonalData,
  })
  .strict();

/** Bifall, delvis bifall with lower amounts, or avslag with a reason; by the board or under delegation. */
export const applicationDecideInput = z
  .object({
    id: idSchema,
    by: z.enum(['styrelse', 'delegation'], { error: 'Välj om styrelsen beslutar eller om beslutet fattas på delegation.' }),
    outcome: z.enum(['bifall', 'delvis', 'avslag'], { error: 'Välj bifall, delvis bifall eller avslag.' }),
    /** For delvis bifall: the granted amount per year (whole kronor, at most what was sought). */
    granted: z
      .array(z.object({ year: yearSchema, amountKr: amountKr('Beviljat belopp') }).strict())
      .max(10)
      .default([]),
    reason: optionalText('Motivering', 4_000),
    decidedOn: isoDate('Beslutsdatum'),
    /** Under delegation: the point of the delegationsordning. */
    delegationId: idSchema.optional(),
    confirmPersonalData,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.outcome === 'avslag' && d.reason === null) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Ange skälet till avslaget.' });
    if (d.outcome === 'delvis' && d.granted.length === 0)
      ctx.addIssue({ code: 'custom', path: ['granted'], message: 'Ange beviljat belopp per år vid delvis bifall.' });
    if (d.by === 'delegation' && d.delegationId === undefined)
      ctx.addIssue({ code: 'custom', path: ['delegationId'], message: 'Välj punkt i delegationsordningen.' });
  });

/** The board's ärendeblad before the meeting: the outcome and amounts the förbundschef proposes. */
export const applicationProposalInput = z
  .object({
    id: idSchema,
    outcome: z.enum(['bifall', 'delvis', 'avslag'], { error: 'Välj bifall, delvis bifall eller avslag.' }),
    granted: z
      .array(z.object({ year: yearSchema, amountKr: amountKr('Beviljat belopp') }).strict())
      .max(10)
      .default([]),
    reason: optionalText('Motivering', 4_000),
    datum: isoDate('Ärendebladets datum'),
    confirmPersonalData,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.outcome === 'avslag' && d.reason === null) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Ange skälet till avslaget.' });
    if (d.outcome === 'delvis' && d.granted.length === 0)
      ctx.addIssue({ code: 'custom', path: ['granted'], message: 'Ange beviljat belopp per år vid delvis bifall.' });
  });

export interface ApplicationYear {
  year: number;
  soughtKr: number;
  ownKr: number;
  participants: number | null;
  grantedKr: number | null;
}

export interface ChecklistItem {
  key: ChecklistKey;
  label: string;
  ok: boolean | null;
  note: string | null;
}

export interface Goal {
  id: number;
  kind: 'effektmal' | 'insatsmal';
  text: string;
  outcome: 'uppfyllt' | 'delvis' | 'ej_uppfyllt' | null;
  outcomeNote: string | null;
}

export interface Application {
  id: number;
  arendeId: number;
  diarienummer: string;
  kind: ApplicationKind;
  insatsId: number | null;
  insatsName: string | null;
  name: string;
  kategori: Kategori;
  parties: { memberId: number; name: string }[];
  ownerMemberId: number;
  ownerName: string;
  malgrupp: string | null;
  syfte: string | null;
  priorityGroups: { id: number; name: string }[];
  goals: Goal[];
  startsOn: string;
  endsOn: string;
  years: ApplicationYear[];
  soughtTotalKr: number;
  sus: boolean;
  lokusAgrees: boolean;
  receivedOn: string;
  status: ApplicationStatus;
  checklist: ChecklistItem[];
  /** The ärendeblad to the board in the ansökan's ärende, once written (before or with the decision). */
  arendebladId: number | null;
  decision: { on: string; by: 'styrelse' | 'delegation'; reason: string | null; arendebladId: number | null; delegationDecisionId: number | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface PriorityGroup {
  id: number;
  year: number;
  name: string;
}

export const priorityGroupsInput = z.object({ year: yearSchema }).strict();
export const priorityGroupsSaveInput = z.object({ year: yearSchema, names: z.array(requiredText('Målgruppen', 200)).max(20), confirmPersonalData }).strict();

export interface InsatsBudgetYear {
  year: number;
  /** Granted by every decision behind the insats (the first ansökan and its tilläggsansökningar). */
  budgetKr: number;
}

export interface Insats {
  id: number;
  name: string;
  kategori: Kategori;
  form: InsatsForm;
  ownerMemberId: number;
  ownerName: string;
  startsOn: string;
  endsOn: string;
  status: InsatsStatus;
  styrgrupp: string | null;
  budget: InsatsBudgetYear[];
  budgetTotalKr: number;
  applications: { id: number; arendeId: number; diarienummer: string; kind: ApplicationKind; status: ApplicationStatus; grantedKr: number }[];
}

export const insatsIdInput = z.object({ id: idSchema }).strict();
export const insatserListInput = z.object({}).strict();

// ——— Follow-up ———

export const insatsUpdateInput = z
  .object({
    id: idSchema,
    status: z.enum(INSATS_STATUSES, { error: 'Välj status: planerad, pågående, avslutad eller avbruten.' }),
    /** How the årsredovisning reports it; unchanged when left out. */
    form: z.enum(INSATS_FORMS, { error: 'Välj hur insatsen redovisas: långsiktig samverkan, projektverksamhet eller övriga utvecklingsinsatser.' }).optional(),
    styrgrupp: optionalText('Styrgrupp', 2_000),
    confirmPersonalData,
  })
  .strict();

export const requisitionSaveInput = z
  .object({
    id: idSchema.optional(),
    insatsId: idSchema,
    paidOn: isoDate('Utbetalningsdag'),
    amountKr: amountKr('Belopp').refine((v) => v > 0, { error: 'Beloppet ska vara större än noll.' }),
    periodFrom: isoDate('Periodens början'),
    periodTo: isoDate('Periodens slut'),
    note: optionalText('Anteckning', 500),
    confirmPersonalData,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.periodTo < r.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'Periodens slut kan inte vara före dess början.' });
  });
export const requisitionIdInput = z.object({ id: idSchema }).strict();

const count = (label: string) =>
  z
    .number({ error: `${label} ska vara ett heltal.` })
    .int({ error: `${label} ska vara ett heltal.` })
    .min(0, { error: `${label} kan inte vara negativt.` })
    .max(1_000_000);

/** Aggregates only: counts, never a person. */
export const participantsSaveInput = z
  .object({
    insatsId: idSchema,
    year: yearSchema,
    deltagare: count('Antal deltagare'),
    kvinnor: count('Kvinnor'),
    man: count('Män'),
    avslutade: count('Avslutade'),
    tillArbete: count('Till arbete'),
    tillStudier: count('Till studier'),
    /** Optional: of those who ended, women and men, and how many of each went to work or studies. */
    byKon: z
      .object({
        avslutadeKvinnor: count('Avslutade kvinnor'),
        avslutadeMan: count('Avslutade män'),
        arbeteStudierKvinnor: count('Kvinnor till arbete eller studier'),
        arbeteStudierMan: count('Män till arbete eller studier'),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export const goalOutcomeInput = z
  .object({
    id: idSchema,
    outcome: z.enum(['uppfyllt', 'delvis', 'ej_uppfyllt'], { error: 'Välj uppfyllt, delvis eller ej uppfyllt.' }).nullable(),
    note: optionalText('Kommentar', 2_000),
    confirmPersonalData,
  })
  .strict();

export const REPORT_KINDS = ['arsrapport', 'slutrapport', 'avvikelse'] as const;
export const REPORT_LABELS: Record<(typeof REPORT_KINDS)[number], string> = {
  arsrapport: 'Årsrapport',
  slutrapport: 'Slutrapport',
  avvikelse: 'Avvikelserapport',
};

export const reportAddInput = z
  .object({
    insatsId: idSchema,
    kind: z.enum(REPORT_KINDS, { error: 'Välj årsrapport, slutrapport eller avvikelserapport.' }),
    year: yearSchema.nullable().default(null),
    receivedOn: isoDate('Inkom'),
    text: optionalText('Sammanfattning', 4_000),
    /** The report as a handling in the diarium. */
    documentId: idSchema.nullable().default(null),
    confirmPersonalData,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.kind === 'arsrapport' && r.year === null) ctx.addIssue({ code: 'custom', path: ['year'], message: 'Ange vilket år årsrapporten gäller.' });
    if (r.kind === 'avvikelse' && r.text === null) ctx.addIssue({ code: 'custom', path: ['text'], message: 'Beskriv avvikelsen.' });
  });

export const targetsSaveInput = z
  .object({
    year: yearSchema,
    /** The target share to work or studies, e.g. 0.34 for the rikssnitt 34 %. */
    workStudyTarget: z.number().min(0, { error: 'Målet kan inte vara negativt.' }).max(1, { error: 'Målet anges som andel, högst 1 (100 %).' }).nullable(),
    guideline: z
      .object({ individ: z.number().int().min(0).max(100), struktur: z.number().int().min(0).max(100), kompetens: z.number().int().min(0).max(100) })
      .strict()
      .refine((g) => g.individ + g.struktur + g.kompetens === 100, { error: 'Riktlinjens andelar ska bli 100 % tillsammans.' }),
    confirmPersonalData,
  })
  .strict();

export const overviewInput = z.object({ year: yearSchema }).strict();
export const evaluationPmInput = z
  .object({
    year: yearSchema,
    halvar: z.union([z.literal(1), z.literal(2)], { error: 'Välj första halvåret (1) eller helåret (2).' }),
    /** The overview's charts (e.g. the split by kategori), as pictures under Statistik och kostnader. */
    charts: chartPictures,
  })
  .strict();

export interface Requisition {
  id: number;
  paidOn: string;
  amountKr: number;
  periodFrom: string;
  periodTo: string;
  note: string | null;
}

export type { ByKon };

/** One year's deltagare of an insats: counts only, never individuals. */
export type ParticipantYear = ParticipantTotals & { year: number; byKon: ByKon | null };

export interface InsatsReport {
  id: number;
  kind: (typeof REPORT_KINDS)[number];
  year: number | null;
  receivedOn: string;
  text: string | null;
  documentId: number | null;
}

export interface InsatsDetail extends Insats {
  requisitions: Requisition[];
  /** Per year: budget, utfall (the requisitions paid that year) and förbrukningskvot. */
  /** Per year: utfall as booked (Ekonomi → Utfall), the rekvisitioner paid out beside it, and the difference to reconcile. */
  economy: { year: number; budgetKr: number; utfallKr: number; rekvisitionerKr: number; skillnadKr: number; kvot: number | null }[];
  /** Booked utfall over the insats's life. */
  utfallTotalKr: number;
  rekvisitionerTotalKr: number;
  kvot: number | null;
  participants: ParticipantYear[];
  goals: Goal[];
  reports: InsatsReport[];
}

export interface OverviewRow {
  insatsId: number;
  name: string;
  kategori: Kategori;
  status: InsatsStatus;
  budgetKr: number;
  utfallKr: number;
  kvot: number | null;
  deltagare: number;
  kvinnor: number;
  man: number;
  avslutade: number;
  tillArbeteStudier: number;
  workStudyShare: number | null;
  /** The share to work or studies for women and men, where the insats reports it by kön. */
  workStudyShareKvinnor: number | null;
  workStudyShareMan: number | null;
  costPerParticipant: number | null;
}

export interface Overview {
  year: number;
  rows: OverviewRow[];
  total: Omit<OverviewRow, 'insatsId' | 'name' | 'kategori' | 'status'>;
  workStudyTarget: number | null;
  guideline: Record<Kategori, number>;
  split: { kategori: Kategori; grantedKr: number; share: number; guideline: number; deviationPoints: number }[];
}

/** The API contract's insatser methods; shared/contract/methods.ts merges every area's. */
export const insatserMethods = {
  'insatser.priorityGroups': method<PriorityGroup[]>()({
    description: 'Styrelsens prioriterade målgrupper för ett år.',
    input: priorityGroupsInput,
    writes: false,
  }),
  'insatser.savePriorityGroups': method<PriorityGroup[]>()({
    description: 'Sparar årets prioriterade målgrupper. En målgrupp som anges i en ansökan kan inte tas bort.',
    input: priorityGroupsSaveInput,
    writes: true,
  }),
  'insatser.applications': method<Application[]>()({
    description: 'Ansökningarna, den senast inkomna först.',
    input: applicationsListInput,
    writes: false,
  }),
  'insatser.application': method<Application>()({
    description: 'En ansökan med parter, mål, belopp per år, beredning och beslut.',
    input: applicationIdInput,
    writes: false,
  }),
  'insatser.saveApplication': method<Application>()({
    description: 'Registrerar en inkommen ansökan (och dess ärende i diariet) eller ändrar en som inte är beslutad.',
    input: applicationSaveInput,
    writes: true,
  }),
  'insatser.checklist': method<Application>()({
    description: 'Sparar beredningens checklista.',
    input: checklistSaveInput,
    writes: true,
  }),
  'insatser.proposal': method<Application>()({
    description: 'Skriver ärendebladet till styrelsen ur ansökan, med föreslaget belopp, period och villkor.',
    input: applicationProposalInput,
    writes: true,
  }),
  'insatser.decide': method<Application>()({
    description: 'Beslut om ansökan: bifall, delvis bifall eller avslag, av styrelsen eller på delegation. Bifall ger en insats.',
    input: applicationDecideInput,
    writes: true,
  }),
  'insatser.list': method<Insats[]>()({
    description: 'Insatserna med beviljad budget per år.',
    input: insatserListInput,
    writes: false,
  }),
  'insatser.get': method<Insats>()({
    description: 'En insats med budget per år och de ansökningar den bygger på.',
    input: insatsIdInput,
    writes: false,
  }),
  'insatser.detail': method<InsatsDetail>()({
    description: 'En insats med uppföljning: budget och utfall per år, förbrukningskvot, deltagare, mål, rapporter.',
    input: insatsIdInput,
    writes: false,
  }),
  'insatser.update': method<InsatsDetail>()({
    description: 'Ändrar insatsens status och styrgrupp.',
    input: insatsUpdateInput,
    writes: true,
  }),
  'insatser.saveRequisition': method<InsatsDetail>()({
    description: 'Registrerar eller ändrar en rekvisition (utfall) för en insats.',
    input: requisitionSaveInput,
    writes: true,
  }),
  'insatser.removeRequisition': method<InsatsDetail>()({
    description: 'Tar bort en rekvisition.',
    input: requisitionIdInput,
    writes: true,
  }),
  'insatser.saveParticipants': method<InsatsDetail>()({
    description: 'Deltagaruppgifter för ett år, bara antal: deltagare, kvinnor, män, avslutade, till arbete och till studier.',
    input: participantsSaveInput,
    writes: true,
  }),
  'insatser.goalOutcome': method<InsatsDetail>()({
    description: 'Utfallet för ett effektmål eller insatsmål: uppfyllt, delvis eller ej uppfyllt.',
    input: goalOutcomeInput,
    writes: true,
  }),
  'insatser.report': method<InsatsDetail>()({
    description: 'Registrerar en inkommen årsrapport, slutrapport eller avvikelserapport.',
    input: reportAddInput,
    writes: true,
  }),
  'insatser.targets': method<Overview>()({
    description: 'Årets mål för andel till arbete eller studier och riktlinjen för fördelningen per kategori.',
    input: targetsSaveInput,
    writes: true,
  }),
  'insatser.overview': method<Overview>()({
    description:
      'Översikt över årets insatser: budget, utfall, förbrukningskvot, deltagare, andel till arbete/studier, kostnad per deltagare och fördelning per kategori.',
    input: overviewInput,
    writes: false,
  }),
  'insatser.pm': method<Arendeblad>()({
    description: 'Skriver halvårets utvärderings-PM som ärendeblad, med översiktens siffror.',
    input: evaluationPmInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

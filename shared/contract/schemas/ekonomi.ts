import { z } from 'zod';
import { BUDGET_POSTS, type BudgetPost, type PostGroup } from '../../domain/budget-posts';
import type { BeslutsutrymmeTable, TypedProblem } from '../../domain/beslutsutrymme';
import type { HistoryRow, PostComparison, Warning } from '../../domain/ekonomi';
import { chartPictures, type Arendeblad } from './arendeblad';
import { amountKr, base64Content, confirmPersonalData, idSchema, isoDate, optionalIsoDate, optionalText, requiredText, emptyInput } from './common';
import type { ExportFile } from './xlsx';
import { method, type MethodSpec } from '../define';

/** Ekonomi: medlemsavgifter, årsbudget, utfall and imports, budget mot utfall, beslutsutrymme. */

const yearSchema = z
  .number({ error: 'Ange året som ett heltal.' })
  .int({ error: 'Året ska vara ett heltal.' })
  .min(1990, { error: 'Året måste vara 1990 eller senare.' })
  .max(2100, { error: 'Året måste vara 2100 eller tidigare.' });

const postSchema = z.enum(BUDGET_POSTS, { error: 'Välj en budgetpost.' });

/** A signed amount in kronor (utfall may be negative, e.g. a credit note). */
const signedKr = (label: string) =>
  z
    .number({ error: `${label} ska anges i kronor.` })
    .refine((v) => Number.isFinite(v) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: `${label} får ha högst två decimaler (öre).` })
    .refine((v) => Math.abs(v) < 1e11, { error: `${label} är orimligt stort.` });

// ---------------------------------------------------------------- medlemsavgifter

export const feeGetInput = z
  .object({
    year: yearSchema,
    /** A total to preview the split of, without saving. */
    totalKr: z.number().optional(),
    populationYear: yearSchema.optional(),
  })
  .strict();

export const feeSaveInput = z
  .object({
    year: yearSchema,
    totalKr: z
      .number({ error: 'Ange den totala medlemsavgiften i hela kronor.' })
      .int({ error: 'Den totala medlemsavgiften ska vara ett heltal i kronor.' })
      .positive({ error: 'Den totala medlemsavgiften ska vara större än noll.' })
      .max(10_000_000_000, { error: 'Den totala medlemsavgiften är orimligt stor.' }),
    /** Folkmängd on 1 November of this year splits the kommuner's part; default the year before. */
    populationYear: yearSchema.optional(),
    dueOn: optionalIsoDate('Förfallodag'),
    status: z.enum(['preliminar', 'faststalld'], { error: 'Välj preliminär eller fastställd.' }).default('preliminar'),
  })
  .strict();

export const feeYearInput = z.object({ year: yearSchema }).strict();

export interface FeeShareView {
  memberId: number;
  name: string;
  kind: 'stat' | 'region' | 'kommun';
  population: number | null;
  /** Share of the kommuner's folkmängd (kommuner only). */
  populationShare: number | null;
  amountKr: number;
  previousKr: number | null;
}

export interface FeeView {
  year: number;
  populationYear: number;
  /** Why the fee is split on another year's folkmängd than the year before's; null when it is not. */
  populationNote: string | null;
  /** Saved, or previewed if not saved. */
  saved: boolean;
  status: 'preliminar' | 'faststalld' | null;
  dueOn: string | null;
  totalKr: number | null;
  statKr: number | null;
  regionKr: number | null;
  kommunerKr: number | null;
  populationTotal: number | null;
  /** E.g. "FK och AF genom FK". */
  statLabel: string;
  shares: FeeShareView[];
  previous: { year: number; totalKr: number; statKr: number; regionKr: number; kommunerKr: number } | null;
  /** Why no split can be made (missing folkmängd …); empty when it can. */
  problems: { path: string; message: string }[];
  arendebladId: number | null;
  years: number[];
}

// ---------------------------------------------------------------- budget

const budgetLines = z
  .array(z.object({ post: postSchema, amountKr: amountKr('Beloppet') }).strict())
  .max(BUDGET_POSTS.length)
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((l, i) => {
      if (seen.has(l.post)) ctx.addIssue({ code: 'custom', path: [i, 'post'], message: 'Samma budgetpost står två gånger.' });
      seen.add(l.post);
    });
  });

export const budgetGetInput = z.object({ year: yearSchema }).strict();

export const budgetSaveInput = z
  .object({
    year: yearSchema,
    lines: budgetLines,
    balanceReason: optionalText('Skäl till att budgeten inte är i balans', 1_000),
    note: optionalText('Anteckning', 2_000),
    confirmPersonalData,
  })
  .strict();

export const budgetDecideInput = z
  .object({
    year: yearSchema,
    kind: z.enum(['faststalld', 'reviderad'], { error: 'Välj fastställd eller reviderad.' }),
    decidedOn: isoDate('Beslutsdatum'),
    /**
     * The förslag as it stands on the screen: saved and decided in one step, so the board's
     * decision is what the user sees, never an older saved förslag.
     */
    forslag: z
      .object({ lines: budgetLines, balanceReason: optionalText('Skäl till att budgeten inte är i balans', 1_000) })
      .strict()
      .optional(),
    confirmPersonalData,
  })
  .strict();

export type BudgetKind = 'forslag' | 'faststalld' | 'reviderad';
export const BUDGET_KIND_LABELS: Record<BudgetKind, string> = { forslag: 'Förslag', faststalld: 'Fastställd', reviderad: 'Reviderad' };

export interface BudgetVersion {
  id: number;
  kind: BudgetKind;
  revision: number;
  decidedOn: string | null;
  balanceReason: string | null;
  note: string | null;
  lines: { post: BudgetPost; amountKr: number }[];
  intakterKr: number;
  kostnaderKr: number;
  resultKr: number;
}

export interface BudgetYearView {
  year: number;
  versions: BudgetVersion[];
  /** The version that counts: the latest reviderad, else the fastställd, else the förslag. */
  currentId: number | null;
  /** Granted insatser's budget this year, by kategori, for comparison with the samverkan lines. */
  grantedByKategori: { individ: number; struktur: number; kompetens: number };
  /** The year's medlemsavgift, when set. */
  feeTotalKr: number | null;
}

// ---------------------------------------------------------------- utfall

export const utfallListInput = z
  .object({
    year: yearSchema,
    post: postSchema.optional(),
    insatsId: idSchema.optional(),
    limit: z.number().int().min(1).max(1_000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const utfallSaveInput = z
  .object({
    id: idSchema.optional(),
    bookedOn: isoDate('Bokföringsdatum'),
    post: postSchema,
    insatsId: idSchema.nullable().default(null),
    amountKr: signedKr('Beloppet'),
    text: optionalText('Text', 500),
    confirmPersonalData,
  })
  .strict();

export const utfallIdInput = z.object({ id: idSchema }).strict();

export interface UtfallRow {
  id: number;
  bookedOn: string;
  post: BudgetPost;
  insatsId: number | null;
  insatsName: string | null;
  amountOre: number;
  account: string | null;
  text: string | null;
  importId: number | null;
}

export interface UtfallList {
  year: number;
  closed: boolean;
  rows: UtfallRow[];
  total: number;
  sumOre: number;
  imports: { id: number; kind: 'sie' | 'xlsx' | 'csv'; fileName: string; rowCount: number; sumOre: number; importedAt: string; importedBy: string }[];
}

export const UTFALL_FILE_KINDS = ['sie', 'xlsx', 'csv'] as const;

const accountMapping = z
  .object({
    account: z
      .string()
      .trim()
      .regex(/^\d{3,6}$/, { error: 'Kontot ska vara ett kontonummer.' }),
    name: requiredText('Kontonamnet', 200),
    /** null: the account is not part of the utfall (e.g. årets resultat). */
    post: postSchema.nullable(),
  })
  .strict();

const objectMapping = z
  .object({
    dimension: z.number().int().min(1).max(9_999),
    objectId: requiredText('Objektet', 40),
    name: requiredText('Objektets namn', 200),
    insatsId: idSchema.nullable().default(null),
    post: postSchema.nullable().default(null),
  })
  .strict()
  .refine((o) => o.insatsId === null || o.post === null, { error: 'Ett objekt kopplas till en insats eller till en post, inte båda.', path: ['post'] });

export const utfallImportInput = z
  .object({
    fileName: requiredText('Filnamnet', 260),
    contentBase64: base64Content,
    /** Mappings chosen in the preview, saved (remembered) with the import. */
    accounts: z.array(accountMapping).max(2_000).default([]),
    objects: z.array(objectMapping).max(2_000).default([]),
    /** Replace rows of an earlier import of the same year and kind (a new export of the same books). */
    replaceEarlier: z.boolean().default(false),
  })
  .strict();

export interface UnmappedAccount {
  account: string;
  name: string;
  /** A post proposed from the BAS class, never saved unless the user accepts it. */
  suggestion: BudgetPost | null;
  rows: number;
  sumOre: number;
}

export interface UtfallImportPreview {
  kind: 'sie' | 'xlsx' | 'csv';
  fileName: string;
  year: number | null;
  companyName: string | null;
  rowCount: number;
  sumOre: number;
  byPost: { post: BudgetPost; sumOre: number; rows: number }[];
  byInsats: { insatsId: number; name: string; sumOre: number }[];
  unmappedAccounts: UnmappedAccount[];
  objects: { dimension: number; objectId: string; name: string; insatsId: number | null; post: BudgetPost | null; rows: number }[];
  /** Problems that stop the import: each names the line and why. */
  errors: string[];
  warnings: string[];
  alreadyImported: { id: number; importedAt: string } | null;
  earlierImports: number;
}

export interface UtfallImportResult {
  importId: number;
  year: number;
  rowCount: number;
  sumOre: number;
  replaced: number;
}

export const mappingsSaveInput = z
  .object({ accounts: z.array(accountMapping).max(2_000).default([]), objects: z.array(objectMapping).max(2_000).default([]) })
  .strict();

export interface Mappings {
  accounts: { account: string; name: string; post: BudgetPost | null }[];
  objects: { dimension: number; objectId: string; name: string; insatsId: number | null; post: BudgetPost | null }[];
}

export const yearCloseInput = z.object({ year: yearSchema }).strict();

// ---------------------------------------------------------------- reports

export const budgetMotUtfallInput = z
  .object({
    year: yearSchema,
    fromMonth: z.number().int().min(1).max(12).default(1),
    toMonth: z.number().int().min(1).max(12).default(12),
  })
  .strict()
  .refine((v) => v.toMonth >= v.fromMonth, { error: 'Periodens slutmånad kan inte komma före startmånaden.', path: ['toMonth'] });

export interface InsatsComparison {
  insatsId: number;
  name: string;
  kategori: 'individ' | 'struktur' | 'kompetens';
  budgetKr: number;
  utfallKr: number;
  previousKr: number;
  kvot: number | null;
}

export interface BudgetMotUtfall {
  year: number;
  fromMonth: number;
  toMonth: number;
  /** "januari–augusti 2026" or "helåret 2026". */
  periodLabel: string;
  budgetKind: BudgetKind | null;
  posts: PostComparison[];
  groups: { group: PostGroup; label: string; budgetKr: number; utfallKr: number; previousKr: number }[];
  result: { budgetKr: number; utfallKr: number; previousKr: number };
  insatser: InsatsComparison[];
  samverkanTotal: { budgetKr: number; utfallKr: number; previousKr: number; kvot: number | null };
}

export const beslutsutrymmeInput = z
  .object({
    fromYear: yearSchema,
    years: z.number().int().min(1).max(10).default(5),
    /** Only these pending applications (default: all that are not decided). */
    applicationIds: z.array(idSchema).max(100).optional(),
  })
  .strict();

export interface BeslutsutrymmeView extends BeslutsutrymmeTable {
  fromYear: number;
  /** Eget kapital less the bunden reservfond at the start of fromYear. */
  openingKr: number;
  openingSource: string;
  notes: string[];
}

export const typedCheckInput = z
  .object({
    columns: z
      .array(
        z
          .object({
            year: yearSchema,
            anslag: z.number(),
            fromEarlier: z.number(),
            ingaende: z.number(),
            samverkan: z.number().nullable().default(null),
            resultat: z.number(),
            efterAktuella: z.number(),
            pending: z.array(z.number()).max(50).default([]),
            efterPending: z.number(),
          })
          .strict(),
      )
      .min(1, { error: 'Ange minst ett år.' })
      .max(20),
    tolerance: z.number().min(0).max(1_000).default(1),
  })
  .strict();

export interface TypedCheckResult {
  ok: boolean;
  problems: TypedProblem[];
}

export const historySaveInput = z
  .object({
    year: yearSchema,
    anslagKr: amountKr('Tilldelningen'),
    samverkanKr: z.number().int({ error: 'Samverkansinsatser ska anges i hela kronor.' }),
    fortroendevaldaKr: z.number().int({ error: 'Förtroendevalda ska anges i hela kronor.' }),
    forvaltningKr: z.number().int({ error: 'Förvaltning ska anges i hela kronor.' }),
    sidointakterKr: z.number().int({ error: 'Sidointäkter ska anges i hela kronor.' }).default(0),
    /** The result as printed; a mismatch with the figures is flagged. */
    resultatKr: z.number().int({ error: 'Resultatet ska anges i hela kronor.' }).nullable().default(null),
    comment: optionalText('Kommentar', 300),
    confirmPersonalData,
  })
  .strict();

export interface HistoryView {
  rows: (HistoryRow & { resultatKr: number | null; computedResultKr: number; mismatchKr: number | null })[];
}

export const settingsSaveInput = z
  .object({
    reservfondKr: amountKr('Bunden reservfond'),
    guidelinePercent: z.number({ error: 'Ange riktlinjen i procent.' }).min(0, { error: 'Riktlinjen kan inte vara negativ.' }).max(1_000),
    openingYear: yearSchema.nullable(),
    openingEquityKr: z.number().int({ error: 'Eget kapital ska anges i hela kronor.' }).nullable(),
  })
  .strict()
  .refine((s) => (s.openingYear === null) === (s.openingEquityKr === null), {
    error: 'Ange både år och eget kapital vid årets början, eller inget av dem.',
    path: ['openingEquityKr'],
  });

export interface EconomySettings {
  reservfondKr: number;
  guidelinePercent: number;
  openingYear: number | null;
  openingEquityKr: number | null;
  closedYears: number[];
}

export const economyOverviewInput = z.object({ year: yearSchema }).strict();

export interface EconomyOverview {
  year: number;
  warnings: Warning[];
  egetKapitalKr: number | null;
  budgetResultKr: number | null;
}

export const ekonomiArendebladInput = z
  .object({
    kind: z.enum(['medlemsavgifter', 'ekonomisk_information', 'budget'], { error: 'Okänt ärendeblad.' }),
    year: yearSchema,
    /** Charts drawn in the app (PNG), placed in the ärendeblad under Ärendet. */
    charts: chartPictures,
    confirmPersonalData,
  })
  .strict();

export const ECONOMY_TABLES = ['medlemsavgifter', 'budget', 'utfall', 'budget_mot_utfall', 'beslutsutrymme', 'forbrukning'] as const;
export type EconomyTable = (typeof ECONOMY_TABLES)[number];
export const ECONOMY_TABLE_LABELS: Record<EconomyTable, string> = {
  medlemsavgifter: 'Medlemsavgifter',
  budget: 'Budget',
  utfall: 'Utfall',
  budget_mot_utfall: 'Budget mot utfall',
  beslutsutrymme: 'Ekonomisk information',
  forbrukning: 'Förbrukning i förhållande till medlemsintäkt',
};

export const economyExportInput = z
  .object({
    table: z.enum(ECONOMY_TABLES, { error: 'Okänd tabell.' }),
    year: yearSchema,
    fromMonth: z.number().int().min(1).max(12).default(1),
    toMonth: z.number().int().min(1).max(12).default(12),
  })
  .strict();

/** The API contract's ekonomi methods; shared/contract/methods.ts merges every area's. */
export const ekonomiMethods = {
  'medlemsavgifter.get': method<FeeView>()({
    description: 'Årets medlemsavgift per medlem (sparad), eller en förhandsvisning av fördelningen för ett angivet totalbelopp.',
    input: feeGetInput,
    writes: false,
  }),
  'medlemsavgifter.save': method<FeeView>()({
    description:
      'Sparar årets totala medlemsavgift och fördelningen per medlem: staten hälften, regionen en fjärdedel, kommunerna en fjärdedel efter folkmängd.',
    input: feeSaveInput,
    writes: true,
  }),
  'budget.get': method<BudgetYearView>()({
    description: 'Årets budget i alla versioner (förslag, fastställd, reviderad) med beviljade insatser per kategori.',
    input: budgetGetInput,
    writes: false,
  }),
  'budget.save': method<BudgetYearView>()({
    description: 'Sparar årets budgetförslag per post.',
    input: budgetSaveInput,
    writes: true,
  }),
  'budget.decide': method<BudgetYearView>()({
    description: 'Styrelsens beslut: förslaget blir fastställd eller reviderad budget och låses.',
    input: budgetDecideInput,
    writes: true,
  }),
  'utfall.list': method<UtfallList>()({
    description: 'Årets utfallsrader, nyast först, med summa och importer.',
    input: utfallListInput,
    writes: false,
  }),
  'utfall.save': method<UtfallList>()({
    description: 'Registrerar eller ändrar en utfallsrad för hand.',
    input: utfallSaveInput,
    writes: true,
  }),
  'utfall.remove': method<UtfallList>()({
    description: 'Tar bort en utfallsrad som registrerats för hand.',
    input: utfallIdInput,
    writes: true,
  }),
  'utfall.removeImport': method<UtfallList>()({
    description: 'Tar bort en import med alla dess utfallsrader.',
    input: utfallIdInput,
    writes: true,
  }),
  'utfall.importPreview': method<UtfallImportPreview>()({
    description: 'Läser en SIE 4-, Excel- eller CSV-fil och visar vad som skulle importeras, okopplade konton och fel. Inget sparas.',
    input: utfallImportInput,
    writes: false,
  }),
  'utfall.import': method<UtfallImportResult>()({
    description: 'Importerar utfall ur en SIE 4-, Excel- eller CSV-fil och sparar kopplingarna av konton och objekt. Allt eller inget.',
    input: utfallImportInput,
    writes: true,
  }),
  'utfall.mappings': method<Mappings>()({
    description: 'De sparade kopplingarna från konton och objekt till budgetposter och insatser.',
    input: emptyInput,
    writes: false,
  }),
  'utfall.saveMappings': method<Mappings>()({
    description: 'Sparar kopplingar från konton och objekt till budgetposter och insatser.',
    input: mappingsSaveInput,
    writes: true,
  }),
  'years.close': method<UtfallList>()({
    description: 'Stänger ett avslutat räkenskapsår: därefter kan dess utfall inte ändras.',
    input: yearCloseInput,
    writes: true,
  }),
  'ekonomi.budgetMotUtfall': method<BudgetMotUtfall>()({
    description: 'Budget mot utfall per post och per insats för en period, med förbrukningskvot och samma period föregående år.',
    input: budgetMotUtfallInput,
    writes: false,
  }),
  'ekonomi.beslutsutrymme': method<BeslutsutrymmeView>()({
    description: 'Ekonomisk information: beslutsutrymmet år för år efter fattade finansieringsbeslut och efter inkomna ej beslutade ansökningar.',
    input: beslutsutrymmeInput,
    writes: false,
  }),
  'ekonomi.checkTyped': method<TypedCheckResult>()({
    description: 'Kontrollerar att en inskriven tabell över beslutsutrymmet från en äldre handling går ihop.',
    input: typedCheckInput,
    writes: false,
  }),
  'ekonomi.history': method<HistoryView>()({
    description: 'Förbrukning i förhållande till medlemsintäkt, år för år.',
    input: emptyInput,
    writes: false,
  }),
  'ekonomi.saveHistory': method<HistoryView>()({
    description: 'Skriver in ett tidigare års siffror från en äldre handling. Ett resultat som inte går ihop flaggas.',
    input: historySaveInput,
    writes: true,
  }),
  'ekonomi.settings': method<EconomySettings>()({
    description: 'Riktlinjerna för god ekonomisk hushållning: bunden reservfond, riktlinje för eget kapital, eget kapital vid ett års början, stängda år.',
    input: emptyInput,
    writes: false,
  }),
  'ekonomi.saveSettings': method<EconomySettings>()({
    description: 'Sparar riktlinjerna för god ekonomisk hushållning.',
    input: settingsSaveInput,
    writes: true,
  }),
  'ekonomi.overview': method<EconomyOverview>()({
    description: 'God ekonomisk hushållning för ett år: budget i balans, eget kapital mot riktlinjen, beslutsutrymme. Varningar till översikten.',
    input: economyOverviewInput,
    writes: false,
  }),
  'ekonomi.arendeblad': method<Arendeblad>()({
    description: 'Skriver ärendebladet Medlemsavgifter, Ekonomisk information eller Budget ur förbundets siffror, med diagram om sådana skickas med.',
    input: ekonomiArendebladInput,
    writes: true,
  }),
  'ekonomi.export': method<ExportFile>()({
    description: 'En av ekonomins tabeller som Excel-fil.',
    input: economyExportInput,
    writes: false,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

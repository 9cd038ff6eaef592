import { z } from 'zod';
import { base64Content, idSchema, isoDate, requiredText } from './common';
import { method, type MethodSpec } from '../define';
import { planYearSchema } from './verksamhetsplan';

/**
 * Statistik and uppföljning data the reports need that the registers do not hold: SUS
 * figures per period for the förbund and per insats (aggregates only, never individuals),
 * indicator and survey results ("besvarad av 14 av 22"), kompetenshöjande events with their
 * deltagare, and medlemsdialoger and samråd held.
 */

export const SUS_GROUPS = {
  kon: { label: 'Kön', keys: { kvinnor: 'Kvinnor', man: 'Män' } },
  alder: {
    label: 'Ålder',
    keys: { alder_16_24: '16–24 år', alder_25_34: '25–34 år', alder_35_44: '35–44 år', alder_45_54: '45–54 år', alder_55_64: '55–64 år' },
  },
  utbildning: {
    label: 'Utbildning',
    keys: { utb_forgymnasial: 'Förgymnasial', utb_gymnasial: 'Gymnasial', utb_eftergymnasial: 'Eftergymnasial', utb_okand: 'Okänd' },
  },
  forsorjning: {
    label: 'Tid i offentlig försörjning före insatsen',
    keys: { forsorjning_0_1: 'Mindre än 1 år', forsorjning_1_3: '1–3 år', forsorjning_3_5: '3–5 år', forsorjning_5: 'Mer än 5 år' },
  },
} as const;
export type SusGroup = keyof typeof SUS_GROUPS;
export const SUS_KEYS = ['deltagare', ...Object.values(SUS_GROUPS).flatMap((g) => Object.keys(g.keys))] as const;
export type SusKey = (typeof SUS_KEYS)[number];

const count = z.number({ error: 'Ange ett antal.' }).int({ error: 'Ange ett helt antal.' }).min(0, { error: 'Ett antal kan inte vara negativt.' });
const period = z.enum(['delar', 'helar'], { error: 'Välj delår eller helår.' }).default('helar');

export const statistikInput = z.object({ year: planYearSchema, period }).strict();

export const susSaveInput = z
  .object({
    year: planYearSchema,
    period,
    /** Null: the förbund as a whole. */
    insatsId: idSchema.nullable().default(null),
    figures: z.partialRecord(z.enum(SUS_KEYS as unknown as [SusKey, ...SusKey[]]), count.nullable()),
  })
  .strict();

export const indikatorSaveInput = z
  .object({
    id: idSchema.optional(),
    year: planYearSchema,
    name: requiredText('Indikator eller enkät', 200),
    tillfragade: count.nullable().default(null),
    besvarade: count.nullable().default(null),
    resultat: z.string().trim().max(2_000).default(''),
  })
  .strict()
  .refine((i) => i.besvarade === null || i.tillfragade === null || i.besvarade <= i.tillfragade, {
    path: ['besvarade'],
    error: 'Fler kan inte ha svarat än som tillfrågades.',
  });

export const eventSaveInput = z
  .object({
    id: idSchema.optional(),
    heldOn: isoDate('Datum'),
    title: requiredText('Rubrik', 200),
    deltagare: count,
    /** Held by the förbund (kansliet) or supported at the parter. */
    arrangor: z.enum(['forbundet', 'parterna'], { error: 'Välj vem som arrangerade.' }).default('forbundet'),
  })
  .strict();

export const dialogSaveInput = z
  .object({
    id: idSchema.optional(),
    heldOn: isoDate('Datum'),
    kind: z.enum(['medlemsdialog', 'samrad'], { error: 'Välj medlemsdialog eller samråd.' }).default('medlemsdialog'),
    title: requiredText('Rubrik', 200),
    memberIds: z.array(idSchema).max(50).default([]),
  })
  .strict();

export const susImportInput = z
  .object({
    year: planYearSchema,
    period,
    fileName: requiredText('Filnamn', 260),
    contentBase64: base64Content,
    /** True: only read and show what would be imported. */
    preview: z.boolean().default(true),
  })
  .strict();

export interface SusImportResult {
  rows: { row: number; name: string; insatsId: number | null; figures: Partial<Record<SusKey, number>> }[];
  errors: string[];
  warnings: string[];
  imported: boolean;
}

export const statistikRemoveInput = z.object({ kind: z.enum(['indikator', 'event', 'dialog']), id: idSchema }).strict();

export interface SusFigures {
  insatsId: number | null;
  name: string;
  figures: Partial<Record<SusKey, number>>;
  /** What does not add up: a group that sums to more than the deltagare. */
  problems: string[];
}

export interface StatistikView {
  year: number;
  period: 'delar' | 'helar';
  sus: SusFigures[];
  indikatorer: { id: number; name: string; tillfragade: number | null; besvarade: number | null; resultat: string }[];
  events: { id: number; heldOn: string; title: string; deltagare: number; arrangor: 'forbundet' | 'parterna' }[];
  /** Deltagare in the year's events, by arrangör. */
  eventTotals: { forbundet: number; parterna: number };
  dialoger: { id: number; heldOn: string; kind: 'medlemsdialog' | 'samrad'; title: string; members: string[] }[];
}

/** The API contract's statistik methods; shared/contract/methods.ts merges every area's. */
export const statistikMethods = {
  'statistik.get': method<StatistikView>()({
    description: 'Årets statistik: SUS-siffror för förbundet och per insats, indikatorer och enkäter, kompetenshöjande tillfällen och medlemsdialoger.',
    input: statistikInput,
    writes: false,
  }),
  'statistik.saveSus': method<StatistikView>()({
    description: 'SUS-siffror för en period, för förbundet eller en insats (bara antal, aldrig uppgifter om enskilda).',
    input: susSaveInput,
    writes: true,
  }),
  'statistik.importSus': method<SusImportResult>()({
    description: 'Läser SUS-siffror ur en Excel- eller CSV-fil (en rad per insats, eller Förbundet) och visar dem före importen; allt eller inget.',
    input: susImportInput,
    writes: true,
  }),
  'statistik.saveIndikator': method<StatistikView>()({
    description: 'Ett indikator- eller enkätresultat, t.ex. ”besvarad av 14 av 22”.',
    input: indikatorSaveInput,
    writes: true,
  }),
  'statistik.saveEvent': method<StatistikView>()({
    description: 'Ett kompetenshöjande tillfälle med antal deltagare.',
    input: eventSaveInput,
    writes: true,
  }),
  'statistik.saveDialog': method<StatistikView>()({
    description: 'En medlemsdialog eller ett samråd.',
    input: dialogSaveInput,
    writes: true,
  }),
  'statistik.remove': method<{ removed: true }>()({
    description: 'Tar bort ett indikatorresultat, ett tillfälle eller en dialog.',
    input: statistikRemoveInput,
    writes: true,
  }),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

import { z } from 'zod';
import { FREKVENSER, METODER, type Frekvens, type MatrixCell, type Metod, type RiskLevel, type RiskScale } from '../../domain/internkontroll';
import { confirmPersonalData, idSchema, isoDate, optionalText, requiredText, emptyInput } from './common';
import type { Arendeblad } from './arendeblad';
import type { ExportFile } from './xlsx';
import { method, type MethodSpec } from '../define';

/** Riskanalys, internkontrollplan, checklists, avvikelser and the report to the board. */

const yearSchema = z
  .number({ error: 'Ange året som ett heltal.' })
  .int({ error: 'Året ska vara ett heltal.' })
  .min(1990, { error: 'Året måste vara 1990 eller senare.' })
  .max(2100, { error: 'Året måste vara 2100 eller tidigare.' });

const score = (label: string) => z.number({ error: `Ange ${label.toLowerCase()} som ett heltal.` }).int({ error: `${label} ska vara ett heltal.` });

export const HANTERINGAR = ['kontroll', 'atgard', 'accepterad'] as const;
export type Hantering = (typeof HANTERINGAR)[number];
export const HANTERING_LABELS: Record<Hantering, string> = {
  kontroll: 'Kontrollmoment i internkontrollplanen',
  atgard: 'Annan åtgärd',
  accepterad: 'Accepteras',
};

/** The processes of seed 003's internkontrollplan; a förbund may use others. */
export const DEFAULT_PROCESSES = [
  'Ekonomi/budget',
  'Upphandling/avtal',
  'Beslutsfattande/Delegation/Attest',
  'Verksamhetsmål',
  'Finansierade insatser',
] as const;

export const riskScaleInput = z
  .object({
    size: z.number().int().min(3, { error: 'Skalan ska ha 3, 4 eller 5 steg.' }).max(5, { error: 'Skalan ska ha 3, 4 eller 5 steg.' }),
    sannolikhet: z.array(requiredText('Ordet för sannolikhet', 40)).min(3).max(5),
    konsekvens: z.array(requiredText('Ordet för konsekvens', 40)).min(3).max(5),
    levels: z
      .array(
        z
          .object({
            upTo: z.number().int().min(1).max(25),
            label: requiredText('Nivåns namn', 40),
            color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'Färgen ska skrivas #RRGGBB.' }),
          })
          .strict(),
      )
      .min(1)
      .max(6),
  })
  .strict();

export const riskYearInput = z.object({ year: yearSchema }).strict();

export const riskSaveInput = z
  .object({
    id: idSchema.optional(),
    year: yearSchema,
    process: requiredText('Process/område', 120),
    title: requiredText('Risken', 300),
    description: optionalText('Beskrivning', 2_000),
    orsak: optionalText('Orsak', 2_000),
    sannolikhet: score('Sannolikhet'),
    konsekvens: score('Konsekvens'),
    owner: requiredText('Riskägare', 120),
    hantering: z.enum(HANTERINGAR, { error: 'Välj hantering: kontrollmoment, annan åtgärd eller accepteras.' }),
    /** The åtgärd, or why the risk is accepted. */
    hanteringText: optionalText('Åtgärd eller skäl', 2_000),
    confirmPersonalData,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.hantering === 'accepterad' && r.hanteringText === null)
      ctx.addIssue({ code: 'custom', path: ['hanteringText'], message: 'Ange skälet till att risken accepteras.' });
    if (r.hantering === 'atgard' && r.hanteringText === null) ctx.addIssue({ code: 'custom', path: ['hanteringText'], message: 'Beskriv åtgärden.' });
  });

export const riskIdInput = z.object({ id: idSchema }).strict();

export interface RiskView {
  id: number;
  year: number;
  code: string;
  process: string;
  title: string;
  description: string | null;
  orsak: string | null;
  sannolikhet: number;
  konsekvens: number;
  value: number;
  level: RiskLevel;
  owner: string;
  hantering: Hantering;
  hanteringText: string | null;
  /** Last year's score of the same risk, and the change in riskvärde. */
  previous: { year: number; sannolikhet: number; konsekvens: number; value: number } | null;
  change: number | null;
  controls: number;
}

export interface RiskYearView {
  year: number;
  scale: RiskScale;
  risks: RiskView[];
  matrix: MatrixCell[][];
}

export const controlSaveInput = z
  .object({
    id: idSchema.optional(),
    year: yearSchema,
    process: requiredText('Process/område', 120),
    moment: requiredText('Kontrollmomentet', 500),
    riskId: idSchema.nullable().refine((v) => v !== null, { error: 'Välj vilken risk kontrollmomentet svarar mot.' }),
    metod: z.enum(METODER, { error: 'Välj kontrollmetod: stickprov, granskning, avstämning eller uppföljning.' }),
    frekvens: z.enum(FREKVENSER, { error: 'Välj frekvens.' }),
    ansvarig: requiredText('Ansvarig', 120),
    rapportTill: requiredText('Rapporteras till', 120).default('Förbundsstyrelsen'),
    rapportNar: requiredText('När det rapporteras', 200).default('Delårsrapport och årsredovisning'),
    checklist: z.array(requiredText('Kontrollpunkten', 500)).min(1, { error: 'Ange minst en punkt att kontrollera.' }).max(40),
    confirmPersonalData,
  })
  .strict();

export const controlIdInput = z.object({ id: idSchema }).strict();

export interface OccasionSummary {
  id: number;
  dueOn: string;
  label: string;
  done: boolean;
  overdue: boolean;
  deviations: number;
}

export interface ControlView {
  id: number;
  year: number;
  process: string;
  moment: string;
  riskId: number;
  riskCode: string;
  riskTitle: string;
  metod: Metod;
  frekvens: Frekvens;
  ansvarig: string;
  rapportTill: string;
  rapportNar: string;
  checklist: string[];
  occasions: OccasionSummary[];
}

export interface PlanView {
  year: number;
  controls: ControlView[];
  openDeviations: number;
  overdue: number;
}

export const copyYearInput = z
  .object({ fromYear: yearSchema, toYear: yearSchema })
  .strict()
  .refine((v) => v.toYear > v.fromYear, { error: 'Det nya året ska komma efter det gamla.', path: ['toYear'] });

export const occasionIdInput = z.object({ id: idSchema }).strict();

export const occasionSaveInput = z
  .object({
    id: idSchema,
    /** The sample taken, e.g. "fakturor 2026-0112, 2026-0187, 2026-0203". */
    sample: z.union([optionalText('Urvalet', 1_000), z.null()]).default(null),
    items: z
      .array(
        z
          .object({
            id: idSchema,
            result: z.enum(['ok', 'avvikelse'], { error: 'Välj ok eller avvikelse.' }).nullable(),
            comment: z.union([optionalText('Kommentaren', 2_000), z.null()]).default(null),
            documentId: idSchema.nullable().default(null),
          })
          .strict(),
      )
      .max(40),
    confirmPersonalData,
  })
  .strict();

export const occasionSignOffInput = z.object({ id: idSchema, doneOn: isoDate('Datum för kontrollen') }).strict();

export const deviationSaveInput = z
  .object({
    id: idSchema.optional(),
    occasionId: idSchema,
    itemId: idSchema.nullable().default(null),
    description: requiredText('Avvikelsen', 2_000),
    action: requiredText('Åtgärden', 2_000),
    owner: requiredText('Ansvarig för åtgärden', 120),
    dueOn: isoDate('Klart senast'),
    confirmPersonalData,
  })
  .strict();

export const deviationCloseInput = z
  .object({ id: idSchema, closedOn: isoDate('Datum då åtgärden var klar'), note: optionalText('Anteckning', 2_000), confirmPersonalData })
  .strict();

export interface OccasionView {
  id: number;
  control: ControlView;
  dueOn: string;
  label: string;
  sample: string | null;
  doneOn: string | null;
  doneBy: string | null;
  signedOff: boolean;
  items: { id: number; text: string; result: 'ok' | 'avvikelse' | null; comment: string | null; documentId: number | null; documentTitle: string | null }[];
  deviations: DeviationView[];
}

export interface DeviationView {
  id: number;
  occasionId: number;
  itemId: number | null;
  description: string;
  action: string;
  owner: string;
  dueOn: string;
  status: 'oppen' | 'stangd';
  closedOn: string | null;
  closedNote: string | null;
  overdue: boolean;
}

export interface DeviationListItem extends DeviationView {
  process: string;
  moment: string;
  occasionLabel: string;
}

export const overdueInput = z.object({ today: isoDate('Dagens datum').optional() }).strict();

export interface OverdueView {
  occasions: { id: number; controlId: number; moment: string; process: string; label: string; dueOn: string; ansvarig: string }[];
  deviations: DeviationView[];
}

export const internkontrollBladInput = z
  .object({
    kind: z.enum(['uppfoljning', 'riskanalys'], { error: 'Välj uppföljning eller riskanalys.' }),
    year: yearSchema,
    /** For uppföljning: the delårsrapport (to 31 August) or the årsredovisning (whole year). */
    period: z.enum(['delar', 'helar']).default('helar'),
    confirmPersonalData,
  })
  .strict();

/** The API contract's risk methods; shared/contract/methods.ts merges every area's. */
export const internkontrollMethods = {
  'internkontroll.scale': method<RiskScale>()({
    description: 'Förbundets riskskala: antal steg, orden för sannolikhet och konsekvens och färggränserna för riskvärdet.',
    input: emptyInput,
    writes: false,
  }),
  'internkontroll.saveScale': method<RiskScale>()({
    description: 'Sparar förbundets riskskala.',
    input: riskScaleInput,
    writes: true,
  }),
  'internkontroll.risks': method<RiskYearView>()({
    description: 'Årets riskanalys med riskvärde, förändring mot föregående år och riskmatrisen.',
    input: riskYearInput,
    writes: false,
  }),
  'internkontroll.saveRisk': method<RiskYearView>()({
    description: 'Registrerar eller ändrar en risk: process, beskrivning, orsak, sannolikhet, konsekvens, riskägare och hantering.',
    input: riskSaveInput,
    writes: true,
  }),
  'internkontroll.removeRisk': method<RiskYearView>()({
    description: 'Tar bort en risk som inget kontrollmoment svarar mot.',
    input: riskIdInput,
    writes: true,
  }),
  'internkontroll.plan': method<PlanView>()({
    description: 'Årets internkontrollplan: kontrollmomenten per process med sina tillfällen.',
    input: riskYearInput,
    writes: false,
  }),
  'internkontroll.saveControl': method<PlanView>()({
    description: 'Registrerar eller ändrar ett kontrollmoment i internkontrollplanen.',
    input: controlSaveInput,
    writes: true,
  }),
  'internkontroll.removeControl': method<PlanView>()({
    description: 'Tar bort ett kontrollmoment som inte har genomförda kontroller.',
    input: controlIdInput,
    writes: true,
  }),
  'internkontroll.copyYear': method<PlanView>()({
    description: 'Påbörjar ett nytt års riskanalys och internkontrollplan utifrån föregående års.',
    input: copyYearInput,
    writes: true,
  }),
  'internkontroll.generateOccasions': method<PlanView>()({
    description: 'Lägger in årets kontrolltillfällen utifrån varje kontrollmoments frekvens.',
    input: riskYearInput,
    writes: true,
  }),
  'internkontroll.occasion': method<OccasionView>()({
    description: 'Ett kontrolltillfälle med checklista, urval och avvikelser.',
    input: occasionIdInput,
    writes: false,
  }),
  'internkontroll.saveOccasion': method<OccasionView>()({
    description: 'Sparar urvalet och checklistans svar (ok eller avvikelse, kommentar, underlag i diariet).',
    input: occasionSaveInput,
    writes: true,
  }),
  'internkontroll.signOff': method<OccasionView>()({
    description: 'Avslutar kontrollen med datum och vem som gjorde den. Alla punkter måste vara besvarade.',
    input: occasionSignOffInput,
    writes: true,
  }),
  'internkontroll.saveDeviation': method<OccasionView>()({
    description: 'Registrerar en avvikelse med åtgärd, ansvarig och datum då den ska vara klar.',
    input: deviationSaveInput,
    writes: true,
  }),
  'internkontroll.closeDeviation': method<OccasionView>()({
    description: 'Stänger en avvikelse när åtgärden är genomförd.',
    input: deviationCloseInput,
    writes: true,
  }),
  'internkontroll.deviations': method<DeviationListItem[]>()({
    description: 'Årets avvikelser med åtgärd, ansvarig och status, de öppna först.',
    input: riskYearInput,
    writes: false,
  }),
  'internkontroll.overdue': method<OverdueView>()({
    description: 'Försenade kontroller och åtgärder, för översikten.',
    input: overdueInput,
    writes: false,
  }),
  'internkontroll.arendeblad': method<Arendeblad>()({
    description: 'Skriver ärendebladet Riskanalys och internkontrollplan (med riskmatrisen) eller Uppföljning av internkontrollplan ur registret.',
    input: internkontrollBladInput,
    writes: true,
  }),
  'internkontroll.export': method<ExportFile>()({
    description: 'Riskanalysen, internkontrollplanen och resultaten som Excel-fil.',
    input: riskYearInput,
    writes: false,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

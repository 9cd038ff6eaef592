import { z } from 'zod';
import { amountKr, confirmPersonalData, idSchema, isoDate, optionalIsoDate, optionalText, requiredText, emptyInput } from './common';
import { method, type MethodSpec } from '../define';

/** One point of the delegationsordning: who may decide what, up to which amount. */
export const delegationSaveInput = z
  .object({
    id: idSchema.optional(),
    code: requiredText('Punkt', 20),
    matter: requiredText('Ärende/beslutstyp', 300),
    delegate: requiredText('Delegat', 120),
    personId: idSchema.nullish().transform((v) => v ?? null),
    /** Whole kronor; null when the delegation has no amount limit. */
    limitKr: amountKr('Beloppsgräns')
      .nullish()
      .transform((v) => v ?? null),
    validFrom: isoDate('Gäller från'),
    validTo: optionalIsoDate('Gäller till'),
    reportToBoard: z.boolean().default(true),
    notes: optionalText('Anteckning', 2000),
    confirmPersonalData,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.validTo !== null && d.validTo < d.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Delegationen kan inte upphöra innan den börjar gälla.' });
    }
  });
export type DelegationSaveInput = z.input<typeof delegationSaveInput>;
export const delegationIdInput = z.object({ id: idSchema }).strict();

export interface Delegation {
  id: number;
  code: string;
  matter: string;
  delegate: string;
  personId: number | null;
  limitKr: number | null;
  validFrom: string;
  validTo: string | null;
  reportToBoard: boolean;
  notes: string | null;
  decisionCount: number;
}

export const decisionSaveInput = z
  .object({
    id: idSchema.optional(),
    delegationId: idSchema,
    decidedOn: isoDate('Beslutsdatum'),
    decidedBy: requiredText('Beslutsfattare', 120),
    title: requiredText('Beslut', 300),
    amountKr: amountKr('Belopp')
      .nullish()
      .transform((v) => v ?? null),
    confirmPersonalData,
  })
  .strict();
export type DecisionSaveInput = z.input<typeof decisionSaveInput>;
export const decisionsListInput = z.object({ unreportedOnly: z.boolean().default(false) }).strict();

export interface Meeting {
  id: number;
  body: 'styrelse' | 'arbetsutskott';
  heldOn: string;
  title: string | null;
}

export interface DelegationDecision {
  id: number;
  delegationId: number;
  delegationCode: string;
  delegationMatter: string;
  /** Each decision is an ärende of kind delegationsbeslut in the diarium. */
  arendeId: number;
  diarienummer: string;
  decidedOn: string;
  decidedBy: string;
  title: string;
  amountKr: number | null;
  /** Whether the delegationsordning says it must be reported to the board. */
  mustBeReported: boolean;
  reported: { meeting: Meeting; paragraph: string | null } | null;
}

/** "Anmälan av delegationsbeslut": the board meeting takes up the listed decisions. */
export const decisionsReportInput = z
  .object({
    ids: z.array(idSchema).min(1, { error: 'Välj minst ett beslut att anmäla.' }).max(500),
    meetingOn: isoDate('Sammanträdesdatum'),
    paragraph: optionalText('Paragraf', 20),
  })
  .strict();

export const meetingsListInput = z.object({}).strict();

/** The API contract's delegation methods; shared/contract/methods.ts merges every area's. */
export const delegationMethods = {
  'delegations.list': method<Delegation[]>()({
    description: 'Delegationsordningen.',
    input: emptyInput,
    writes: false,
  }),
  'delegations.save': method<Delegation>()({
    description: 'Lägger till eller ändrar en punkt i delegationsordningen.',
    input: delegationSaveInput,
    writes: true,
  }),
  'delegations.remove': method<{ id: number }>()({
    description: 'Tar bort en delegation som inget beslut har fattats under.',
    input: delegationIdInput,
    writes: true,
  }),
  'decisions.list': method<DelegationDecision[]>()({
    description: 'Delegationsbesluten; med unreportedOnly de som ännu inte anmälts till styrelsen.',
    input: decisionsListInput,
    writes: false,
  }),
  'decisions.save': method<DelegationDecision>()({
    description: 'Registrerar ett delegationsbeslut (och dess ärende i diariet). Ett belopp över delegationens gräns avvisas.',
    input: decisionSaveInput,
    writes: true,
  }),
  'decisions.report': method<DelegationDecision[]>()({
    description: 'Anmälan av delegationsbeslut: markerar besluten som anmälda vid styrelsens sammanträde.',
    input: decisionsReportInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

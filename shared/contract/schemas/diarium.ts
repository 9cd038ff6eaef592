import { z } from 'zod';
import { base64Content, confirmPersonalData, idSchema, optionalIsoDate, optionalText, requiredText } from './common';
import { method, type MethodSpec } from '../define';

export const ARENDE_KINDS = ['beslutsarende', 'informationsarende', 'delegationsbeslut', 'inkommande', 'utgaende'] as const;
export type ArendeKind = (typeof ARENDE_KINDS)[number];
export const ARENDE_KIND_LABELS: Record<ArendeKind, string> = {
  beslutsarende: 'Beslutsärende',
  informationsarende: 'Informationsärende',
  delegationsbeslut: 'Delegationsbeslut',
  inkommande: 'Inkommande handling',
  utgaende: 'Utgående handling',
};

export const ARENDE_STATUSES = ['oppet', 'under_beredning', 'beslutat', 'avslutat'] as const;
export type ArendeStatus = (typeof ARENDE_STATUSES)[number];
export const ARENDE_STATUS_LABELS: Record<ArendeStatus, string> = {
  oppet: 'Öppet',
  under_beredning: 'Under beredning',
  beslutat: 'Beslutat',
  avslutat: 'Avslutat',
};

const yearSchema = z
  .number({ error: 'Året ska vara ett heltal.' })
  .int({ error: 'Året ska vara ett heltal.' })
  .min(1990, { error: 'Året måste vara 1990 eller senare.' })
  .max(2100, { error: 'Året måste vara 2100 eller tidigare.' });

export const arendeSaveInput = z
  .object({
    id: idSchema.optional(),
    /**
     * Only for a new ärende registered afterwards with a number it already has
     * (e.g. from the old register). Otherwise the next number in the year's series is taken.
     */
    diarienummer: optionalText('Diarienummer', 40),
    /** The series year of a new ärende; defaults to the year it came in, or this year. */
    year: yearSchema.optional(),
    title: requiredText('Rubrik', 300),
    kind: z.enum(ARENDE_KINDS, { error: 'Välj typ av ärende.' }),
    status: z.enum(ARENDE_STATUSES, { error: 'Välj status.' }).default('oppet'),
    receivedOn: optionalIsoDate('Inkom'),
    decidedOn: optionalIsoDate('Beslutsdatum'),
    handlaggare: optionalText('Handläggare', 120),
    description: optionalText('Beskrivning', 10_000),
    confirmPersonalData,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.receivedOn !== null && a.decidedOn !== null && a.decidedOn < a.receivedOn) {
      ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'Beslutsdatum kan inte vara före datumet ärendet kom in.' });
    }
    if (a.status === 'beslutat' && a.decidedOn === null) {
      ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'Ange beslutsdatum för ett beslutat ärende.' });
    }
    if (a.id !== undefined && a.diarienummer !== null) {
      ctx.addIssue({ code: 'custom', path: ['diarienummer'], message: 'Ett ärendes diarienummer kan inte ändras.' });
    }
  });
export type ArendeSaveInput = z.input<typeof arendeSaveInput>;

export const arendeIdInput = z.object({ id: idSchema }).strict();
export const arendeVoidInput = z.object({ id: idSchema, reason: requiredText('Skäl till makulering', 500), confirmPersonalData }).strict();
export const arendenListInput = z
  .object({
    year: yearSchema.optional(),
    status: z.enum(ARENDE_STATUSES).optional(),
    kind: z.enum(ARENDE_KINDS).optional(),
    includeVoided: z.boolean().default(true),
  })
  .strict();
export const arendenPageInput = arendenListInput
  .extend({
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export const nextNumberInput = z.object({ year: yearSchema }).strict();
/** A förbund that begins mid-year continues its series: the next löpnummer, once (never lower than taken). */
export const seriesStartInput = z
  .object({
    year: yearSchema,
    next: z
      .number({ error: 'Löpnumret ska vara ett heltal.' })
      .int({ error: 'Löpnumret ska vara ett heltal.' })
      .min(1, { error: 'Löpnumret är minst 1.' })
      .max(99_999, { error: 'Löpnumret är högst 99 999.' }),
  })
  .strict();

/** One page of the diarium as filtered on the server, with the total and the years there are. */
export interface ArendePage {
  rows: ArendeListItem[];
  /** Ärenden matching the filter, on every page. */
  total: number;
  offset: number;
  /** Every year that has an ärende, newest first (for the year filter). */
  years: number[];
}

export interface DocumentMeta {
  id: number;
  arendeId: number;
  title: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** 'db': the bytes are in the database; 'file': in the folder beside it. */
  storage: 'db' | 'file';
  addedAt: string;
  addedBy: string;
  /** A signed PDF: it cannot be changed or removed, only superseded by a newer version. */
  signed: boolean;
  supersededBy: number | null;
  /** What made it in Kansli, e.g. "arendeblad:12"; null for an uploaded file. */
  source: string | null;
}

export const LINK_KINDS = ['arende', 'member', 'person', 'group', 'delegation_decision'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  arende: 'Ärende',
  member: 'Medlem',
  person: 'Person',
  group: 'Grupp',
  delegation_decision: 'Delegationsbeslut',
};

export interface RecordLink {
  id: number;
  arendeId: number;
  targetKind: LinkKind;
  targetId: number;
  /** What the target is called now, e.g. "2018/007 Lokussamordnare Älvkarleby". */
  targetLabel: string;
  note: string | null;
  /** True when the link was made from the other ärende to this one. */
  incoming: boolean;
}

export interface ArendeListItem {
  id: number;
  diarienummer: string;
  year: number;
  seq: number;
  title: string;
  kind: ArendeKind;
  status: ArendeStatus;
  receivedOn: string | null;
  decidedOn: string | null;
  handlaggare: string | null;
  /** Makulerad: the ärende stays in the diarium with its number and the reason. */
  voided: { at: string; by: string; reason: string } | null;
  documentCount: number;
}

export interface Arende extends ArendeListItem {
  description: string | null;
  documents: DocumentMeta[];
  links: RecordLink[];
  createdAt: string;
  updatedAt: string;
}

export const documentAddInput = z
  .object({
    arendeId: idSchema,
    fileName: requiredText('Filnamn', 255).refine((v) => !/[\\/\0]/.test(v), { error: 'Filnamnet får inte innehålla / eller \\.' }),
    title: optionalText('Titel', 300),
    mimeType: optionalText('Filtyp', 120),
    contentBase64: base64Content,
    confirmPersonalData,
  })
  .strict();
export const documentIdInput = z.object({ id: idSchema }).strict();
export interface DocumentContent {
  meta: DocumentMeta;
  contentBase64: string;
}

export const linkAddInput = z
  .object({
    arendeId: idSchema,
    targetKind: z.enum(LINK_KINDS, { error: 'Välj vad ärendet ska kopplas till.' }),
    targetId: idSchema,
    note: optionalText('Anteckning', 500),
    confirmPersonalData,
  })
  .strict();
export const linkIdInput = z.object({ id: idSchema }).strict();

/** The API contract's diarium methods; shared/contract/methods.ts merges every area's. */
export const diariumMethods = {
  'arenden.list': method<ArendeListItem[]>()({
    description: 'Diariet, senaste ärendet först.',
    input: arendenListInput,
    writes: false,
  }),
  'arenden.page': method<ArendePage>()({
    description: 'En sida av diariet, filtrerad på år, status och typ, senaste ärendet först.',
    input: arendenPageInput,
    writes: false,
  }),
  'arenden.get': method<Arende>()({
    description: 'Ett ärende med handlingar och kopplingar.',
    input: arendeIdInput,
    writes: false,
  }),
  'arenden.nextNumber': method<{ diarienummer: string }>()({
    description: 'Nästa lediga diarienummer i årets serie (tas först när ärendet sparas).',
    input: nextNumberInput,
    writes: false,
  }),
  'arenden.startSeries': method<{ diarienummer: string }>()({
    description: 'Låter årets nummerserie fortsätta från ett givet löpnummer (när året började före Kansli). Aldrig lägre än redan tagna.',
    input: seriesStartInput,
    writes: true,
  }),
  'arenden.save': method<Arende>()({
    description: 'Registrerar ett ärende (nästa nummer i årets serie) eller sparar ändringar.',
    input: arendeSaveInput,
    writes: true,
  }),
  'arenden.void': method<Arende>()({
    description: 'Makulerar ett ärende. Det ligger kvar med sitt nummer och skälet; numret används aldrig igen.',
    input: arendeVoidInput,
    writes: true,
  }),
  'documents.add': method<DocumentMeta>()({
    description: 'Lägger en handling (fil) i ett ärende, med SHA-256.',
    input: documentAddInput,
    writes: true,
  }),
  'documents.get': method<DocumentContent>()({
    description: 'En handlings innehåll; kontrollsumman prövas först.',
    input: documentIdInput,
    writes: false,
  }),
  'documents.remove': method<{ id: number }>()({
    description: 'Tar bort en handling ur ett ärende.',
    input: documentIdInput,
    writes: true,
  }),
  'links.add': method<RecordLink>()({
    description: 'Kopplar ett ärende till ett annat ärende, en medlem, person, grupp eller ett delegationsbeslut.',
    input: linkAddInput,
    writes: true,
  }),
  'links.remove': method<{ id: number }>()({
    description: 'Tar bort en koppling.',
    input: linkIdInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

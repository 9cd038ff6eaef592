import { z } from 'zod';
import type { GeneratedFile } from './arendeblad';
import { confirmPersonalData, idSchema, isoDate, optionalText, requiredText } from './common';
import { type Meeting, meetingsListInput } from './delegation';
import { method, type MethodSpec } from '../define';

/** Sammanträden: time and place, the dagordning, the kallelse and the board packet. */

export const MEETING_BODIES = ['styrelse', 'arbetsutskott'] as const;
export type MeetingBody = (typeof MEETING_BODIES)[number];
export const BODY_LABELS: Record<MeetingBody, string> = { styrelse: 'Förbundsstyrelsen', arbetsutskott: 'Arbetsutskottet' };

export const ITEM_KINDS = ['procedur', 'information', 'delegation', 'beslut'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  procedur: 'Formalia',
  information: 'Information',
  delegation: 'Anmälan av delegationsbeslut',
  beslut: 'Beslutsärende',
};

/** "13:00", "13.00" or "1300" → "13.00", as Swedish papers write the time. */
const clock = (label: string) =>
  z
    .string({ error: `${label} måste vara text.` })
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null;
      const m = /^(\d{1,2})[.:]?(\d{2})$/.exec(v);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
        ctx.addIssue({ code: 'custom', message: `${label} ska skrivas tt.mm, t.ex. 13.00.` });
        return z.NEVER;
      }
      return `${String(Number(m[1])).padStart(2, '0')}.${m[2]}`;
    });

export const meetingSaveInput = z
  .object({
    id: idSchema.optional(),
    body: z.enum(MEETING_BODIES, { error: 'Välj styrelse eller arbetsutskott.' }),
    heldOn: isoDate('Sammanträdesdatum'),
    startsAt: clock('Starttid'),
    endsAt: clock('Sluttid'),
    place: optionalText('Plats', 200),
    notes: optionalText('Övrigt i kallelsen', 2_000),
    confirmPersonalData,
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.startsAt !== null && m.endsAt !== null && m.endsAt <= m.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Sluttiden måste vara efter starttiden.' });
    }
  });

export const meetingIdInput = z.object({ id: idSchema }).strict();

export const agendaSaveInput = z
  .object({
    meetingId: idSchema,
    /** The whole dagordning in its new order; items without id are new, missing ones are removed. */
    items: z
      .array(
        z
          .object({
            id: idSchema.optional(),
            kind: z.enum(ITEM_KINDS, { error: 'Välj typ av punkt.' }),
            title: requiredText('Punktens rubrik', 300),
            arendeId: idSchema.nullable().default(null),
          })
          .strict(),
      )
      .max(120, { error: 'En dagordning får ha högst 120 punkter.' }),
    confirmPersonalData,
  })
  .strict();

export const packetStartInput = z.object({ meetingId: idSchema }).strict();
export const jobIdInput = z.object({ jobId: z.string().regex(/^[a-z0-9-]{8,64}$/, { error: 'Okänt jobb.' }) }).strict();

export interface AgendaItem {
  id: number;
  /** 1, 2, 3 … as the dagordning numbers them. */
  number: number;
  kind: ItemKind;
  title: string;
  arendeId: number | null;
  diarienummer: string | null;
  arendebladId: number | null;
  /** The ärendeblad is complete enough for the packet. */
  ready: boolean;
  bilagor: number;
}

export interface MeetingView {
  id: number;
  body: MeetingBody;
  bodyLabel: string;
  heldOn: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string | null;
  notes: string | null;
  title: string;
  items: AgendaItem[];
  /** Why the dagordning can no longer change (the protokoll is sent for justering or justerat); null while it can. */
  agendaLocked: string | null;
}

export interface AgendaCandidate {
  arendeId: number;
  arendebladId: number;
  diarienummer: string;
  rubrik: string;
  organ: string;
  kind: ItemKind;
}

export interface PacketJob {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  /** What is being done now, in Swedish, e.g. "Ärendeblad 4 av 30". */
  step: string;
  done: number;
  total: number;
  file: GeneratedFile | null;
  error: string | null;
}

/** The API contract's meetings methods; shared/contract/methods.ts merges every area's. */
export const meetingsMethods = {
  'meetings.list': method<Meeting[]>()({
    description: 'Sammanträden, det senaste först.',
    input: meetingsListInput,
    writes: false,
  }),
  'meetings.get': method<MeetingView>()({
    description: 'Ett sammanträde med tid, plats och dagordning.',
    input: meetingIdInput,
    writes: false,
  }),
  'meetings.save': method<MeetingView>()({
    description: 'Skapar eller ändrar ett sammanträde. Ett nytt får dagordningens standardpunkter.',
    input: meetingSaveInput,
    writes: true,
  }),
  'meetings.saveAgenda': method<MeetingView>()({
    description: 'Sparar dagordningen i ny ordning: punkter flyttas, läggs till eller tas bort.',
    input: agendaSaveInput,
    writes: true,
  }),
  'meetings.candidates': method<AgendaCandidate[]>()({
    description: 'Ärendeblad till detta organ som ännu inte står på någon dagordning.',
    input: meetingIdInput,
    writes: false,
  }),
  'meetings.packetStart': method<PacketJob>()({
    description: 'Börjar skapa utskicket (kallelse, dagordning, ärendeblad och bilagor i en PDF). Följ det med meetings.packetStatus.',
    input: packetStartInput,
    writes: false,
  }),
  'meetings.packetStatus': method<PacketJob>()({
    description: 'Hur långt utskicket har kommit, och filen när det är klart.',
    input: jobIdInput,
    writes: false,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

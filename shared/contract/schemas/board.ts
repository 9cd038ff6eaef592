import { z } from 'zod';
import { confirmPersonalData, emailSchema, idSchema, isoDate, optionalIsoDate, optionalText, requiredText, emptyInput } from './common';
import { method, type MethodSpec } from '../define';

/** People: board members, group members, delegates. Never participants (no personnummer). */
export const personFields = {
  name: requiredText('Namn', 120),
  party: optionalText('Parti', 40),
  email: emailSchema,
  phone: optionalText('Telefon', 40),
  organisation: optionalText('Organisation', 120),
  title: optionalText('Befattning', 120),
  notes: optionalText('Anteckning', 2000),
};

export const personSaveInput = z.object({ id: idSchema.optional(), ...personFields, confirmPersonalData }).strict();
export type PersonSaveInput = z.input<typeof personSaveInput>;

export const personIdInput = z.object({ id: idSchema }).strict();
export const peopleListInput = z.object({}).strict();

export interface Person {
  id: number;
  name: string;
  party: string | null;
  email: string | null;
  phone: string | null;
  organisation: string | null;
  title: string | null;
  notes: string | null;
  /** Where the person appears: board seats and groups, for the register view. */
  usedIn: string[];
  createdAt: string;
  updatedAt: string;
}

// ——— Mandate periods ———

export const periodSaveInput = z
  .object({
    id: idSchema.optional(),
    startsOn: isoDate('Mandatperiodens första dag'),
    endsOn: isoDate('Mandatperiodens sista dag'),
    label: optionalText('Benämning', 60),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.endsOn < p.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Mandatperioden kan inte sluta innan den börjar.' });
    }
  });
export type PeriodSaveInput = z.input<typeof periodSaveInput>;
export const periodIdInput = z.object({ id: idSchema }).strict();

export interface MandatePeriod {
  id: number;
  startsOn: string;
  endsOn: string;
  /** E.g. "2015–2018"; made from the years when not set. */
  label: string;
  appointments: number;
}

// ——— Board appointments ———

export const SEATS = ['ordinarie', 'ersattare'] as const;
export type Seat = (typeof SEATS)[number];
export const SEAT_LABELS: Record<Seat, string> = { ordinarie: 'Ordinarie ledamot', ersattare: 'Ersättare' };

export const BOARD_ROLES = ['ordforande', 'vice_ordforande_1', 'vice_ordforande_2'] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];
/** As written under the signature lines in the papers (003 page 3). */
export const BOARD_ROLE_LABELS: Record<BoardRole, string> = {
  ordforande: 'Förbundsordförande',
  vice_ordforande_1: '1:e vice ordförande',
  vice_ordforande_2: '2:e vice ordförande',
};

export const boardSaveInput = z
  .object({
    id: idSchema.optional(),
    periodId: idSchema,
    memberId: idSchema,
    seat: z.enum(SEATS, { error: 'Välj ordinarie ledamot eller ersättare.' }),
    role: z
      .enum(BOARD_ROLES, { error: 'Välj roll: förbundsordförande, 1:e eller 2:e vice ordförande.' })
      .nullish()
      .transform((v) => v ?? null),
    /** Defaults to the mandate period's first and last day. */
    startsOn: optionalIsoDate('Uppdragets första dag'),
    endsOn: optionalIsoDate('Uppdragets sista dag'),
    /** The person: an existing one (id) whose details are updated, or a new one. */
    person: z.object({ id: idSchema.optional(), ...personFields }).strict(),
    confirmPersonalData,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.role !== null && a.seat !== 'ordinarie') {
      ctx.addIssue({ code: 'custom', path: ['role'], message: 'Bara en ordinarie ledamot kan vara ordförande eller vice ordförande.' });
    }
    if (a.startsOn !== null && a.endsOn !== null && a.endsOn < a.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Uppdraget kan inte sluta innan det börjar.' });
    }
  });
export type BoardSaveInput = z.input<typeof boardSaveInput>;
export const boardIdInput = z.object({ id: idSchema }).strict();
export const boardListInput = z.object({ periodId: idSchema }).strict();

export interface BoardAppointment {
  id: number;
  periodId: number;
  memberId: number;
  memberName: string;
  seat: Seat;
  role: BoardRole | null;
  startsOn: string;
  endsOn: string;
  person: Omit<Person, 'usedIn' | 'createdAt' | 'updatedAt'>;
}

/** One row of the table in 003: "Medlemsorganisation · Ordinarie ledamot · Ersättare". */
export interface BoardRow {
  memberId: number;
  memberName: string;
  ordinarie: BoardAppointment[];
  ersattare: BoardAppointment[];
}

export interface BoardView {
  period: MandatePeriod;
  /** Every member, in register order, with its seats (empty lists where none is appointed). */
  rows: BoardRow[];
}

export const signaturesInput = z
  .object({
    periodId: idSchema,
    /** The day the document is signed; who sat on the board that day signs. */
    date: isoDate('Datum'),
    scope: z.enum(['presidium', 'styrelse'], { error: 'Välj presidiet eller hela styrelsen.' }).default('presidium'),
  })
  .strict();

export interface Signer {
  name: string;
  /** "Förbundsordförande", "1:e vice ordförande" … or null for other ledamöter. */
  roleTitle: string | null;
  /** The member organisation that appointed the person ("Utsedd av"). */
  appointedBy: string;
}

/** The block under a signed document: "Uppsala 2018-03-16", then name, role, "Utsedd av", organisation. */
export interface SignatureBlock {
  placeAndDate: string;
  signers: Signer[];
}

/** The API contract's board methods; shared/contract/methods.ts merges every area's. */
export const boardMethods = {
  'people.list': method<Person[]>()({
    description: 'Personregistret: styrelseledamöter, gruppmedlemmar och delegater.',
    input: peopleListInput,
    writes: false,
  }),
  'people.save': method<Person>()({
    description: 'Lägger till eller ändrar en person.',
    input: personSaveInput,
    writes: true,
  }),
  'people.remove': method<{ id: number }>()({
    description: 'Tar bort en person som inte har något uppdrag.',
    input: personIdInput,
    writes: true,
  }),
  'periods.list': method<MandatePeriod[]>()({
    description: 'Mandatperioderna, den senaste först.',
    input: emptyInput,
    writes: false,
  }),
  'periods.save': method<MandatePeriod>()({
    description: 'Lägger till eller ändrar en mandatperiod.',
    input: periodSaveInput,
    writes: true,
  }),
  'periods.remove': method<{ id: number }>()({
    description: 'Tar bort en mandatperiod utan uppdrag.',
    input: periodIdInput,
    writes: true,
  }),
  'board.list': method<BoardView>()({
    description: 'Styrelsen under en mandatperiod: per medlemsorganisation ordinarie ledamot och ersättare.',
    input: boardListInput,
    writes: false,
  }),
  'board.save': method<BoardAppointment>()({
    description: 'Lägger till eller ändrar ett styrelseuppdrag (med personens uppgifter).',
    input: boardSaveInput,
    writes: true,
  }),
  'board.remove': method<{ id: number }>()({
    description: 'Tar bort ett styrelseuppdrag.',
    input: boardIdInput,
    writes: true,
  }),
  'board.signatures': method<SignatureBlock>()({
    description: 'Namnteckningsblocket: presidiet eller hela styrelsen en viss dag.',
    input: signaturesInput,
    writes: false,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

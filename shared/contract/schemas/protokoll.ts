import type { DocumentMeta } from './diarium';
import { z } from 'zod';
import type { ProtokollDates } from '../../domain/justering';
import type { ItemKind } from './meetings';
import { signingCredentials } from './arendeblad';
import { confirmPersonalData, idSchema, isoDate, optionalIsoDate, optionalText, requiredText } from './common';
import { method, type MethodSpec } from '../define';

/** Protokoll, justering, protokollsutdrag and anslagsbevis. */

export const ATTENDANCE_ROLES = ['ledamot', 'tjanstgorande_ersattare', 'ersattare', 'ovrig'] as const;
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceRole, string> = {
  ledamot: 'Ledamot',
  tjanstgorande_ersattare: 'Tjänstgörande ersättare',
  ersattare: 'Ej tjänstgörande ersättare',
  ovrig: 'Övrig närvarande',
};

export const PROTOKOLL_STATUSES = ['utkast', 'for_justering', 'justerat', 'anslaget'] as const;
export type ProtokollStatus = (typeof PROTOKOLL_STATUSES)[number];
export const PROTOKOLL_STATUS_LABELS: Record<ProtokollStatus, string> = {
  utkast: 'Utkast',
  for_justering: 'För justering (låst)',
  justerat: 'Justerat',
  anslaget: 'Justerat och anslaget',
};

const text = (label: string, max: number) => z.string({ error: `${label} måste vara text.` }).max(max, { error: `${label} får vara högst ${max} tecken.` });

export const protokollSaveInput = z
  .object({
    meetingId: idSchema,
    sekreterare: optionalText('Sekreterare', 120),
    ordforande: optionalText('Ordförande', 120),
    justerare: z.array(requiredText('Justerare', 120)).max(4, { error: 'Högst fyra justerare.' }),
    justeringPlats: optionalText('Justeringens plats', 200),
    justeringDag: optionalIsoDate('Justeringsdag'),
    forvaring: optionalText('Förvaringsplats', 200),
    /**
     * The meeting's first § when the year began before Kansli (its § are renumbered from it);
     * without it the numbers stay.
     */
    firstParagraph: z
      .number({ error: 'Första § ska vara ett heltal.' })
      .int({ error: 'Första § ska vara ett heltal.' })
      .min(1, { error: 'Första § är minst 1.' })
      .max(9_999, { error: 'Första § är högst 9 999.' })
      .optional(),
    attendance: z
      .array(
        z
          .object({
            personId: idSchema.nullable().default(null),
            name: requiredText('Namn', 120),
            organisation: optionalText('Organisation', 160),
            role: z.enum(ATTENDANCE_ROLES, { error: 'Välj hur personen deltog.' }),
            replaces: optionalText('Ersätter', 120),
            distance: z.boolean().default(false),
          })
          .strict(),
      )
      .max(80),
    items: z
      .array(
        z
          .object({
            id: idSchema,
            decision: z.array(text('Beslutet', 2_000)).max(30),
            reservationer: optionalText('Reservationer', 4_000),
            anteckningar: optionalText('Protokollsanteckningar', 4_000),
            jav: optionalText('Jäv', 1_000),
          })
          .strict(),
      )
      .max(120),
    confirmPersonalData,
  })
  .strict();

export const protokollIdInput = z.object({ meetingId: idSchema }).strict();

export const justeringStepInput = z
  .object({
    meetingId: idSchema,
    kind: z.enum(['andringsforslag', 'godkant', 'avvisat'], { error: 'Välj godkänn, avvisa eller ändringsförslag.' }),
    /** The justerare or the ordförande who acts. */
    person: requiredText('Vem', 120),
    text: optionalText('Kommentar', 2_000),
    confirmPersonalData,
  })
  .strict();

export const protokollSignInput = z.object({ meetingId: idSchema, credentials: signingCredentials }).strict();
export const anslagInput = z.object({ meetingId: idSchema, anslagOn: isoDate('Anslagsdatum') }).strict();
export const utdragInput = z.object({ meetingId: idSchema, itemId: idSchema }).strict();

export interface AttendanceRow {
  personId: number | null;
  name: string;
  organisation: string | null;
  role: AttendanceRole;
  replaces: string | null;
  distance: boolean;
}

export interface ProtokollItem {
  id: number;
  number: number;
  paragraph: number | null;
  kind: ItemKind;
  title: string;
  diarienummer: string | null;
  /** Förslag till beslut from the ärendeblad (without "att"). */
  proposal: string[];
  proposalIntro: string | null;
  /** "Beslutet skickas till", from the ärendeblad. */
  skickasTill: string[];
  decision: string[];
  reservationer: string | null;
  anteckningar: string | null;
  jav: string | null;
}

export interface ProtokollEvent {
  at: string;
  actor: string;
  kind: 'skickat' | 'andringsforslag' | 'godkant' | 'avvisat' | 'signerat' | 'anslaget';
  person: string | null;
  text: string | null;
}

export interface ProtokollView {
  meetingId: number;
  status: ProtokollStatus;
  statusLabel: string;
  sekreterare: string | null;
  ordforande: string | null;
  justerare: string[];
  justeringPlats: string | null;
  justeringDag: string | null;
  forvaring: string | null;
  attendance: AttendanceRow[];
  items: ProtokollItem[];
  /** "§§ 12–20". */
  paragraphs: string;
  /** The first § (null before the dagordning has a point). */
  firstParagraph: number | null;
  /** Where the first § comes from, in Swedish: "Fortsätter efter § 9 (sammanträdet 2026-10-15)." */
  paragraphNote: string;
  dates: ProtokollDates;
  /** What stops sending it for justering, in Swedish. */
  problems: string[];
  /** Who signs, in order: "Sekreterare", "Ordförande", "Justerare". */
  signingOrder: { role: string; name: string; signed: boolean }[];
  arendeId: number | null;
  documentId: number | null;
  anslagDocumentId: number | null;
  justeratOn: string | null;
  anslagOn: string | null;
  events: ProtokollEvent[];
}

/** The protokoll as it stands, as the input that saves it unchanged: a writer changes what it needs. */
export function protokollSaveFrom(p: ProtokollView): z.input<typeof protokollSaveInput> {
  return {
    meetingId: p.meetingId,
    sekreterare: p.sekreterare ?? undefined,
    ordforande: p.ordforande ?? undefined,
    justerare: p.justerare,
    justeringPlats: p.justeringPlats ?? undefined,
    justeringDag: p.justeringDag ?? undefined,
    forvaring: p.forvaring ?? undefined,
    attendance: p.attendance.map((a) => ({ ...a, organisation: a.organisation ?? undefined, replaces: a.replaces ?? undefined })),
    items: p.items.map((i) => ({
      id: i.id,
      decision: i.decision,
      reservationer: i.reservationer ?? undefined,
      anteckningar: i.anteckningar ?? undefined,
      jav: i.jav ?? undefined,
    })),
  };
}

/** The API contract's protokoll methods; shared/contract/methods.ts merges every area's. */
export const protokollMethods = {
  'protokoll.get': method<{ protokoll: ProtokollView | null }>()({
    description: 'Sammanträdets protokoll med justeringens läge och datum, om det finns ett.',
    input: protokollIdInput,
    writes: false,
  }),
  'protokoll.start': method<ProtokollView>()({
    description: 'Skriv protokoll: närvaro från styrelseregistret, paragrafnummer och besluten ifyllda från förslagen.',
    input: protokollIdInput,
    writes: true,
  }),
  'protokoll.save': method<ProtokollView>()({
    description: 'Sparar protokollet (närvaro, justerare, beslut per paragraf). Avvisas när det är låst för justering.',
    input: protokollSaveInput,
    writes: true,
  }),
  'protokoll.send': method<ProtokollView>()({
    description: 'Skickar protokollet för justering: reglerna prövas, protokollet låses och PDF:en läggs i diariet.',
    input: protokollIdInput,
    writes: true,
  }),
  'protokoll.step': method<ProtokollView>()({
    description: 'Ordföranden eller en justerare godkänner, föreslår en ändring eller skickar tillbaka protokollet.',
    input: justeringStepInput,
    writes: true,
  }),
  'protokoll.sign': method<ProtokollView>()({
    description: 'Nästa i underskriftsordningen signerar protokollet. Den sista signaturen gör det justerat och skapar anslagsbeviset.',
    input: protokollSignInput,
    writes: true,
  }),
  'protokoll.anslag': method<ProtokollView>()({
    description: 'Anger dagen då justeringen anslogs och skapar ett nytt anslagsbevis.',
    input: anslagInput,
    writes: true,
  }),
  'protokoll.utdrag': method<DocumentMeta>()({
    description: 'Protokollsutdrag för en paragraf ur det justerade protokollet, sparat i diariet.',
    input: utdragInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

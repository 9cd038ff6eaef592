import { z } from 'zod';
import { base64Content, requiredText } from './common';
import { method, type MethodSpec } from '../define';
import type { GeneratedFile } from './arendeblad';
import { planYearSchema } from './verksamhetsplan';
import { BOKSLUT_LINE_KEYS, type BokslutCheck, type BokslutLine, type Statements } from '../../domain/bokslut';

/**
 * Bokslut: resultaträkning, balansräkning, kassaflödesanalys and noter for a year, with the
 * year before and the budget beside, from account balances (an SIE file of type 1–4, or
 * typed) and a mapping of accounts to lines; every sum and cross-check named.
 */

const accountSchema = z
  .string({ error: 'Kontot ska vara text.' })
  .trim()
  .regex(/^\d{4,6}$/, { error: 'Ett konto skrivs med fyra till sex siffror.' });
const kronor = (label: string) => z.number({ error: `${label} ska vara ett belopp.` }).finite();

export const bokslutYearInput = z.object({ year: planYearSchema }).strict();

export const bokslutImportInput = z
  .object({
    fileName: requiredText('Filnamn', 260),
    contentBase64: base64Content,
  })
  .strict();

export const bokslutSaldonInput = z
  .object({
    year: planYearSchema,
    accounts: z
      .array(
        z
          .object({
            account: accountSchema,
            name: z.string().trim().max(200).default(''),
            ibKr: kronor('Ingående balans').default(0),
            ubKr: kronor('Utgående balans').default(0),
            resKr: kronor('Årets resultat på kontot').default(0),
          })
          .strict(),
      )
      .max(2_000),
  })
  .strict();

export const bokslutMappingsInput = z
  .object({
    year: planYearSchema,
    mappings: z.array(z.object({ account: accountSchema, line: z.enum(BOKSLUT_LINE_KEYS as [BokslutLine, ...BokslutLine[]]).nullable() }).strict()).max(2_000),
  })
  .strict();

export const bokslutNoteInput = z
  .object({
    year: planYearSchema,
    number: z.number().int().min(1).max(99),
    label: requiredText('Notens rubrik', 200),
    /** Empty: the typed note is removed. */
    rows: z.array(z.object({ label: requiredText('Radens text', 200), kr: kronor('Beloppet') }).strict()).max(100),
    text: z.string().trim().max(5_000).default(''),
  })
  .strict();

export interface BokslutRow {
  line: BokslutLine;
  label: string;
  note: number | null;
  kr: number;
  previousKr: number | null;
  /** The resultaträkning's budget column; null on the balansräkning. */
  budgetKr: number | null;
}

export interface BokslutSums<T> {
  year: T;
  previous: T | null;
}

export interface BokslutNote {
  number: number;
  label: string;
  rows: { label: string; kr: number }[];
  sumKr: number;
  /** The line of the resultaträkning the note belongs to. */
  lineKr: number;
  /** Where the note's rows come from. */
  source: string;
  /** Typed by the kansli (not filled from a register). */
  typed: boolean;
  text: string;
}

export interface BokslutAccount {
  account: string;
  name: string;
  /** The line it goes to, by the mapping or the BAS default; null: not part of the bokslut. */
  line: BokslutLine | null;
  mapped: boolean;
  ibKr: number;
  ubKr: number;
  resKr: number;
}

/** The kassaflödesanalys's lines, whole kronor (as shared/domain/bokslut.ts computes them). */
export type Kassaflode = Statements['kfa'];

export interface BokslutView {
  year: number;
  /** Whether the year has balances at all (an import or typed). */
  hasSaldon: boolean;
  hasPrevious: boolean;
  source: { kind: 'sie' | 'inskrivet'; fileName: string | null; updatedAt: string; updatedBy: string } | null;
  rr: BokslutRow[];
  rrSums: BokslutSums<Statements['rrSums']> & { budget: Statements['rrSums'] | null };
  br: BokslutRow[];
  brSums: BokslutSums<Statements['brSums']>;
  periodensResultat: BokslutSums<number>;
  kfa: BokslutSums<Kassaflode>;
  notes: BokslutNote[];
  checks: BokslutCheck[];
  accounts: BokslutAccount[];
}

/** The API contract's bokslut methods; shared/contract/methods.ts merges every area's. */
export const bokslutMethods = {
  'bokslut.get': method<BokslutView>()({
    description: 'Resultaträkning, balansräkning, kassaflödesanalys och noter för ett år, med kontrollerna.',
    input: bokslutYearInput,
    writes: false,
  }),
  'bokslut.import': method<BokslutView>()({
    description: 'Läser saldon (#IB, #UB, #RES) ur en SIE-fil av typ 1–4 för filens år och året före.',
    input: bokslutImportInput,
    writes: true,
  }),
  'bokslut.saveSaldon': method<BokslutView>()({
    description: 'Skriver in kontonas saldon för ett år för hand (ersätter årets inskrivna saldon).',
    input: bokslutSaldonInput,
    writes: true,
  }),
  'bokslut.saveMappings': method<BokslutView>()({
    description: 'Kopplar konton till rader i resultat- och balansräkningen (en gång, sedan gäller kopplingen).',
    input: bokslutMappingsInput,
    writes: true,
  }),
  'bokslut.saveNote': method<BokslutView>()({
    description: 'Skriver in en not som registren inte fyller (t.ex. Not 1 Sidointäkter); utan rader tas den bort.',
    input: bokslutNoteInput,
    writes: true,
  }),
  'bokslut.pdf': method<GeneratedFile>()({
    description: 'Bokslutet som PDF/A: resultaträkning, balansräkning, kassaflödesanalys och noter.',
    input: bokslutYearInput,
    writes: false,
  }),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

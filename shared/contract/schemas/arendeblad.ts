import type { DocumentMeta } from './diarium';
import { z } from 'zod';
import { base64Content, confirmPersonalData, idSchema, isoDate, requiredText } from './common';
import { method, type MethodSpec } from '../define';

/**
 * The ärendeblad (tjänsteskrivelse) as structured content, not a blank page:
 * Förslag till beslut with its att-satser, then sections (Ärendet, Bedömning …) made
 * of paragraphs, sub-headings, bullet lists and simple tables, the föredragande and
 * the numbered bilagor. Drafts may be incomplete; readiness is checked before a PDF.
 */

const text = (label: string, max: number) => z.string({ error: `${label} måste vara text.` }).max(max, { error: `${label} får vara högst ${max} tecken.` });

export const paragraphBlock = z.object({ type: z.literal('stycke'), text: text('Stycket', 20_000) }).strict();
export const subheadingBlock = z.object({ type: z.literal('underrubrik'), text: text('Underrubriken', 200) }).strict();
export const listBlock = z
  .object({ type: z.literal('punktlista'), items: z.array(text('Punkten', 2_000)).max(200, { error: 'En lista får ha högst 200 punkter.' }) })
  .strict();
export const tableBlock = z
  .object({
    type: z.literal('tabell'),
    /** Shown above the table, e.g. "Medlemsavgifter 2018 per medlem". */
    caption: text('Tabellrubriken', 200),
    header: z
      .array(text('Kolumnrubriken', 120))
      .min(1, { error: 'En tabell behöver minst en kolumn.' })
      .max(10, { error: 'En tabell får ha högst 10 kolumner.' }),
    rows: z.array(z.array(text('Cellen', 500))).max(300, { error: 'En tabell får ha högst 300 rader.' }),
    /** The last row is a sum row, set in bold with a rule above it. */
    sumRow: z.boolean().default(false),
    /** A note under the table, e.g. "*baseras på folkmängd 1 november 2017, SCB". */
    note: text('Tabellens fotnot', 500).default(''),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.rows.forEach((row, i) => {
      if (row.length !== t.header.length) {
        ctx.addIssue({ code: 'custom', path: ['rows', i], message: `Rad ${i + 1} har ${row.length} celler men tabellen har ${t.header.length} kolumner.` });
      }
    });
  });

/** A picture, e.g. a chart drawn in the app, as PNG; kept whole on one page in the PDF. */
export const imageBlock = z
  .object({
    type: z.literal('bild'),
    caption: text('Bildtexten', 300),
    pngBase64: base64Content
      .max(8_000_000, { error: 'Bilden är för stor (högst 6 MB).' })
      .refine((b) => b.startsWith('iVBORw0KGgo'), { error: 'Bilden ska vara en PNG-bild.' }),
  })
  .strict();

/**
 * The risk matrix, drawn as vectors in the PDF (sharp in print, never split across
 * pages) and as a shaded table in Word: rows from the highest sannolikhet down,
 * columns konsekvens left to right, each cell with its colour and the risks' ids.
 */
export const matrixBlock = z
  .object({
    type: z.literal('riskmatris'),
    caption: text('Rubriken', 200),
    rowTitle: text('Radernas rubrik', 60),
    colTitle: text('Kolumnernas rubrik', 60),
    rowLabels: z.array(text('Radens namn', 40)).min(3).max(5),
    colLabels: z.array(text('Kolumnens namn', 40)).min(3).max(5),
    cells: z
      .array(
        z
          .array(z.object({ text: text('Cellen', 300), color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }).strict())
          .min(3)
          .max(5),
      )
      .min(3)
      .max(5),
    legend: z.array(z.object({ label: text('Nivån', 40), color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }).strict()).max(6),
  })
  .strict();

/** Charts drawn in the app (PNG) that a generated ärendeblad takes as pictures. */
export const chartPictures = z
  .array(z.object({ title: text('Diagrammets rubrik', 200), pngBase64: imageBlock.shape.pngBase64 }).strict())
  .max(6, { error: 'Högst sex diagram.' })
  .default([]);

export const block = z.discriminatedUnion('type', [paragraphBlock, subheadingBlock, listBlock, tableBlock, imageBlock, matrixBlock]);
export type MatrixBlock = z.output<typeof matrixBlock>;
export type ImageBlock = z.output<typeof imageBlock>;
export type Block = z.output<typeof block>;
export type TableBlock = z.output<typeof tableBlock>;

export const section = z
  .object({
    heading: text('Rubriken', 120),
    blocks: z.array(block).max(400, { error: 'Ett avsnitt får ha högst 400 delar.' }),
  })
  .strict();
export type Section = z.output<typeof section>;

export const bilaga = z
  .object({
    /** A document in the diarium; null while the writer has only named it. */
    documentId: idSchema.nullable(),
    title: text('Bilagans namn', 300),
  })
  .strict();
export type Bilaga = z.output<typeof bilaga>;

export const arendebladContent = z
  .object({
    forslag: z
      .object({
        /** "Förbundsstyrelsen föreslås besluta". */
        inledning: text('Inledningen', 200),
        /** The att-satser without the leading "att" (numbered instead when the förbund chooses so). */
        punkter: z.array(text('Att-satsen', 2_000)).max(30, { error: 'Högst 30 att-satser.' }),
      })
      .strict(),
    sections: z.array(section).max(20, { error: 'Högst 20 avsnitt.' }),
    foredragande: z
      .object({
        personId: idSchema.nullable(),
        name: text('Föredragandes namn', 120),
        title: text('Föredragandes titel', 120),
      })
      .strict(),
    bilagor: z.array(bilaga).max(50, { error: 'Högst 50 bilagor.' }),
    /** "Beslutet skickas till". */
    skickasTill: z.array(text('Mottagaren', 200)).max(30),
  })
  .strict();
export type ArendebladContent = z.output<typeof arendebladContent>;

export const ORGAN_OPTIONS = ['Förbundsstyrelsen', 'Arbetsutskottet'] as const;

export const TEMPLATE_KEYS = [
  'tomt',
  'beviljande_av_ansokan',
  'tillaggsansokan',
  'arsredovisning',
  'delarsrapport',
  'medlemsavgifter',
  'ekonomisk_information',
  'verksamhetsplan_och_budget',
  'riskanalys_och_internkontrollplan',
  'uppfoljning_av_internkontroll',
  'anmalan_av_delegationsbeslut',
  'utvarderings_pm',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface TemplateInfo {
  key: TemplateKey;
  label: string;
  description: string;
  /** The rubrik a new ärendeblad gets, e.g. "Årsredovisning 2026". */
  suggestedTitle: string;
}

export const templatesInput = z.object({ year: z.number().int().min(1990).max(2100).optional() }).strict();

export const arendebladCreateInput = z
  .object({
    template: z.enum(TEMPLATE_KEYS, { error: 'Välj en mall.' }),
    /** An existing ärende in the diarium; without it a new beslutsärende is registered. */
    arendeId: idSchema.optional(),
    rubrik: requiredText('Rubrik', 300).optional(),
    organ: requiredText('Organ', 120).default('Förbundsstyrelsen'),
    datum: isoDate('Datum').optional(),
    confirmPersonalData,
  })
  .strict();

export const arendebladSaveInput = z
  .object({
    id: idSchema,
    /** The revision the writer started from; a newer one in the database means someone else saved. */
    revision: z.number().int().positive(),
    organ: requiredText('Organ', 120),
    rubrik: requiredText('Rubrik', 300),
    datum: isoDate('Datum'),
    content: arendebladContent,
    confirmPersonalData,
  })
  .strict();

export const arendebladIdInput = z.object({ id: idSchema }).strict();
export const arendebladByArendeInput = z.object({ arendeId: idSchema }).strict();
export const arendebladListInput = z.object({ year: z.number().int().min(1990).max(2100).optional() }).strict();

export interface SignedVersion {
  documentId: number;
  /** The ärendeblad's version this PDF was signed at. */
  version: number | null;
  title: string;
  fileName: string;
  sha256: string;
  addedAt: string;
  addedBy: string;
  supersededBy: number | null;
}

export interface Arendeblad {
  id: number;
  arendeId: number;
  diarienummer: string;
  arendeKind: string;
  template: TemplateKey;
  organ: string;
  rubrik: string;
  datum: string;
  content: ArendebladContent;
  revision: number;
  updatedAt: string;
  updatedBy: string;
  /** What still stops a PDF, in Swedish; empty when it is ready. */
  problems: string[];
  /** Signed PDFs of this ärendeblad, the newest first. */
  signed: SignedVersion[];
  /** 1 at first; "Ny version" raises it after a signature. */
  version: number;
  /** This version is signed: its text cannot change until a new version is made. */
  frozen: boolean;
}

export interface ArendebladListItem {
  id: number;
  arendeId: number;
  diarienummer: string;
  rubrik: string;
  organ: string;
  datum: string;
  template: TemplateKey;
  updatedAt: string;
  signedCount: number;
  ready: boolean;
}

export interface GeneratedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
  pages?: number;
}

/** The signer's certificate file and password: used for this one call, never stored. */
export const signingCredentials = z
  .object({
    certificateBase64: base64Content,
    password: z.string({ error: 'Ange lösenordet till certifikatet.' }).max(500),
    /** The signer's role in the signature block, e.g. "Förbundschef", "Ordförande", "Justerare". */
    role: requiredText('Roll', 80),
  })
  .strict();

export const arendebladSignInput = z
  .object({
    id: idSchema,
    /** The revision on the screen: a newer one in the database is refused, so what is signed is what was read. */
    revision: z.number().int().positive().optional(),
    credentials: signingCredentials,
  })
  .strict();
export const arendebladNewVersionInput = z.object({ id: idSchema, revision: z.number().int().positive() }).strict();
export const documentSignInput = z.object({ documentId: idSchema, credentials: signingCredentials }).strict();
/** A document in the diarium, or a PDF file from elsewhere. */
export const pdfVerifyInput = z
  .object({
    documentId: idSchema.optional(),
    fileName: requiredText('Filnamn', 255).optional(),
    contentBase64: base64Content.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.documentId === undefined) === (v.contentBase64 === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: 'Ange antingen ett dokument i diariet eller en PDF-fil.' });
    }
  });
export const exportSignedInput = z
  .object({
    documentIds: z.array(idSchema).min(1, { error: 'Välj minst ett dokument.' }).max(500),
    /** A folder on this computer (Electron's folder picker, or typed in the host). */
    folder: requiredText('Mapp', 1_000),
  })
  .strict();

export interface ExportResult {
  folder: string;
  files: string[];
}

/** One signature in a PDF, as the verifier found it. */
export interface SignatureCheck {
  fieldName: string | null;
  signerName: string;
  issuerName: string;
  /** ISO time from the signature dictionary's /M, when present. */
  signingTime: string | null;
  reason: string | null;
  location: string | null;
  subFilter: string;
  /** The signed bytes hash to the signed digest and the signature verifies with the certificate. */
  intact: boolean;
  coversWholeDocument: boolean;
  /** Bytes after this signature's revision that are not later signatures. */
  changedAfterSigning: boolean;
  /** PAdES baseline B-B: signing-certificate-v2 present and matching the certificate. */
  padesB: boolean;
  certificateValidAtSigning: boolean;
  /** Swedish, for a person. */
  problems: string[];
}

export interface PdfVerification {
  signed: boolean;
  valid: boolean;
  signatures: SignatureCheck[];
  /** One Swedish sentence. */
  summary: string;
}

/** The API contract's arendeblad methods; shared/contract/methods.ts merges every area's. */
export const arendebladMethods = {
  'arendeblad.templates': method<TemplateInfo[]>()({
    description: 'Mallarna för ärendeblad, med den rubrik varje mall ger i år.',
    input: templatesInput,
    writes: false,
  }),
  'arendeblad.list': method<ArendebladListItem[]>()({
    description: 'Ärendebladen, det senaste först.',
    input: arendebladListInput,
    writes: false,
  }),
  'arendeblad.get': method<Arendeblad>()({
    description: 'Ett ärendeblad med innehåll, det som saknas innan det kan bli PDF och dess signerade versioner.',
    input: arendebladIdInput,
    writes: false,
  }),
  'arendeblad.forArende': method<{ arendeblad: Arendeblad | null }>()({
    description: 'Ärendebladet till ett ärende i diariet, om det har ett.',
    input: arendebladByArendeInput,
    writes: false,
  }),
  'arendeblad.create': method<Arendeblad>()({
    description: 'Skapar ett ärendeblad från en mall, för ett ärende i diariet eller ett nytt beslutsärende.',
    input: arendebladCreateInput,
    writes: true,
  }),
  'arendeblad.save': method<Arendeblad>()({
    description: 'Sparar ärendebladet (autosparning). Avvisas om någon annan har sparat en nyare version.',
    input: arendebladSaveInput,
    writes: true,
  }),
  'arendeblad.pdf': method<GeneratedFile>()({
    description: 'Ärendebladet som PDF/A (A4). Avvisas så länge något saknas, t.ex. att-satser eller bilagor.',
    input: arendebladIdInput,
    writes: false,
  }),
  'arendeblad.docx': method<GeneratedFile>()({
    description: 'Ärendebladet som Word-dokument (.docx) för den som måste redigera det i Word.',
    input: arendebladIdInput,
    writes: false,
  }),
  'arendeblad.sign': method<Arendeblad>()({
    description: 'Skapar PDF:en, signerar den med användarens certifikat (PAdES) och lägger den i diariet. Lösenordet sparas aldrig.',
    input: arendebladSignInput,
    writes: true,
  }),
  'arendeblad.newVersion': method<Arendeblad>()({
    description: 'Gör en ny version av ett signerat ärendeblad så att det kan ändras; underskrifterna står kvar på den tidigare versionen.',
    input: arendebladNewVersionInput,
    writes: true,
  }),
  'documents.sign': method<DocumentMeta>()({
    description: 'Lägger till ännu en signatur (t.ex. ordförande, justerare) på ett signerat dokument; den nya versionen ersätter den förra.',
    input: documentSignInput,
    writes: true,
  }),
  'pdf.verify': method<PdfVerification>()({
    description: 'Kontrollerar signaturerna i en PDF: vem som signerat, när, och om dokumentet ändrats efteråt.',
    input: pdfVerifyInput,
    writes: false,
  }),
  'documents.exportSigned': method<ExportResult>()({
    description: 'Sparar signerade dokument i en mapp, namngivna efter diarienummer och rubrik.',
    input: exportSignedInput,
    writes: false,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

import { ARENDE_KIND_LABELS, ARENDE_STATUS_LABELS, LINK_KIND_LABELS } from './schemas/diarium';
import { MEMBER_KIND_LABELS } from './schemas/members';
import { BOARD_ROLE_LABELS, SEAT_LABELS } from './schemas/board';
import { GROUP_KIND_LABELS } from './schemas/groups';
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  INSATS_FORM_LABELS,
  INSATS_STATUS_LABELS,
  KATEGORI_LABELS,
  REPORT_LABELS,
} from './schemas/insatser';
import { BUDGET_KIND_LABELS } from './schemas/ekonomi';
import { BODY_LABELS, ITEM_KIND_LABELS } from './schemas/meetings';
import { ATTENDANCE_LABELS, PROTOKOLL_STATUS_LABELS } from './schemas/protokoll';
import { HANTERING_LABELS } from './schemas/internkontroll';
import { PLAN_STATUS_LABELS } from './schemas/verksamhetsplan';
import { GOAL_STATUS_LABELS } from './schemas/maluppfyllelse';
import { FREKVENS_LABELS, METOD_LABELS } from '../domain/internkontroll';
import { POST_INFO } from '../domain/budget-posts';
import { TEMPLATES } from '../domain/arendeblad-templates';
import type { AuditEntity } from './schemas/audit';
import { ROLE_LABELS } from './access';

/**
 * The audit log in words: what each field is called, which fields are views of others
 * (left out), and what a stored code means. One place for every entity's fields, so
 * the Granskningslogg never shows `ownerMemberId`, `amount_kr` or `"oppet"`.
 */

/** By the field's last part, in camelCase (snake_case is read as camelCase). */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  account: 'Konto',
  action: 'Åtgärd',
  actor: 'Loggas som',
  addedAt: 'Tillagd',
  addedBy: 'Tillagd av',
  adoptedOn: 'Fastställd',
  address: 'Adress',
  agendaLocked: 'Dagordningen låst',
  amountKr: 'Belopp',
  amountOre: 'Belopp',
  anslagDocumentId: 'Anslagsbevis',
  anslagKr: 'Finansiella anslag',
  anslagOn: 'Anslaget',
  ansvarig: 'Ansvarig',
  arbeteStudierKvinnor: 'Kvinnor till arbete eller studier',
  arbeteStudierMan: 'Män till arbete eller studier',
  arendeId: 'Ärende',
  arendebladId: 'Ärendeblad',
  at: 'Tidpunkt',
  aterstalldFran: 'Återställd från',
  attendance: 'Närvaro',
  avslutade: 'Avslutade',
  avslutadeKvinnor: 'Avslutade kvinnor',
  avslutadeMan: 'Avslutade män',
  avvisatAv: 'Skickat tillbaka av',
  balanceReason: 'Skäl till att budgeten inte är i balans',
  bilagor: 'Bilagor',
  body: 'Organ',
  bookedOn: 'Bokfört',
  by: 'Beslutat av',
  byPost: 'Per post',
  checklist: 'Checklista',
  city: 'Säte (ort)',
  closedBy: 'Stängt av',
  closedOn: 'Stängd',
  code: 'Kod',
  comment: 'Kommentar',
  content: 'Innehåll',
  controls: 'Kontrollmoment',
  created: 'Skapade',
  daily: 'Dagliga',
  decidedBy: 'Beslutsfattare',
  decidedOn: 'Beslutsdatum',
  decision: 'Beslut',
  delegate: 'Delegat',
  delegationCode: 'Delegationspunkt',
  delegationDecisionId: 'Delegationsbeslut',
  delegationId: 'Delegation',
  delegationMatter: 'Delegation',
  deltagare: 'Deltagare',
  description: 'Beskrivning',
  diarienummer: 'Diarienummer',
  diaryFormat: 'Diarienummerformat',
  dimension: 'Dimension',
  displayName: 'Namn',
  login: 'Inloggning',
  passwordChanged: 'Nytt lösenord på servern',
  documentId: 'Handling',
  documents: 'Handlingar',
  doneBy: 'Utförd av',
  doneOn: 'Utförd',
  dueOn: 'Senast',
  email: 'E-post',
  endsAt: 'Slutar',
  endsOn: 'Till',
  fileName: 'Filnamn',
  firstParagraph: 'Första §',
  foredragande: 'Föredragande',
  form: 'Redovisas som',
  forslag: 'Förslag till beslut',
  fortroendevaldaKr: 'Förtroendevalda',
  forvaltningKr: 'Förvaltning',
  forvaring: 'Förvaringsplats',
  frekvens: 'Frekvens',
  from: 'Från år',
  goals: 'Mål',
  guideIndivid: 'Riktlinje, individinriktade',
  guideKompetens: 'Riktlinje, kompetenshöjande',
  guideStruktur: 'Riktlinje, strukturinriktade',
  handlaggare: 'Handläggare',
  hantering: 'Hantering',
  hanteringText: 'Hanteringen',
  heldOn: 'Datum',
  importedAt: 'Importerad',
  importedBy: 'Importerad av',
  inledning: 'Inledning',
  insatsId: 'Insats',
  insatsName: 'Insats',
  intakterKr: 'Intäkter',
  itemId: 'Kontrollpunkt',
  items: 'Punkter',
  justerare: 'Justerare',
  justeratOn: 'Justerat',
  justeringDag: 'Justeringsdag',
  justeringPlats: 'Justeringsplats',
  kategori: 'Kategori',
  kind: 'Typ',
  konsekvens: 'Konsekvens',
  kopianGjord: 'Kopian gjord',
  kostnaderKr: 'Kostnader',
  kvinnor: 'Kvinnor',
  label: 'Benämning',
  levels: 'Nivåer',
  limitKr: 'Beloppsgräns',
  lines: 'Poster',
  links: 'Kopplingar',
  lokusAgrees: 'Lokusgruppen står bakom',
  malgrupp: 'Målgrupp',
  man: 'Män',
  matter: 'Ärende eller beslutstyp',
  meeting: 'Sammanträde',
  meetingId: 'Sammanträde',
  memberId: 'Medlemsorganisation',
  memberName: 'Medlemsorganisation',
  members: 'Medlemmar',
  metod: 'Kontrollmetod',
  mimeType: 'Filtyp',
  moment: 'Kontrollmoment',
  monthly: 'Månatliga',
  mustBeReported: 'Ska anmälas till styrelsen',
  name: 'Namn',
  nextNumber: 'Nästa diarienummer',
  note: 'Anteckning',
  notes: 'Anteckningar',
  objectId: 'Objekt',
  occasionId: 'Kontrolltillfälle',
  on: 'Datum',
  openingEquityKr: 'Eget kapital vid start',
  openingYear: 'Startår',
  ordforande: 'Ordförande',
  orgNr: 'Organisationsnummer',
  organisation: 'Organisation',
  orsak: 'Orsak',
  outcome: 'Utfall',
  owner: 'Ägare',
  ownerMemberId: 'Insatsägare',
  ownerName: 'Insatsägare',
  paidOn: 'Utbetald',
  paragraph: 'Paragraf',
  rader: 'Rader',
  siffror: 'Siffror',
  svar: 'Svar',
  resultat: 'Resultat',
  punkt: 'Punkt',
  datum: 'Datum',
  manad: 'Delåret slutar med månad',
  prognos: 'Helårsprognos',
  avsnitt: 'Avsnitt',
  konton: 'Konton',
  kalla: 'Källa',
  konto: 'Konto',
  rad: 'Rad',
  resultText: 'Resultat',
  kommentar: 'Kommentar',
  matt: 'Mått',
  innehall: 'Innehåll',
  firstYear: 'Första år',
  lastYear: 'Sista år',
  paragraphs: 'Paragrafer',
  parties: 'Samverkansparter',
  party: 'Parti',
  periodFrom: 'Perioden från',
  periodId: 'Mandatperiod',
  periodTo: 'Perioden till',
  person: 'Person',
  personId: 'Person',
  phone: 'Telefon',
  place: 'Plats',
  populationYear: 'Folkmängd per 1 november',
  populations: 'Folkmängd',
  post: 'Post',
  previousId: 'Föregående års risk',
  priorityGroups: 'Prioriterade målgrupper',
  process: 'Process',
  punkter: 'Att-satser',
  rapportNar: 'Rapporteras',
  rapportTill: 'Rapporteras till',
  reason: 'Skäl',
  receivedOn: 'Inkom',
  recent: 'Senaste',
  reportToBoard: 'Anmäls till styrelsen',
  reported: 'Anmält',
  reservfondKr: 'Bunden reservfond',
  resultKr: 'Resultat',
  resultatKr: 'Resultat',
  revision: 'Revidering',
  riskId: 'Risk',
  risks: 'Risker',
  role: 'Roll',
  rowCount: 'Rader',
  rows: 'Rader',
  rubrik: 'Rubrik',
  sample: 'Urval',
  samverkanKr: 'Samverkansinsatser',
  sannolikhet: 'Sannolikhet',
  seat: 'Uppdrag',
  sections: 'Avsnitt',
  sekreterare: 'Sekreterare',
  seq: 'Löpnummer',
  setupDone: 'Kom igång avslutad',
  sha256: 'Kontrollsumma (SHA-256)',
  shares: 'Andel',
  shortName: 'Kortnamn',
  sidointakterKr: 'Sidointäkter',
  signed: 'Signerad',
  signedOff: 'Avslutad',
  signeradVersion: 'Signerad version',
  size: 'Storlek',
  skickasTill: 'Beslutet skickas till',
  soughtTotalKr: 'Sökt belopp',
  source: 'Skapad ur',
  sparadSom: 'Sparad som',
  startsAt: 'Börjar',
  startsOn: 'Från',
  status: 'Status',
  storage: 'Lagring',
  styrgrupp: 'Styrgrupp',
  sumOre: 'Summa',
  supersededBy: 'Ersatt av',
  sus: 'Följs upp i SUS',
  syfte: 'Syfte',
  targetLabel: 'Kopplad till',
  template: 'Mall',
  text: 'Text',
  tillArbete: 'Till arbete',
  tillStudier: 'Till studier',
  title: 'Titel',
  totalKr: 'Total medlemsavgift',
  validFrom: 'Gäller från',
  validTo: 'Gäller till',
  version: 'Version',
  voided: 'Makulerat',
  weekly: 'Veckovisa',
  workStudyPermille: 'Mål för andel till arbete eller studier',
  year: 'År',
  years: 'År och belopp',
  value: 'Värde',
};

/** What an entry holds as a whole value (a list with no field name), by entity. */
export const AUDIT_VALUE_LABELS: Partial<Record<AuditEntity, string>> = {
  meeting: 'Dagordning',
  priority_groups: 'Prioriterade målgrupper',
};

/**
 * Fields that are views of others (a count, a label, a list of problems, derived dates)
 * or the machinery (timestamps, ids): left out of what the log shows.
 */
const HIDDEN = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'problems',
  'paragraphNote',
  'statusLabel',
  'bodyLabel',
  'usedIn',
  'documentCount',
  'decisionCount',
  'appointments',
  'signingOrder',
  'events',
  'incoming',
  'targetId',
  'targetKind',
]);
const HIDDEN_PREFIXES = ['dates.'];

export function camel(part: string): string {
  return part.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export function isHiddenField(field: string): boolean {
  const parts = field.split('.').map(camel);
  return HIDDEN.has(parts.at(-1) ?? '') || HIDDEN_PREFIXES.some((p) => `${parts.join('.')}.`.startsWith(p));
}

/** "content.foredragande.personId" → "Innehåll › Föredragande › Person"; numbers as rows. */
export function auditFieldLabel(entity: string, field: string): string {
  if (field === 'värde') return AUDIT_VALUE_LABELS[entity as AuditEntity] ?? 'Värde';
  return field
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `rad ${Number(part) + 1}` : (AUDIT_FIELD_LABELS[camel(part)] ?? AUDIT_FIELD_LABELS[part] ?? part)))
    .join(' › ');
}

/** Stored codes in words, by field (last part, camelCase), and where one name means different things, by entity. */
const CODE_WORDS: Record<string, Record<string, string>> = {
  seat: SEAT_LABELS,
  role: { ...BOARD_ROLE_LABELS, ...ATTENDANCE_LABELS, ...ROLE_LABELS },
  body: BODY_LABELS,
  kategori: KATEGORI_LABELS,
  post: Object.fromEntries(Object.entries(POST_INFO).map(([k, v]) => [k, v.label])),
  hantering: HANTERING_LABELS,
  frekvens: FREKVENS_LABELS,
  metod: METOD_LABELS,
  targetKind: LINK_KIND_LABELS,
  storage: { db: 'I databasen', file: 'I mappen bredvid databasen' },
  by: { styrelse: 'Styrelsen', delegation: 'Delegation' },
  outcome: { uppfyllt: 'Uppfyllt', delvis: 'Delvis uppfyllt', ej: 'Ej uppfyllt', ej_uppfyllt: 'Ej uppfyllt' },
  result: { ok: 'OK', avvikelse: 'Avvikelse' },
  template: Object.fromEntries(Object.entries(TEMPLATES).map(([k, v]) => [k, v.label])),
};

const ENTITY_CODE_WORDS: Partial<Record<AuditEntity, Record<string, Record<string, string>>>> = {
  arende: { kind: ARENDE_KIND_LABELS, status: ARENDE_STATUS_LABELS },
  member: { kind: MEMBER_KIND_LABELS },
  group: { kind: GROUP_KIND_LABELS },
  application: { kind: APPLICATION_KIND_LABELS, status: APPLICATION_STATUS_LABELS },
  insats: { status: INSATS_STATUS_LABELS, form: INSATS_FORM_LABELS },
  insats_report: { kind: REPORT_LABELS },
  budget: { kind: BUDGET_KIND_LABELS },
  protocol: { status: PROTOKOLL_STATUS_LABELS },
  meeting: { kind: ITEM_KIND_LABELS },
  avvikelse: { status: { oppen: 'Öppen', stangd: 'Stängd' } },
  medlemsavgift: { status: { preliminar: 'Preliminär', faststalld: 'Fastställd' } },
  verksamhetsplan: { status: PLAN_STATUS_LABELS },
  maluppfyllelse: { status: GOAL_STATUS_LABELS },
  utfall_import: { kind: { sie: 'SIE 4', xlsx: 'Excel', csv: 'CSV' } },
};

/** What made a document ("arendeblad:12", "protokoll:3"), in words. */
function sourceWords(value: string): string | null {
  const m = /^(arendeblad|protokoll|utdrag|anslag|verksamhetsplan):(\d+)/.exec(value);
  if (!m) return null;
  const what = {
    arendeblad: 'Ärendeblad',
    protokoll: 'Protokoll för sammanträde',
    utdrag: 'Protokollsutdrag',
    anslag: 'Anslagsbevis',
    verksamhetsplan: 'Verksamhetsplan',
  }[m[1] as 'arendeblad' | 'protokoll' | 'utdrag' | 'anslag' | 'verksamhetsplan'];
  return `${what} nr ${m[2]}`;
}

/** The word for a stored code, or null when the field holds no code (or an unknown one). */
export function codeWord(entity: string, field: string, value: string): string | null {
  const last = camel(field.split('.').at(-1) ?? field);
  if (last === 'source') return sourceWords(value);
  return ENTITY_CODE_WORDS[entity as AuditEntity]?.[last]?.[value] ?? CODE_WORDS[last]?.[value] ?? null;
}

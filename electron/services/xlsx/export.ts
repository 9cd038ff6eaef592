import type { ExportRegister } from '../../../shared/contract/schemas/xlsx';
import { EXPORT_REGISTER_LABELS } from '../../../shared/contract/schemas/xlsx';
import { MEMBER_KIND_LABELS } from '../../../shared/contract/schemas/members';
import { BOARD_ROLE_LABELS, SEAT_LABELS } from '../../../shared/contract/schemas/board';
import { GROUP_KIND_LABELS } from '../../../shared/contract/schemas/groups';
import { ARENDE_KIND_LABELS, ARENDE_STATUS_LABELS } from '../../../shared/contract/schemas/diarium';
import type { Scope } from '../context';
import { listMembers } from '../members';
import { listPeople } from '../people';
import { listBoard, listPeriods } from '../board';
import { arendenWithDocumentCount } from '../diarium';
import { listGroups } from '../groups';
import { listDecisions, listDelegations } from '../delegation';
import type { CellValue, Column } from './workbook';

export interface Table {
  columns: Column[];
  rows: CellValue[][];
}

export const DIARIUM_COLUMNS: Column[] = [
  { header: 'Diarienummer', width: 14 },
  { header: 'Rubrik', width: 50 },
  { header: 'Typ', width: 20 },
  { header: 'Status', width: 16 },
  { header: 'Inkom', kind: 'date', width: 12 },
  { header: 'Beslutsdatum', kind: 'date', width: 13 },
  { header: 'Handläggare', width: 18 },
  { header: 'Beskrivning', width: 50 },
  { header: 'Makulerad', width: 11 },
  { header: 'Makuleringsorsak', width: 40 },
  { header: 'Antal handlingar', kind: 'integer', width: 10 },
];

export const STYRELSE_COLUMNS: Column[] = [
  { header: 'Mandatperiod från', kind: 'date', width: 13 },
  { header: 'Mandatperiod till', kind: 'date', width: 13 },
  { header: 'Medlemsorganisation', width: 26 },
  { header: 'Uppdrag', width: 18 },
  { header: 'Namn', width: 24 },
  { header: 'Parti', width: 8 },
  { header: 'Roll', width: 22 },
  { header: 'Från', kind: 'date', width: 12 },
  { header: 'Till', kind: 'date', width: 12 },
  { header: 'E-post', width: 30 },
  { header: 'Telefon', width: 16 },
];

async function diarium(scope: Scope): Promise<Table> {
  const rows = await arendenWithDocumentCount(scope).orderBy('a.year').orderBy('a.seq').execute();
  return {
    columns: DIARIUM_COLUMNS,
    rows: rows.map((r) => [
      r.diarienummer,
      r.title,
      ARENDE_KIND_LABELS[r.kind],
      ARENDE_STATUS_LABELS[r.status],
      r.received_on,
      r.decided_on,
      r.handlaggare,
      r.description,
      r.voided_at === null ? null : 'Ja',
      r.voided_reason,
      Number(r.document_count ?? 0),
    ]),
  };
}

async function styrelse(scope: Scope): Promise<Table> {
  const rows: CellValue[][] = [];
  const periods = await listPeriods({}, scope);
  for (const period of [...periods].reverse()) {
    const view = await listBoard({ periodId: period.id }, scope);
    for (const r of view.rows) {
      for (const a of [...r.ordinarie, ...r.ersattare]) {
        rows.push([
          period.startsOn,
          period.endsOn,
          r.memberName,
          SEAT_LABELS[a.seat],
          a.person.name,
          a.person.party,
          a.role === null ? null : BOARD_ROLE_LABELS[a.role],
          a.startsOn,
          a.endsOn,
          a.person.email,
          a.person.phone,
        ]);
      }
    }
  }
  return { columns: STYRELSE_COLUMNS, rows };
}

async function medlemmar(scope: Scope): Promise<Table> {
  const members = await listMembers({}, scope);
  const years = [...new Set(members.flatMap((m) => m.populations.map((p) => p.year)))].sort((a, b) => b - a);
  return {
    columns: [
      { header: 'Namn', width: 26 },
      { header: 'Kortnamn', width: 14 },
      { header: 'Typ', width: 18 },
      { header: 'Organisationsnummer', width: 20 },
      ...years.map((y): Column => ({ header: `Folkmängd ${y}`, kind: 'amount', width: 16 })),
    ],
    rows: members.map((m) => [
      m.name,
      m.shortName,
      MEMBER_KIND_LABELS[m.kind],
      m.orgNr,
      ...years.map((y) => m.populations.find((p) => p.year === y)?.population ?? null),
    ]),
  };
}

async function personer(scope: Scope): Promise<Table> {
  const people = await listPeople({}, scope);
  return {
    columns: [
      { header: 'Namn', width: 24 },
      { header: 'Parti', width: 8 },
      { header: 'Organisation', width: 26 },
      { header: 'Befattning', width: 22 },
      { header: 'E-post', width: 30 },
      { header: 'Telefon', width: 16 },
      { header: 'Uppdrag', width: 50 },
      { header: 'Anteckning', width: 40 },
    ],
    rows: people.map((p) => [p.name, p.party, p.organisation, p.title, p.email, p.phone, p.usedIn.join('; ') || null, p.notes]),
  };
}

async function grupper(scope: Scope): Promise<Table> {
  const groups = await listGroups({}, scope);
  const rows: CellValue[][] = [];
  for (const g of groups) {
    const members = g.members.length > 0 ? g.members : [null];
    for (const m of members) rows.push([g.name, GROUP_KIND_LABELS[g.kind], g.memberName, m?.name ?? null, m?.organisation ?? null, m?.role ?? null]);
  }
  return {
    columns: [
      { header: 'Grupp', width: 28 },
      { header: 'Typ', width: 26 },
      { header: 'Kommun', width: 20 },
      { header: 'Namn', width: 24 },
      { header: 'Organisation', width: 26 },
      { header: 'Roll i gruppen', width: 18 },
    ],
    rows,
  };
}

async function delegationsordning(scope: Scope): Promise<Table> {
  const list = await listDelegations({}, scope);
  return {
    columns: [
      { header: 'Punkt', width: 8 },
      { header: 'Ärende/beslutstyp', width: 44 },
      { header: 'Delegat', width: 20 },
      { header: 'Beloppsgräns (kr)', kind: 'amount', width: 16 },
      { header: 'Gäller från', kind: 'date', width: 12 },
      { header: 'Gäller till', kind: 'date', width: 12 },
      { header: 'Anmäls till styrelsen', width: 12 },
      { header: 'Anteckning', width: 40 },
    ],
    rows: list.map((d) => [d.code, d.matter, d.delegate, d.limitKr, d.validFrom, d.validTo, d.reportToBoard ? 'Ja' : 'Nej', d.notes]),
  };
}

async function delegationsbeslut(scope: Scope): Promise<Table> {
  const list = await listDecisions({ unreportedOnly: false }, scope);
  return {
    columns: [
      { header: 'Diarienummer', width: 14 },
      { header: 'Beslutsdatum', kind: 'date', width: 13 },
      { header: 'Beslut', width: 50 },
      { header: 'Punkt', width: 8 },
      { header: 'Beslutsfattare', width: 20 },
      { header: 'Belopp (kr)', kind: 'amount', width: 14 },
      { header: 'Anmäld vid sammanträde', kind: 'date', width: 14 },
      { header: 'Paragraf', width: 10 },
    ],
    rows: list.map((d) => [
      d.diarienummer,
      d.decidedOn,
      d.title,
      d.delegationCode,
      d.decidedBy,
      d.amountKr,
      d.reported?.meeting.heldOn ?? null,
      d.reported?.paragraph ?? null,
    ]),
  };
}

const TABLES: Record<ExportRegister, (scope: Scope) => Promise<Table>> = {
  medlemmar,
  personer,
  styrelse,
  grupper,
  diarium,
  delegationsordning,
  delegationsbeslut,
};

export async function registerTable(register: ExportRegister, scope: Scope): Promise<Table & { sheetName: string }> {
  return { ...(await TABLES[register](scope)), sheetName: EXPORT_REGISTER_LABELS[register] };
}

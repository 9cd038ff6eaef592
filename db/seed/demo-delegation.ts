import type Database from 'better-sqlite3';
import { DEFAULT_DIARY_FORMAT, formatDiarienummer } from '../../shared/domain/diarienummer';

/**
 * Demo delegationsordning and decisions (fictional). Each decision is also an ärende
 * of kind delegationsbeslut, numbered after whatever the year's series already holds.
 * None is reported here: the demo's year (electron/services/demo) reports them at the
 * board meeting after they were made, with that meeting's §.
 */
export interface DemoDelegation {
  code: string;
  matter: string;
  delegate: string;
  limitKr: number | null;
  reportToBoard: boolean;
}

export const DEMO_DELEGATIONS: readonly DemoDelegation[] = [
  { code: '1.1', matter: 'Beslut om finansiering av insats, mindre belopp', delegate: 'Förbundschef', limitKr: 250_000, reportToBoard: true },
  { code: '1.2', matter: 'Attest av fakturor inom budget', delegate: 'Förbundschef', limitKr: 100_000, reportToBoard: false },
  { code: '2.1', matter: 'Brådskande beslut (6 kap. 39 § KL)', delegate: 'Förbundsordförande', limitKr: null, reportToBoard: true },
  { code: '3.1', matter: 'Anställning av personal på kansliet', delegate: 'Förbundschef', limitKr: null, reportToBoard: true },
  { code: '3.2', matter: 'Avtal om lokaler och tjänster', delegate: 'Förbundschef', limitKr: 150_000, reportToBoard: true },
];

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export interface DemoDecision {
  code: string;
  title: string;
  amount: number | null;
  on: string;
  by: string;
}

/** The decisions made under delegation in the last four months, counted back from `now`. */
export function demoDecisions(now: Date): DemoDecision[] {
  const daysAgo = (n: number) => isoDay(new Date(now.getTime() - n * 86_400_000));
  return [
    { code: '1.1', title: 'Medel till kartläggning av unga utanför arbete och studier i Tierp', amount: 180_000, on: daysAgo(120), by: 'Förbundschef' },
    { code: '3.2', title: 'Avtal om konferenslokal för styrelsens utvecklingsdag', amount: 42_000, on: daysAgo(100), by: 'Förbundschef' },
    { code: '3.1', title: 'Visstidsanställning av processtödjare', amount: null, on: daysAgo(90), by: 'Förbundschef' },
    { code: '1.1', title: 'Medel till utbildningsdag för lokusgrupperna', amount: 65_000, on: daysAgo(20), by: 'Förbundschef' },
    { code: '2.1', title: 'Yttrande över remiss om samverkan kring unga', amount: null, on: daysAgo(8), by: 'Förbundsordförande' },
  ];
}

/** The delegationsordning (valid from two years back), the förbundschef's points tied to the person. */
export function seedDemoDelegations(sqlite: Database.Database, now: Date): Map<string, number> {
  const at = now.toISOString();
  const validFrom = `${now.getUTCFullYear() - 2}-01-01`;
  const chief = sqlite.prepare("SELECT id FROM people WHERE title = 'Förbundschef' ORDER BY id LIMIT 1").get() as { id: number } | undefined;
  const insertDelegation = sqlite.prepare(
    'INSERT INTO delegations (code, matter, delegate, person_id, limit_kr, valid_from, valid_to, report_to_board, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?)',
  );
  const ids = new Map<string, number>();
  for (const d of DEMO_DELEGATIONS) {
    const personId = d.delegate === 'Förbundschef' ? (chief?.id ?? null) : null;
    const { lastInsertRowid } = insertDelegation.run(d.code, d.matter, d.delegate, personId, d.limitKr, validFrom, d.reportToBoard ? 1 : 0, at, at);
    ids.set(d.code, Number(lastInsertRowid));
  }
  return ids;
}

/** The delegationsordning and its decisions, each decision an ärende numbered after what the year's series holds. */
export function seedDemoDelegation(sqlite: Database.Database, now: Date): void {
  const at = now.toISOString();
  const format = (sqlite.prepare('SELECT diary_format AS f FROM forbund WHERE id = 1').get() as { f: string } | undefined)?.f ?? DEFAULT_DIARY_FORMAT;
  const ids = seedDemoDelegations(sqlite, now);
  const nextSeq = sqlite.prepare('SELECT coalesce((SELECT last_number FROM diary_series WHERE year = ?), 0) + 1 AS seq');
  const insertArende = sqlite.prepare(
    "INSERT INTO arenden (year, seq, diarienummer, title, kind, status, received_on, decided_on, handlaggare, description, created_at, updated_at) VALUES (?, ?, ?, ?, 'delegationsbeslut', 'beslutat', ?, ?, ?, ?, ?, ?)",
  );
  const insertDecision = sqlite.prepare(
    'INSERT INTO delegation_decisions (delegation_id, arende_id, decided_on, decided_by, title, amount_kr, reported_meeting_id, reported_paragraph, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)',
  );
  for (const d of [...demoDecisions(now)].sort((a, b) => a.on.localeCompare(b.on))) {
    const y = Number(d.on.slice(0, 4));
    const { seq } = nextSeq.get(y) as { seq: number };
    const matter = DEMO_DELEGATIONS.find((x) => x.code === d.code)?.matter ?? '';
    const arendeId = Number(
      insertArende.run(y, seq, formatDiarienummer(format, y, seq), d.title, d.on, d.on, d.by, `Beslut enligt delegation ${d.code} (”${matter}”).`, at, at)
        .lastInsertRowid,
    );
    insertDecision.run(ids.get(d.code), arendeId, d.on, d.by, d.title, d.amount, at, at);
  }
}

import type Database from 'better-sqlite3';
import { seedDemoBoard } from './demo-board';
import { seedDemoDelegation, seedDemoDelegations } from './demo-delegation';
import { seedDemoDiarium } from './demo-diarium';

/**
 * The demo förbund a new installation opens with, modelled on seed 003
 * (Samordningsförbundet Uppsala län): the state's two agencies, the region and
 * the eight kommuner. Folkmängd on 1 November 2016 and 2017 is chosen so that the
 * kommuner's quarter splits to the krona as in the papers' tables: 2017 (21 585 170 kr,
 * by 2016's folkmängd), 2018 (21 966 000 kr) and the preliminary 2019 (22 000 000 kr),
 * both by 2017's (test/integration/medlemsavgifter.test.ts checks all three).
 * No person is named here; later demo data uses fictional names only.
 */
interface DemoMember {
  name: string;
  shortName: string;
  kind: 'stat' | 'region' | 'kommun';
  orgNr: string;
  populations?: Record<number, number>;
}

export const DEMO_FORBUND = {
  name: 'Samordningsförbundet Uppsala län',
  orgNr: '222000-2576',
  address: 'Box 1, 751 00 Uppsala',
  email: 'kansli@example.se',
  phone: null,
  city: 'Uppsala',
} as const;

export const DEMO_MEMBERS: readonly DemoMember[] = [
  { name: 'Försäkringskassan', shortName: 'FK', kind: 'stat', orgNr: '202100-5521' },
  { name: 'Arbetsförmedlingen', shortName: 'AF', kind: 'stat', orgNr: '202100-2114' },
  { name: 'Region Uppsala', shortName: 'Region', kind: 'region', orgNr: '232100-0024' },
  { name: 'Enköpings kommun', shortName: 'Enköping', kind: 'kommun', orgNr: '212000-0290', populations: { 2016: 42753, 2017: 43673 } },
  { name: 'Heby kommun', shortName: 'Heby', kind: 'kommun', orgNr: '212000-2965', populations: { 2016: 13763, 2017: 13837 } },
  { name: 'Håbo kommun', shortName: 'Håbo', kind: 'kommun', orgNr: '212000-0241', populations: { 2016: 20613, 2017: 21013 } },
  { name: 'Knivsta kommun', shortName: 'Knivsta', kind: 'kommun', orgNr: '212000-3013', populations: { 2016: 17240, 2017: 17943 } },
  { name: 'Tierps kommun', shortName: 'Tierp', kind: 'kommun', orgNr: '212000-0316', populations: { 2016: 20717, 2017: 20898 } },
  { name: 'Uppsala kommun', shortName: 'Uppsala', kind: 'kommun', orgNr: '212000-3005', populations: { 2016: 213891, 2017: 219295 } },
  { name: 'Älvkarleby kommun', shortName: 'Älvkarleby', kind: 'kommun', orgNr: '212000-0332', populations: { 2016: 9372, 2017: 9407 } },
  { name: 'Östhammars kommun', shortName: 'Östhammar', kind: 'kommun', orgNr: '212000-0308', populations: { 2016: 21775, 2017: 21954 } },
];

function seedDemoForbund(sqlite: Database.Database, now: Date): void {
  const at = now.toISOString();
  sqlite
    .prepare('INSERT INTO forbund (id, name, org_nr, address, email, phone, city, is_demo, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, 1, ?)')
    .run(DEMO_FORBUND.name, DEMO_FORBUND.orgNr, DEMO_FORBUND.address, DEMO_FORBUND.email, DEMO_FORBUND.phone, DEMO_FORBUND.city, at);
  const insertMember = sqlite.prepare('INSERT INTO members (name, short_name, kind, org_nr, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertPopulation = sqlite.prepare('INSERT INTO member_populations (member_id, year, population) VALUES (?, ?, ?)');
  for (const m of DEMO_MEMBERS) {
    const { lastInsertRowid } = insertMember.run(m.name, m.shortName, m.kind, m.orgNr, at, at);
    for (const [year, population] of Object.entries(m.populations ?? {})) {
      insertPopulation.run(lastInsertRowid, Number(year), population);
    }
  }
  seedDemoBoard(sqlite, now);
}

/**
 * The demo as the tests build on it: the registers, and a diarium and delegation
 * decisions written straight into the tables (dated back from `now`).
 */
export function seedDemo(sqlite: Database.Database, now: Date): void {
  seedDemoForbund(sqlite, now);
  // Order matters: delegation decisions are ärenden in the diarium, board seats need the members.
  seedDemoDiarium(sqlite, now);
  seedDemoDelegation(sqlite, now);
}

/**
 * Only the registers (förbund, members, board and groups, delegationsordning): the
 * demo a user gets adds its diarium and its year through the services, in date order
 * (electron/services/demo), so that every diarienummer follows the day it came in.
 */
export function seedDemoRegisters(sqlite: Database.Database, now: Date): void {
  seedDemoForbund(sqlite, now);
  seedDemoDelegations(sqlite, now);
}

/** A new, empty database: the förbund's name is to be filled in by the user. */
export function seedEmpty(sqlite: Database.Database, now: Date): void {
  sqlite.prepare('INSERT INTO forbund (id, name, org_nr, is_demo, updated_at) VALUES (1, ?, NULL, 0, ?)').run('Nytt samordningsförbund', now.toISOString());
}

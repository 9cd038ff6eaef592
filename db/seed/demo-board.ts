import type Database from 'better-sqlite3';

/**
 * Demo board, mandate period and groups, shaped like the table "Styrelsen har
 * under 2017 bestått av" in seed 003 but for the current term 2023–2026. Every
 * name here is made up. Politicians (kommuner and the region) carry a party;
 * the officials of Försäkringskassan and Arbetsförmedlingen do not.
 */

export const DEMO_PERIOD = { startsOn: '2023-01-01', endsOn: '2026-12-31', label: '2023–2026' } as const;

type Role = 'ordforande' | 'vice_ordforande_1' | 'vice_ordforande_2';

interface DemoPerson {
  name: string;
  party?: string;
  title?: string;
}

interface DemoSeat {
  member: string;
  ordinarie: DemoPerson & { role?: Role };
  ersattare: DemoPerson;
}

export const DEMO_BOARD: readonly DemoSeat[] = [
  {
    member: 'Försäkringskassan',
    ordinarie: { name: 'Helena Strand', title: 'Områdeschef', role: 'vice_ordforande_1' },
    ersattare: { name: 'Johan Ekberg', title: 'Enhetschef' },
  },
  {
    member: 'Arbetsförmedlingen',
    ordinarie: { name: 'Peter Holmgren', title: 'Sektionschef' },
    ersattare: { name: 'Sara Nyberg', title: 'Enhetschef' },
  },
  {
    member: 'Region Uppsala',
    ordinarie: { name: 'Lena Sjöberg', party: 'MP', title: 'Regionråd', role: 'vice_ordforande_2' },
    ersattare: { name: 'Mats Hedlund', party: 'M' },
  },
  { member: 'Enköpings kommun', ordinarie: { name: 'Karin Lundqvist', party: 'S' }, ersattare: { name: 'Anders Berglund', party: 'M' } },
  { member: 'Heby kommun', ordinarie: { name: 'Erik Nordin', party: 'C' }, ersattare: { name: 'Maria Falk', party: 'S' } },
  { member: 'Håbo kommun', ordinarie: { name: 'Cecilia Blom', party: 'M' }, ersattare: { name: 'Tomas Wikström', party: 'S' } },
  { member: 'Knivsta kommun', ordinarie: { name: 'Fredrik Sandberg', party: 'M' }, ersattare: { name: 'Elin Sundberg', party: 'V' } },
  { member: 'Tierps kommun', ordinarie: { name: 'Anna Forsberg', party: 'S' }, ersattare: { name: 'Olof Engström', party: 'C' } },
  {
    member: 'Uppsala kommun',
    ordinarie: { name: 'Johanna Ek', party: 'S', title: 'Kommunalråd', role: 'ordforande' },
    ersattare: { name: 'Samir Haddad', party: 'L' },
  },
  { member: 'Älvkarleby kommun', ordinarie: { name: 'Birgitta Norén', party: 'S' }, ersattare: { name: 'Lars Höglund', party: 'SD' } },
  { member: 'Östhammars kommun', ordinarie: { name: 'Ingrid Moberg', party: 'C' }, ersattare: { name: 'Per Lindblad', party: 'KD' } },
];

/** The förbundschef: not on the board, sammankallande in the beredningsgrupp. */
export const DEMO_DIRECTOR = { name: 'Kristina Almgren', title: 'Förbundschef', organisation: 'Samordningsförbundet Uppsala län' } as const;

interface FreeEntry {
  name: string;
  organisation: string;
  role?: string;
}

const BEREDNINGSGRUPP: readonly FreeEntry[] = [
  { name: 'Helga Wester', organisation: 'Försäkringskassan' },
  { name: 'Jonas Fransson', organisation: 'Arbetsförmedlingen' },
  { name: 'Malin Hedberg', organisation: 'Region Uppsala' },
  { name: 'Stefan Öberg', organisation: 'Uppsala kommun' },
];

/** Lokusgrupper: kommun first, then the state's agencies and the region's primary care. */
const LOKUSGRUPPER: Readonly<Record<string, readonly FreeEntry[]>> = {
  'Enköpings kommun': [
    { name: 'Therese Ahlin', organisation: 'Enköpings kommun', role: 'Sammankallande' },
    { name: 'Mikael Borg', organisation: 'Försäkringskassan' },
    { name: 'Nadia Karimi', organisation: 'Arbetsförmedlingen' },
    { name: 'Ulrika Sten', organisation: 'Region Uppsala' },
  ],
  'Heby kommun': [
    { name: 'Gunnar Alm', organisation: 'Heby kommun', role: 'Sammankallande' },
    { name: 'Josefin Rask', organisation: 'Arbetsförmedlingen' },
    { name: 'Camilla Ljung', organisation: 'Region Uppsala' },
  ],
  'Håbo kommun': [
    { name: 'Linnea Brandt', organisation: 'Håbo kommun', role: 'Sammankallande' },
    { name: 'Oskar Wall', organisation: 'Försäkringskassan' },
    { name: 'Emma Kjellberg', organisation: 'Arbetsförmedlingen' },
  ],
  'Knivsta kommun': [
    { name: 'David Nyqvist', organisation: 'Knivsta kommun', role: 'Sammankallande' },
    { name: 'Hanna Lövgren', organisation: 'Försäkringskassan' },
  ],
  'Tierps kommun': [
    { name: 'Jenny Åkesson', organisation: 'Tierps kommun', role: 'Sammankallande' },
    { name: 'Robert Ek', organisation: 'Försäkringskassan' },
    { name: 'Amira Said', organisation: 'Arbetsförmedlingen' },
    { name: 'Kent Lind', organisation: 'Region Uppsala' },
  ],
  'Uppsala kommun': [
    { name: 'Sofia Granath', organisation: 'Uppsala kommun', role: 'Sammankallande' },
    { name: 'Martin Hjort', organisation: 'Försäkringskassan' },
    { name: 'Petra Vik', organisation: 'Arbetsförmedlingen' },
    { name: 'Ahmed Yusuf', organisation: 'Region Uppsala' },
  ],
  'Älvkarleby kommun': [
    { name: 'Annelie Dahl', organisation: 'Älvkarleby kommun', role: 'Sammankallande' },
    { name: 'Tobias Fält', organisation: 'Arbetsförmedlingen' },
    { name: 'Monika Ström', organisation: 'Region Uppsala' },
  ],
  'Östhammars kommun': [
    { name: 'Viktor Hellström', organisation: 'Östhammars kommun', role: 'Sammankallande' },
    { name: 'Louise Bergman', organisation: 'Försäkringskassan' },
    { name: 'Filip Andersson', organisation: 'Arbetsförmedlingen' },
  ],
};

const STRATEGISK_UTVECKLINGSGRUPP: readonly FreeEntry[] = [
  { name: 'Annika Rydén', organisation: 'Försäkringskassan', role: 'Verksamhetsområdeschef' },
  { name: 'Henrik Sjölund', organisation: 'Arbetsförmedlingen', role: 'Marknadsområdeschef' },
  { name: 'Marie Ekström', organisation: 'Region Uppsala', role: 'Förvaltningsdirektör' },
  { name: 'Björn Wallin', organisation: 'Uppsala kommun', role: 'Socialdirektör' },
];

/** "Lena Sjöberg" → "lena.sjoberg@example.se". */
export function demoEmail(name: string): string {
  const local = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z\s-]/g, '')
    .trim()
    .split(/\s+/)
    .join('.');
  return `${local}@example.se`;
}

export function seedDemoBoard(sqlite: Database.Database, now: Date): void {
  const at = now.toISOString();
  const memberId = new Map<string, number>();
  const shortNames = new Map<string, string>();
  for (const row of sqlite.prepare('SELECT id, name, short_name FROM members').all() as { id: number; name: string; short_name: string | null }[]) {
    memberId.set(row.name, row.id);
    shortNames.set(row.name, row.short_name ?? row.name);
  }
  const member = (name: string): number => {
    const id = memberId.get(name);
    if (id === undefined) throw new Error(`demo board: no member named ${name}`);
    return id;
  };

  const insertPerson = sqlite.prepare(
    'INSERT INTO people (name, party, email, phone, organisation, title, notes, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, NULL, ?, ?)',
  );
  const addPerson = (p: DemoPerson, organisation: string | null): number =>
    Number(insertPerson.run(p.name, p.party ?? null, demoEmail(p.name), organisation, p.title ?? null, at, at).lastInsertRowid);

  const periodId = Number(
    sqlite
      .prepare('INSERT INTO mandate_periods (starts_on, ends_on, label, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(DEMO_PERIOD.startsOn, DEMO_PERIOD.endsOn, DEMO_PERIOD.label, at, at).lastInsertRowid,
  );
  const insertSeat = sqlite.prepare(
    `INSERT INTO board_appointments (period_id, member_id, person_id, seat, role, starts_on, ends_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const presidium = new Map<Role, number>();
  for (const seat of DEMO_BOARD) {
    const mId = member(seat.member);
    // Officials belong to their agency; politicians are listed by party, as in the papers.
    const organisation = seat.ordinarie.party === undefined ? seat.member : null;
    const ordinarieId = addPerson(seat.ordinarie, organisation);
    const ersattareId = addPerson(seat.ersattare, seat.ersattare.party === undefined ? seat.member : null);
    insertSeat.run(periodId, mId, ordinarieId, 'ordinarie', seat.ordinarie.role ?? null, DEMO_PERIOD.startsOn, DEMO_PERIOD.endsOn, at, at);
    insertSeat.run(periodId, mId, ersattareId, 'ersattare', null, DEMO_PERIOD.startsOn, DEMO_PERIOD.endsOn, at, at);
    if (seat.ordinarie.role) presidium.set(seat.ordinarie.role, ordinarieId);
  }
  const directorId = addPerson(DEMO_DIRECTOR, DEMO_DIRECTOR.organisation);

  const insertGroup = sqlite.prepare('INSERT INTO groups (name, kind, member_id, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertGroupMember = sqlite.prepare('INSERT INTO group_members (group_id, position, person_id, name, organisation, role) VALUES (?, ?, ?, ?, ?, ?)');
  const addGroup = (
    name: string,
    kind: string,
    kommunId: number | null,
    description: string | null,
    members: readonly ({ personId: number; role?: string } | FreeEntry)[],
  ): void => {
    const groupId = Number(insertGroup.run(name, kind, kommunId, description, at, at).lastInsertRowid);
    members.forEach((m, position) => {
      if ('personId' in m) insertGroupMember.run(groupId, position, m.personId, null, null, m.role ?? null);
      else insertGroupMember.run(groupId, position, null, m.name, m.organisation, m.role ?? null);
    });
  };

  const roleTitles: Record<Role, string> = { ordforande: 'Ordförande', vice_ordforande_1: '1:e vice ordförande', vice_ordforande_2: '2:e vice ordförande' };
  addGroup(
    'Arbetsutskott',
    'arbetsutskott',
    null,
    'Presidiet. Bereder styrelsens ärenden tillsammans med förbundschefen.',
    (['ordforande', 'vice_ordforande_1', 'vice_ordforande_2'] as const).flatMap((role) => {
      const personId = presidium.get(role);
      return personId === undefined ? [] : [{ personId, role: roleTitles[role] }];
    }),
  );
  addGroup('Beredningsgrupp', 'beredningsgrupp', null, 'Tjänstepersoner från parterna som bereder ansökningar och insatser.', [
    { personId: directorId, role: 'Sammankallande' },
    ...BEREDNINGSGRUPP,
  ]);
  for (const [kommun, entries] of Object.entries(LOKUSGRUPPER)) {
    addGroup(`Lokusgrupp ${shortNames.get(kommun) ?? kommun}`, 'lokusgrupp', member(kommun), `Lokal samverkan kring insatserna i ${kommun}.`, entries);
  }
  addGroup(
    'Strategisk utvecklingsgrupp',
    'strategisk_utvecklingsgrupp',
    null,
    'Chefer från parterna som följer samverkan och föreslår utvecklingsområden.',
    STRATEGISK_UTVECKLINGSGRUPP,
  );
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Member } from '../../../shared/contract/schemas/members';
import { tempName } from '../../../db/backup';
import { placeNewFile } from '../../../db/filesystem';
import { openSession, type SessionOptions } from '../session';
import { demoCertificate, demoKey, type DemoCredentials } from './demo-certificates';
import { planArscykel } from './demo-arscykel';
import { planDiarium } from './demo-diarium';
import { economyAgenda, planEconomy } from './demo-economy';
import { planInsatser } from './demo-insatser';
import { planInternkontroll } from './demo-internkontroll';
import { delegationAgenda, planMeetings } from './demo-meetings';
import { demoCall, isoDay, Timeline, type DemoCall } from './timeline';
import { demoMeetings, type DemoWorld } from './world';

/**
 * The demo förbund a new installation opens with: the registers of db/seed, and on
 * top of them the diarium of db/seed and a year of the förbund's work written through
 * the services in date order, relative to today — a current mandate period,
 * ansökningar and insatser, budget, utfall and medlemsavgifter, riskanalys and
 * internkontroll, and the board's meetings with justerade protokoll — so that every
 * screen has something real in it.
 */

/** Who the demo's log says did the work. */
export const DEMO_ACTOR = 'Kristina Almgren (demo)';

/**
 * The current mandate period (terms of four years from 2023) with the board of the one
 * before carried over, when the seed's has ended: on the new term's first day.
 */
function planBoard(world: DemoWorld): void {
  const first = world.year - ((((world.year - 2023) % 4) + 4) % 4);
  world.tl.at(`${first}-01-01`, async () => {
    const { call, today } = world;
    const periods = await call('periods.list', {});
    if (periods.some((p) => p.startsOn <= today && today <= p.endsOn)) return;
    const latest = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn)).at(-1);
    const period = await call('periods.save', { startsOn: `${first}-01-01`, endsOn: `${first + 3}-12-31` });
    if (!latest) return;
    for (const row of (await call('board.list', { periodId: latest.id })).rows) {
      for (const a of [...row.ordinarie, ...row.ersattare]) {
        await call('board.save', {
          periodId: period.id,
          memberId: a.memberId,
          seat: a.seat,
          role: a.role,
          person: {
            id: a.person.id,
            name: a.person.name,
            party: a.person.party ?? undefined,
            organisation: a.person.organisation ?? undefined,
            title: a.person.title ?? undefined,
            email: a.person.email ?? undefined,
          },
        });
      }
    }
  });
}

export async function addDemoYear(call: DemoCall, now: Date, setClock: (at: Date) => void): Promise<void> {
  const today = isoDay(now);
  const year = Number(today.slice(0, 4));
  const members = await call('members.list', {});
  const byShortName = new Map(members.map((m) => [m.shortName ?? m.name, m]));
  const meetings = demoMeetings(today);
  const world: DemoWorld = {
    call,
    tl: new Timeline(today),
    today,
    year,
    member(shortName: string): Member {
      const m = byShortName.get(shortName);
      if (!m) throw new Error(`Demoförbundet saknar medlemmen ${shortName}.`);
      return m;
    },
    meetings,
    heldMeeting: (y, slot) => meetings.find((m) => m.held && m.slot === slot && m.heldOn.startsWith(`${y}-`)) ?? null,
    agendaSources: [],
  };
  const validFrom = new Date(Date.UTC(year - 3, 0, 1));
  const validTo = new Date(Date.UTC(year + 3, 11, 31));
  // Each signer's certificate, made the first time they sign, from keys made on the thread pool while the year is written.
  const keys = Array.from({ length: 12 }, () => demoKey());
  keys.forEach((k) => k.catch(() => undefined));
  const certificates = new Map<string, Promise<DemoCredentials>>();
  const certificate = (name: string): Promise<DemoCredentials> => {
    const made =
      certificates.get(name) ??
      (keys.shift() ?? demoKey()).then((key) => demoCertificate(key, name, 'Samordningsförbundet Uppsala län (demo)', validFrom, validTo));
    certificates.set(name, made);
    return made;
  };

  planBoard(world);
  // The diarium first: an ansökan that came in as an ärende is registered on the same day, after it.
  planDiarium(world, now);
  planEconomy(world);
  const insatser = planInsatser(world, now);
  const internkontroll = planInternkontroll(world);
  const arscykel = planArscykel(world, certificate);
  world.agendaSources.push(arscykel, internkontroll, insatser.agenda, economyAgenda(world), delegationAgenda(world));
  planMeetings(world, certificate);
  await world.tl.play(setClock, now);
}

/**
 * Makes the demo database at `file`: built beside it and renamed into place when whole,
 * so a failure (or a kill) leaves no half-made demo behind.
 */
export async function createDemoDatabase(file: string, options: Omit<SessionOptions, 'create' | 'now'> & { now?: () => Date }): Promise<void> {
  const absolute = path.resolve(file);
  // Named so that the next start clears it if this process is killed half-way (db/backup.ts removeLeftovers).
  const temp = tempName(absolute, 'skrivs');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-demo-'));
  const now = (options.now ?? (() => new Date()))();
  let clock = now;
  const session = openSession(temp, { ...options, create: 'demo-registers', actor: DEMO_ACTOR, dataDir: scratch, now: () => clock });
  try {
    await addDemoYear(demoCall(session.api), now, (at) => {
      clock = at;
    });
    session.db.close();
    // Another first start may have made it meanwhile: then that one is kept and ours dropped.
    placeNewFile(temp, absolute);
  } catch (err) {
    if (session.db.sqlite.open) session.db.close();
    throw err;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

import type { Member } from '../../../shared/contract/schemas/members';
import type { ItemKind } from '../../../shared/contract/schemas/meetings';
import type { DemoCall, Timeline } from './timeline';
import { addDays, weekday } from './timeline';

/** A board meeting of the demo's sammanträdesplan. */
export interface DemoMeeting {
  heldOn: string;
  /** Its place in the year's plan (MEETING_PLAN): what is on its dagordning follows from it. */
  slot: number;
  /** Held (and its protokoll justerat) before today; otherwise it is the next one, being prepared. */
  held: boolean;
}

/** An ärendeblad a part of the demo puts on a meeting's dagordning. */
export interface AgendaEntry {
  kind: ItemKind;
  title: string;
  arendeId: number;
  /** What follows the board's decision, run on the meeting day with the item's §. */
  decided?: (paragraph: number | null) => Promise<void>;
}

/** What a part of the demo (ekonomi, insatser …) brings to a meeting: its ärendeblad, written on the day the papers are made. */
export type AgendaSource = (meeting: DemoMeeting) => Promise<AgendaEntry[]>;

export interface DemoWorld {
  call: DemoCall;
  tl: Timeline;
  /** Today (the real date) and its year. */
  today: string;
  year: number;
  member(shortName: string): Member;
  /** The board's meetings of the last twelve months and the next one, in date order. */
  meetings: DemoMeeting[];
  /** The held meeting of a year's plan slot, if it lies in the demo's twelve months. */
  heldMeeting(year: number, slot: number): DemoMeeting | null;
  agendaSources: AgendaSource[];
}

/**
 * The förbund's sammanträdesplan (month-day, moved to a weekday): the riskanalys in
 * February, the årsredovisning in March (signed at the meeting, to the members and the
 * revisorer before the end of March), the delårsrapport and next year's
 * medlemsavgift in October, verksamhetsplan and budget in November (the budget is
 * fastställd before the end of November), and a meeting before Christmas.
 */
export const MEETING_PLAN = ['02-12', '03-19', '06-11', '09-17', '10-22', '11-26', '12-17'] as const;
export const SLOT = { riskanalys: 0, arsredovisning: 1, juni: 2, september: 3, delarsrapport: 4, budget: 5, december: 6 } as const;

export function planDate(year: number, slot: number): string {
  return weekday(`${year}-${MEETING_PLAN[slot] ?? '12-17'}`);
}

/** The first meeting of the plan on or after a day, and whether the demo holds it (in its twelve months, or the next). */
export function firstMeetingFrom(world: Pick<DemoWorld, 'meetings'>, day: string): { heldOn: string; meeting: DemoMeeting | null } {
  const year = Number(day.slice(0, 4));
  for (const y of [year, year + 1]) {
    for (let slot = 0; slot < MEETING_PLAN.length; slot++) {
      const heldOn = planDate(y, slot);
      if (heldOn >= day) return { heldOn, meeting: world.meetings.find((m) => m.heldOn === heldOn) ?? null };
    }
  }
  return { heldOn: day, meeting: null };
}

/** The meetings held in the year up to today, and the first one after it. */
export function demoMeetings(today: string): DemoMeeting[] {
  const year = Number(today.slice(0, 4));
  const from = addDays(today, -365);
  const all: DemoMeeting[] = [];
  for (const y of [year - 1, year, year + 1]) {
    MEETING_PLAN.forEach((_, slot) => all.push({ heldOn: planDate(y, slot), slot, held: false }));
  }
  const held = all.filter((m) => m.heldOn > from && m.heldOn < today).map((m) => ({ ...m, held: true }));
  const next = all.find((m) => m.heldOn >= today);
  return next ? [...held, next] : held;
}

/** Whole kronor, rounded to the nearest `step`. */
export function round(kr: number, step = 1_000): number {
  return Math.round(kr / step) * step;
}

/** A small, fixed wobble (±4 %) so monthly figures are not all alike, the same on every run. */
export function wobble(n: number): number {
  return 1 + (((n * 37) % 9) - 4) / 100;
}

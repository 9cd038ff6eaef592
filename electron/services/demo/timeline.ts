import type { MethodInput, MethodName, MethodResult } from '../../../shared/contract/methods';
import { addDays } from '../../../shared/domain/justering';
import type { Api } from '../api';

/**
 * The demo förbund's year is written through the API as the kansli would have written
 * it: each step runs on its own day, with the services' clock set to that day, so that
 * dates the services stamp themselves (a justering, an anslag, the log) fall where a
 * real year would put them.
 */

/** A call that must succeed: a refusal while building the demo is a bug in the demo, named with the method. */
export type DemoCall = <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<MethodResult<K>>;

export function demoCall(api: Api): DemoCall {
  return async (method, input) => {
    const envelope = await api.call(method, input);
    if (!envelope.ok) throw new Error(`Demoförbundet kunde inte skapas: ${method} avvisades (${envelope.error.code}): ${envelope.error.message}`);
    return envelope.value;
  };
}

interface Step {
  on: string;
  order: number;
  run: () => Promise<void>;
}

export class Timeline {
  private readonly steps: Step[] = [];
  private current: string;
  private added = 0;
  private playing = false;

  /** `today`: the real date; nothing is run after it. */
  constructor(readonly today: string) {
    this.current = today;
  }

  /** The day of the step being run (today when none is). */
  get day(): string {
    return this.current;
  }

  /**
   * Runs `run` on the day `on` (steps of one day in the order they were added); a day after
   * today is skipped, and a step added while playing never goes back before the day being played.
   */
  at(on: string, run: () => Promise<void>): void {
    if (on > this.today) return;
    const day = this.playing && on < this.current ? this.current : on;
    this.steps.push({ on: day, order: this.added++, run });
  }

  /** Plays the steps in date order with the clock set to each step's day, then puts the clock back to now. */
  async play(setClock: (at: Date) => void, now: Date): Promise<void> {
    // A step may add later steps (a decision made at a meeting): keep taking the earliest.
    let second = 0;
    this.playing = true;
    for (;;) {
      this.steps.sort((a, b) => a.on.localeCompare(b.on) || a.order - b.order);
      const step = this.steps.shift();
      if (step === undefined) break;
      const at = new Date(`${step.on}T08:00:00.000Z`);
      at.setUTCSeconds(second++ % 36_000);
      setClock(at.getTime() < now.getTime() ? at : now);
      this.current = step.on;
      await step.run();
    }
    this.playing = false;
    this.current = this.today;
    setClock(now);
  }
}

/** Calendar helpers for the demo's dates (ISO days, UTC). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The weekday nearest a date: Saturday moves back to Friday, Sunday on to Monday. */
export function weekday(iso: string): string {
  const day = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return day === 6 ? addDays(iso, -1) : day === 0 ? addDays(iso, 1) : iso;
}

/** The last day of a month (month 1–12). */
export function monthEnd(year: number, month: number): string {
  return isoDay(new Date(Date.UTC(year, month, 0)));
}

export { addDays };

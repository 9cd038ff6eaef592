import { z } from 'zod';
import { method, type MethodSpec } from '../define';

/**
 * Översikt as the desk: what is late, what is due soon and what waits, from every register,
 * each line a link to the thing itself.
 */

export const DESK_STATES = ['sent', 'snart', 'vantar'] as const;
export type DeskState = (typeof DESK_STATES)[number];

export interface DeskLine {
  /** Stable per thing (e.g. "protokoll-12"), for React keys and tests. */
  key: string;
  state: DeskState;
  /** What it is about: "Sammanträde", "Protokoll", "Ärendeblad", "Ansökan" … */
  area: string;
  /** One sentence in Swedish. */
  text: string;
  /** The day it is due or was due, ÅÅÅÅ-MM-DD, when there is one. */
  dueOn: string | null;
  /** The section and route that opens the thing. */
  link: string[];
}

export interface DeskView {
  today: string;
  lines: DeskLine[];
}

export const deskInput = z.object({}).strict();

/** The API contract's desk method; shared/contract/methods.ts merges every area's. */
export const deskMethods = {
  'desk.get': method<DeskView>()({
    description: 'Översiktens att göra: det som är sent, snart ska vara klart och väntar, med länk till varje sak.',
    input: deskInput,
    writes: false,
  }),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

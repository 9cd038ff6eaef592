import { z } from 'zod';
import { method, type MethodSpec } from '../define';
import type { Forbund } from './forbund';

/**
 * Kom igång: the guide a new förbund's empty database opens with. Each step is done when the
 * registers say so (nothing is ticked by hand), so it can be left and resumed at any time;
 * every step is also its own place under Register.
 */

export const SETUP_STEPS = ['forbundet', 'medlemmar', 'styrelse', 'arshjul', 'arendeblad'] as const;
export type SetupStepKey = (typeof SETUP_STEPS)[number];

export interface SetupStep {
  key: SetupStepKey;
  label: string;
  done: boolean;
  /** What is there, or what is missing, in a sentence. */
  note: string;
}

export interface SetupStatus {
  /** The guide was finished (or the database is the demo, or older than the guide). */
  finished: boolean;
  steps: SetupStep[];
}

export const setupInput = z.object({}).strict();

/** The API contract's setup methods; shared/contract/methods.ts merges every area's. */
export const setupMethods = {
  'setup.status': method<SetupStatus>()({
    description: 'Kom igång: vilka steg som är klara enligt registren.',
    input: setupInput,
    writes: false,
  }),
  'setup.finish': method<Forbund>()({
    description: 'Avslutar Kom igång; stegen finns kvar under Register.',
    input: setupInput,
    writes: true,
  }),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

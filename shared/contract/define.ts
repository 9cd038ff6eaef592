import type { z } from 'zod';

/**
 * One entry of the API contract: a Swedish description, the zod schema its input
 * must pass, and (as a type only) what it returns.
 */
export interface MethodSpec<In extends z.ZodType, Out> {
  readonly description: string;
  readonly input: In;
  /** Phantom field: carries the result type, never read at run time. */
  readonly result?: Out;
  /** True when the method changes the database (audited, one transaction). */
  readonly writes: boolean;
}

export function method<Out>() {
  return <In extends z.ZodType>(spec: { description: string; input: In; writes: boolean }): MethodSpec<In, Out> => spec;
}

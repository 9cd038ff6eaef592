import type { Envelope } from '../../shared/contract/errors';

/** The value of a call that must succeed; the Swedish message if it did not. */
export function value<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

/** The error of a call that must be refused. */
export function failure(envelope: Envelope<unknown>): { code: string; message: string; paths: string[] } {
  if (envelope.ok) throw new Error('expected the call to be refused');
  return { code: envelope.error.code, message: envelope.error.message, paths: (envelope.error.details?.issues ?? []).map((i) => i.path) };
}

/** The first item of a list a test expects to be there. */
export function firstOf<T>(list: readonly T[]): T {
  const [item] = list;
  if (item === undefined) throw new Error('expected a list with at least one item');
  return item;
}

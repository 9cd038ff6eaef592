import type { Envelope } from '../../shared/contract/errors';

/** The value of a call that must succeed; the Swedish message if it did not. */
export function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** The error of a call that must be refused. */
export function failure(envelope: Envelope<unknown>): { code: string; message: string; paths: string[] } {
  if (envelope.ok) throw new Error('expected the call to be refused');
  return { code: envelope.error.code, message: envelope.error.message, paths: (envelope.error.details?.issues ?? []).map((i) => i.path) };
}

import { z } from 'zod';
import { contract, METHOD_NAMES } from '../../shared/contract/methods';

/** What `kansli methods` prints: each method's name and its input as JSON Schema. */
export function describeMethods(): { name: string; input: unknown }[] {
  return METHOD_NAMES.map((name) => ({ name, input: z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }) }));
}

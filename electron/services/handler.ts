import type { MethodName, MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';

/** What serves one method of the contract: its parsed input in, its result out. */
export type Handler<K extends MethodName> = (input: ParsedInput<K>, scope: Scope) => Promise<MethodResult<K>>;

/**
 * A service module's handlers, one per method it serves, each checked against the
 * contract's input and result for that name. electron/services/handlers.ts merges them.
 */
export function handlersFor<const K extends MethodName>(map: { [P in K]: Handler<P> }): { [P in K]: Handler<P> } {
  return map;
}

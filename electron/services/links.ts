import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';

// STUB: to be implemented (issue 3).

export async function addLink(_input: ParsedInput<'links.add'>, _scope: Scope): Promise<MethodResult<'links.add'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: links.add.');
}

export async function removeLink(_input: ParsedInput<'links.remove'>, _scope: Scope): Promise<MethodResult<'links.remove'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: links.remove.');
}

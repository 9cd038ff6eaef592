import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';

// STUB: to be implemented (issue 3).

export async function search(_input: ParsedInput<'search.query'>, _scope: Scope): Promise<MethodResult<'search.query'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: search.query.');
}

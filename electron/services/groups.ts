import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';

// STUB: to be implemented (issue 3).

export async function listGroups(_input: ParsedInput<'groups.list'>, _scope: Scope): Promise<MethodResult<'groups.list'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: groups.list.');
}

export async function saveGroup(_input: ParsedInput<'groups.save'>, _scope: Scope): Promise<MethodResult<'groups.save'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: groups.save.');
}

export async function removeGroup(_input: ParsedInput<'groups.remove'>, _scope: Scope): Promise<MethodResult<'groups.remove'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: groups.remove.');
}

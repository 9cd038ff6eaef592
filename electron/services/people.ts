import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';

// STUB: to be implemented (issue 3).

export async function listPeople(_input: ParsedInput<'people.list'>, _scope: Scope): Promise<MethodResult<'people.list'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: people.list.');
}

export async function savePerson(_input: ParsedInput<'people.save'>, _scope: Scope): Promise<MethodResult<'people.save'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: people.save.');
}

export async function removePerson(_input: ParsedInput<'people.remove'>, _scope: Scope): Promise<MethodResult<'people.remove'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: people.remove.');
}

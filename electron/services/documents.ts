import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';

// STUB: to be implemented (issue 3).

export async function addDocument(_input: ParsedInput<'documents.add'>, _scope: Scope): Promise<MethodResult<'documents.add'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: documents.add.');
}

export async function getDocument(_input: ParsedInput<'documents.get'>, _scope: Scope): Promise<MethodResult<'documents.get'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: documents.get.');
}

export async function removeDocument(_input: ParsedInput<'documents.remove'>, _scope: Scope): Promise<MethodResult<'documents.remove'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: documents.remove.');
}

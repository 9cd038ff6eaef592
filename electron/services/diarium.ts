import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';

// STUB: to be implemented (issue 3).

export async function listArenden(_input: ParsedInput<'arenden.list'>, _scope: Scope): Promise<MethodResult<'arenden.list'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: arenden.list.');
}

export async function getArende(_input: ParsedInput<'arenden.get'>, _scope: Scope): Promise<MethodResult<'arenden.get'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: arenden.get.');
}

export async function nextArendeNumber(_input: ParsedInput<'arenden.nextNumber'>, _scope: Scope): Promise<MethodResult<'arenden.nextNumber'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: arenden.nextNumber.');
}

export async function saveArende(_input: ParsedInput<'arenden.save'>, _scope: Scope): Promise<MethodResult<'arenden.save'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: arenden.save.');
}

export async function voidArende(_input: ParsedInput<'arenden.void'>, _scope: Scope): Promise<MethodResult<'arenden.void'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: arenden.void.');
}

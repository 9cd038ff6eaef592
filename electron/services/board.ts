import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';

// STUB: to be implemented (issue 3).

export async function listPeriods(_input: ParsedInput<'periods.list'>, _scope: Scope): Promise<MethodResult<'periods.list'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: periods.list.');
}

export async function savePeriod(_input: ParsedInput<'periods.save'>, _scope: Scope): Promise<MethodResult<'periods.save'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: periods.save.');
}

export async function removePeriod(_input: ParsedInput<'periods.remove'>, _scope: Scope): Promise<MethodResult<'periods.remove'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: periods.remove.');
}

export async function listBoard(_input: ParsedInput<'board.list'>, _scope: Scope): Promise<MethodResult<'board.list'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: board.list.');
}

export async function saveAppointment(_input: ParsedInput<'board.save'>, _scope: Scope): Promise<MethodResult<'board.save'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: board.save.');
}

export async function removeAppointment(_input: ParsedInput<'board.remove'>, _scope: Scope): Promise<MethodResult<'board.remove'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: board.remove.');
}

export async function boardSignatures(_input: ParsedInput<'board.signatures'>, _scope: Scope): Promise<MethodResult<'board.signatures'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: board.signatures.');
}

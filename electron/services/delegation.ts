import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';

// STUB: to be implemented (issue 3).

export async function listDelegations(_input: ParsedInput<'delegations.list'>, _scope: Scope): Promise<MethodResult<'delegations.list'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: delegations.list.');
}

export async function saveDelegation(_input: ParsedInput<'delegations.save'>, _scope: Scope): Promise<MethodResult<'delegations.save'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: delegations.save.');
}

export async function removeDelegation(_input: ParsedInput<'delegations.remove'>, _scope: Scope): Promise<MethodResult<'delegations.remove'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: delegations.remove.');
}

export async function listDecisions(_input: ParsedInput<'decisions.list'>, _scope: Scope): Promise<MethodResult<'decisions.list'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: decisions.list.');
}

export async function saveDecision(_input: ParsedInput<'decisions.save'>, _scope: Scope): Promise<MethodResult<'decisions.save'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: decisions.save.');
}

export async function reportDecisions(_input: ParsedInput<'decisions.report'>, _scope: Scope): Promise<MethodResult<'decisions.report'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: decisions.report.');
}

export async function listMeetings(_input: ParsedInput<'meetings.list'>, _scope: Scope): Promise<MethodResult<'meetings.list'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: meetings.list.');
}

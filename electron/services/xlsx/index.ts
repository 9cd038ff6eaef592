import { KansliError } from '../../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { Scope } from '../context';

// STUB: to be implemented (issue 3).

export async function exportRegister(_input: ParsedInput<'xlsx.export'>, _scope: Scope): Promise<MethodResult<'xlsx.export'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: xlsx.export.');
}

export async function previewImport(_input: ParsedInput<'xlsx.importPreview'>, _scope: Scope): Promise<MethodResult<'xlsx.importPreview'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: xlsx.importPreview.');
}

export async function applyImport(_input: ParsedInput<'xlsx.import'>, _scope: Scope): Promise<MethodResult<'xlsx.import'>> {
  throw new KansliError('INTERNAL', 'Inte byggt ännu: xlsx.import.');
}

import { KansliError } from '../../shared/contract/errors';

/** A refusal with a Swedish message that names the field it is about. */
export function refuse(path: string, message: string, code: 'RULE' | 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' = 'RULE'): KansliError {
  return new KansliError(code, message, { issues: [{ path, message }] });
}

import { KansliError, type ErrorCode, type FieldIssue } from '../../shared/contract/errors';

/**
 * The one way a service refuses: a Swedish message for the person, and the field it is
 * about for the form (`fieldMessage` when the field should say it shorter). Nothing is
 * saved: the call's transaction is rolled back.
 */
export function refuse(path: string, message: string, code: ErrorCode = 'RULE', fieldMessage: string = message): KansliError {
  return new KansliError(code, message, { issues: [{ path, message: fieldMessage }] });
}

/** A refusal about several fields at once (an import's rows, a form's problems). */
export function refuseAll(message: string, issues: FieldIssue[], code: ErrorCode = 'RULE'): KansliError {
  return new KansliError(code, message, { issues });
}

/** The same refusal, said of a part of something larger ("Punkt 4 på dagordningen: …"). */
export function refuseWithin(err: KansliError, prefix: string): KansliError {
  return new KansliError(err.code, `${prefix}${err.message}`, err.details);
}

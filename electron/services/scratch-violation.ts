import { KansliError } from '../../shared/contract/errors';

export const scratch = new KansliError('RULE', 'x', { issues: [{ path: 'a', message: 'x' }] });

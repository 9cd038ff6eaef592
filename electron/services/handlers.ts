import type { MethodName, MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';
import { appInfo, getForbund, saveForbund } from './forbund';
import { getMember, listMembers, removeMember, saveMember } from './members';

export type Handler<K extends MethodName> = (input: ParsedInput<K>, scope: Scope) => Promise<MethodResult<K>>;
export type Handlers = { [K in MethodName]: Handler<K> };

/** One handler per contract method; the type makes a missing or extra one a compile error. */
export const handlers: Handlers = {
  'app.info': appInfo,
  'forbund.get': getForbund,
  'forbund.save': saveForbund,
  'members.list': listMembers,
  'members.get': getMember,
  'members.save': saveMember,
  'members.remove': removeMember,
};

import type { z } from 'zod';
import { method, type MethodSpec } from './define';
import { emptyInput } from './schemas/common';
import { forbundSaveInput, type AppInfo, type Forbund } from './schemas/forbund';
import { memberIdInput, memberSaveInput, type Member } from './schemas/members';

/**
 * The API contract: every operation the renderer, the HTTP host and the CLI can
 * ask for. Each transport looks methods up here and parses the input with the
 * schema before a service sees it.
 */
export const contract = {
  'app.info': method<AppInfo>()({
    description: 'Version, databasfil och användare.',
    input: emptyInput,
    writes: false,
  }),
  'forbund.get': method<Forbund>()({
    description: 'Förbundets uppgifter.',
    input: emptyInput,
    writes: false,
  }),
  'forbund.save': method<Forbund>()({
    description: 'Sparar förbundets uppgifter.',
    input: forbundSaveInput,
    writes: true,
  }),
  'members.list': method<Member[]>()({
    description: 'Alla medlemmar med folkmängd per år.',
    input: emptyInput,
    writes: false,
  }),
  'members.get': method<Member>()({
    description: 'En medlem.',
    input: memberIdInput,
    writes: false,
  }),
  'members.save': method<Member>()({
    description: 'Lägger till en medlem (utan id) eller sparar ändringar (med id).',
    input: memberSaveInput,
    writes: true,
  }),
  'members.remove': method<{ id: number }>()({
    description: 'Tar bort en medlem.',
    input: memberIdInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodResult<K extends MethodName> = NonNullable<Contract[K]['result']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

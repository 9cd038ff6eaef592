import type { z } from 'zod';
import type { MethodSpec } from './define';
import { forbundMethods } from './schemas/forbund';
import { membersMethods } from './schemas/members';
import { auditMethods } from './schemas/audit';
import { boardMethods } from './schemas/board';
import { groupsMethods } from './schemas/groups';
import { diariumMethods } from './schemas/diarium';
import { delegationMethods } from './schemas/delegation';
import { meetingsMethods } from './schemas/meetings';
import { arendebladMethods } from './schemas/arendeblad';
import { protokollMethods } from './schemas/protokoll';
import { insatserMethods } from './schemas/insatser';
import { ekonomiMethods } from './schemas/ekonomi';
import { internkontrollMethods } from './schemas/internkontroll';
import { searchMethods } from './schemas/search';
import { backupMethods } from './schemas/backup';
import { xlsxMethods } from './schemas/xlsx';
import { verksamhetsplanMethods } from './schemas/verksamhetsplan';
import { maluppfyllelseMethods } from './schemas/maluppfyllelse';
import { bokslutMethods } from './schemas/bokslut';
import { arsredovisningMethods } from './schemas/arsredovisning';
import { delarsrapportMethods } from './schemas/delarsrapport';
import { arshjulMethods } from './schemas/arshjul';
import { statistikMethods } from './schemas/statistik';
import { deskMethods } from './schemas/desk';
import { setupMethods } from './schemas/setup';
import { usersMethods } from './schemas/users';

/**
 * The API contract: every operation the renderer, the HTTP host and the CLI can
 * ask for. Each transport looks methods up here and parses the input with the
 * schema before a service sees it. Each area keeps its methods beside its schemas
 * (shared/contract/schemas/AREA.ts); a new method is added there.
 */
export const contract = {
  ...forbundMethods,
  ...membersMethods,
  ...auditMethods,
  ...boardMethods,
  ...groupsMethods,
  ...diariumMethods,
  ...delegationMethods,
  ...meetingsMethods,
  ...arendebladMethods,
  ...protokollMethods,
  ...insatserMethods,
  ...ekonomiMethods,
  ...internkontrollMethods,
  ...searchMethods,
  ...backupMethods,
  ...xlsxMethods,
  ...verksamhetsplanMethods,
  ...maluppfyllelseMethods,
  ...bokslutMethods,
  ...arsredovisningMethods,
  ...delarsrapportMethods,
  ...arshjulMethods,
  ...statistikMethods,
  ...deskMethods,
  ...setupMethods,
  ...usersMethods,
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

import { z } from 'zod';
import { ROLES, type Role } from '../access';
import { method, type MethodSpec } from '../define';
import { emptyInput, requiredText } from './common';

/**
 * The people with a login on a server database and their roles (issue 18). On a file
 * there is one user, the computer's account, and no list.
 */

export interface KansliUser {
  login: string;
  name: string;
  role: Role;
  roleLabel: string;
  /** True for the person asking: they cannot remove themselves. */
  isMe: boolean;
}

/** A server login: what PostgreSQL accepts as a role name, kept simple so it is typed the same every time. */
const loginSchema = z
  .string({ error: 'Inloggningen måste vara text.' })
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{1,62}$/, {
    error: 'Inloggningen ska vara 2–63 tecken: små bokstäver a–z, siffror, punkt, bindestreck eller understreck, och börja med en bokstav.',
  });

export const userSaveInput = z
  .object({
    login: loginSchema,
    name: requiredText('Namn', 120),
    role: z.enum(ROLES, { error: 'Välj en roll: förbundschef, administratör, handläggare eller läsare.' }),
    /** When given, the login is made on the server (or its password changed). At least 12 characters. */
    password: z.string({ error: 'Lösenordet måste vara text.' }).min(12, { error: 'Lösenordet ska vara minst 12 tecken.' }).max(200).optional(),
  })
  .strict();

export const userRemoveInput = z.object({ login: loginSchema }).strict();

/** The API contract's user methods; shared/contract/methods.ts merges every area's. */
export const usersMethods = {
  'users.list': method<KansliUser[]>()({
    description: 'Användarna på serverdatabasen med sina roller.',
    input: emptyInput,
    writes: false,
  }),
  'users.save': method<KansliUser>()({
    description: 'Lägger till eller ändrar en användare (namn och roll), och skapar inloggningen på servern när ett lösenord anges.',
    input: userSaveInput,
    writes: true,
  }),
  'users.remove': method<{ login: string }>()({
    description: 'Tar bort en användare ur Kansli (inloggningen på servern finns kvar men kan inte längre använda Kansli).',
    input: userRemoveInput,
    writes: true,
  }),
} satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

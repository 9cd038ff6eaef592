import { z } from 'zod';
import type { ConnectServerInput } from '../shared/bridge';
import { isServerAddress } from '../db/postgres/address';

/**
 * Arkiv → Anslut till server … (issue 18): the form's input, and the password kept only
 * encrypted by the operating system's keychain (Electron's safeStorage), or not at all.
 */

export const connectServerInput = z
  .object({
    address: z
      .string({ error: 'Ange serverns adress.' })
      .trim()
      .max(500)
      .refine((a) => isServerAddress(a), { error: 'Adressen ska börja med postgres://, t.ex. postgres://eva@kansliserver/kansli.' })
      .refine(
        (a) => {
          try {
            return new URL(a).password === '';
          } catch {
            return false;
          }
        },
        { error: 'Skriv lösenordet i lösenordsfältet, inte i adressen (adressen sparas, lösenordet aldrig i klartext).' },
      ),
    password: z.string({ error: 'Ange lösenordet.' }).min(1, { error: 'Ange lösenordet.' }).max(200),
    remember: z.boolean(),
  })
  .strict() satisfies z.ZodType<ConnectServerInput>;

/** The address with the password put in, for the connection only (never stored or shown). */
export function withPassword(address: string, password: string): string {
  const url = new URL(address);
  url.password = password;
  return url.toString();
}

/** What Electron's safeStorage offers (the OS keychain: Keychain, DPAPI, libsecret). */
export interface SecretStore {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

/** The password encrypted for the settings file, or null when the keychain cannot keep it (then it is asked for each time). */
export function sealPassword(store: SecretStore, password: string): string | null {
  return store.isEncryptionAvailable() ? store.encryptString(password).toString('base64') : null;
}

export function openPassword(store: SecretStore, sealed: string | undefined): string | null {
  if (sealed === undefined || !store.isEncryptionAvailable()) return null;
  try {
    return store.decryptString(Buffer.from(sealed, 'base64'));
  } catch {
    return null;
  }
}

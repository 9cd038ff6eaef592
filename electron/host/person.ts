import { KansliError } from '../../shared/contract/errors';
import { openServerSession } from '../services/server-session';
import type { OpenPerson } from './logins';

/**
 * A person's own session on the kansli's server database: the server checks their
 * password, and Kansli's users list must know them (their name and role).
 */
export function personOpener(url: string, appVersion: string): OpenPerson {
  return async (login, password) => {
    const address = new URL(url);
    address.username = login;
    address.password = password;
    const session = await openServerSession(address.toString(), { create: false, appVersion, poolSize: 3 });
    const me = await session.api.call('user.get', {});
    if (!me.ok || me.value.role === null) {
      await session.close();
      throw new KansliError('FORBIDDEN', `Inloggningen ”${login}” är inte användare i Kansli.`);
    }
    return { api: session.api, name: me.value.displayName ?? login, role: me.value.role, close: () => session.close() };
  };
}

/** How a server database is named: without loading the PostgreSQL driver (a file's start never needs it). */

export function isServerAddress(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

/** The address as a person may see it, in logs and the window's title: never the password. */
export function describeServer(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username === '' ? '' : `${decodeURIComponent(u.username)}@`;
    return `postgres://${user}${u.hostname}${u.port === '' ? '' : `:${u.port}`}${u.pathname}`;
  } catch {
    return 'postgres://(ogiltig adress)';
  }
}

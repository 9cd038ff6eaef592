import { KansliError } from '../../shared/contract/errors';

/** SQLSTATEs and socket errors of a connection that was lost or never made. */
const UNREACHABLE = ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', '57P03', '08001'];
const LOST = ['ECONNRESET', 'EPIPE', '57P01', '57P02', '08006', '08003', '08007'];

/** True for an error that means the connection itself is gone (it must not serve another call). */
export function isLostConnection(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  return LOST.includes(code) || (err instanceof Error && /Connection terminated/i.test(err.message));
}

/**
 * The Swedish message for a server that refused or could not be reached, or a connection
 * lost in the middle of a call. A write is one transaction on the server: a connection lost
 * before its commit leaves nothing of it, so the user is told that nothing of it was saved.
 */
export function serverError(err: unknown, where: string): KansliError | null {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code === '28P01' || code === '28000') {
    return new KansliError('DB_AUTH', `Servern ${where} godtog inte inloggningen: fel användarnamn eller lösenord. Inget har ändrats.`);
  }
  if (code === '3D000') return new KansliError('DB_NOT_FOUND', `Databasen ${where} finns inte på servern.`);
  if (UNREACHABLE.includes(code)) {
    return new KansliError(
      'DB_UNREACHABLE',
      `Servern ${where} svarar inte (${code}). Kontrollera nätverket och adressen och försök igen; filer på den här datorn går att öppna som vanligt.`,
    );
  }
  if (LOST.includes(code) || (err instanceof Error && /timeout|Connection terminated/i.test(err.message))) {
    return new KansliError(
      'DB_UNREACHABLE',
      `Anslutningen till ${where} bröts innan anropet var klart. Inget av det har sparats (servern sparar en ändring helt eller inte alls); försök igen när nätverket fungerar.`,
    );
  }
  return null;
}

import { KansliError } from '../../shared/contract/errors';

/** The Swedish message for a server that refused or could not be reached. */
export function serverError(err: unknown, where: string): KansliError | null {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code === '28P01' || code === '28000') {
    return new KansliError('DB_AUTH', `Servern ${where} godtog inte inloggningen: fel användarnamn eller lösenord. Inget har ändrats.`);
  }
  if (code === '3D000') return new KansliError('DB_NOT_FOUND', `Databasen ${where} finns inte på servern.`);
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', '57P01', '57P03', '08006', '08001', '08003'].includes(code)) {
    return new KansliError(
      'DB_UNREACHABLE',
      `Servern ${where} svarar inte (${code}). Kontrollera nätverket och adressen och försök igen; filer på den här datorn går att öppna som vanligt.`,
    );
  }
  if (err instanceof Error && /timeout|Connection terminated/i.test(err.message)) {
    return new KansliError('DB_UNREACHABLE', `Anslutningen till servern ${where} bröts. Det som inte hann sparas har inte sparats; försök igen.`);
  }
  return null;
}

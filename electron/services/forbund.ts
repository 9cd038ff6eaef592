import type { Sender } from './pdf/arendeblad-pdf';
import { KansliError } from '../../shared/contract/errors';
import type { AppInfo, Forbund } from '../../shared/contract/schemas/forbund';
import type { ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';
import { handlersFor } from './handler';
import { resolveActor } from './user';
import { ROLE_LABELS } from '../../shared/contract/access';

export async function loadForbund(scope: Scope): Promise<Forbund> {
  const row = await scope.db.selectFrom('forbund').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) throw new KansliError('DB_CORRUPT', 'Databasen saknar förbundets uppgifter.');
  return {
    name: row.name,
    orgNr: row.org_nr,
    address: row.address,
    email: row.email,
    phone: row.phone,
    city: row.city,
    diaryFormat: row.diary_format,
    proposalStyle: row.proposal_style,
    isDemo: row.is_demo === 1,
    setupDone: row.setup_done_at !== null || row.is_demo === 1,
    updatedAt: row.updated_at,
  };
}

/** The förbund as the sender in every document's footer (name, address, org.nr, e-post, telefon). */
export function senderOf(forbund: Forbund): Sender {
  return { name: forbund.name, address: forbund.address, orgNr: forbund.orgNr, email: forbund.email, phone: forbund.phone };
}

/**
 * A file's organisation number against the förbund's: the message that names both when they
 * differ (another organisation's books), null when they agree or either is missing.
 */
export async function otherOrganisation(scope: Scope, fileOrgNr: string | null | undefined): Promise<{ file: string; forbund: string } | null> {
  const forbund = (await scope.db.selectFrom('forbund').select('org_nr').where('id', '=', 1).executeTakeFirst())?.org_nr ?? null;
  const digits = (v: string) => v.replace(/\D/g, '').slice(-10);
  return fileOrgNr && forbund && digits(fileOrgNr) !== digits(forbund) ? { file: fileOrgNr, forbund } : null;
}

export async function getForbund(_input: ParsedInput<'forbund.get'>, scope: Scope): Promise<Forbund> {
  return loadForbund(scope);
}

export async function saveForbund(input: ParsedInput<'forbund.save'>, scope: Scope): Promise<Forbund> {
  const before = await loadForbund(scope);
  await scope.db
    .updateTable('forbund')
    .set({
      name: input.name,
      org_nr: input.orgNr,
      address: input.address,
      email: input.email,
      phone: input.phone,
      city: input.city,
      diary_format: input.diaryFormat,
      proposal_style: input.proposalStyle,
      updated_at: scope.now.toISOString(),
    })
    .where('id', '=', 1)
    .execute();
  const after = await loadForbund(scope);
  await scope.audit({ entity: 'forbund', entityId: 1, action: 'update', before, after });
  return after;
}

export async function appInfo(_input: ParsedInput<'app.info'>, scope: Scope): Promise<AppInfo> {
  // On a server the person logged in, with their role; on a file the computer's account.
  const me = scope.ctx.db.engine === 'postgres' ? await resolveActor(scope.db, scope.ctx.actor, scope.ctx.db) : null;
  return {
    version: scope.ctx.appVersion,
    schemaVersion: scope.ctx.db.schemaVersion,
    databasePath: scope.ctx.db.path,
    user: me === null ? scope.ctx.actor : `${me.actor}${me.role === null ? '' : `, ${ROLE_LABELS[me.role]}`}`,
    readOnly: scope.ctx.db.readOnly,
    networkShare: scope.ctx.db.networkShare,
  };
}

/** The methods this module serves. */
export const forbundHandlers = handlersFor({
  'app.info': appInfo,
  'forbund.get': getForbund,
  'forbund.save': saveForbund,
});

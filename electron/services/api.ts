import type { z } from 'zod';
import { serverError } from '../../db/postgres/errors';
import { errorCode, readOnlyError, storageError } from '../../db/storage-errors';
import { accessOf, mayCall, refusalFor } from '../../shared/contract/access';
import { KansliError, type ApiError, type Envelope, type FieldIssue } from '../../shared/contract/errors';
import { contract, isMethodName, type MethodInput, type MethodName, type MethodResult } from '../../shared/contract/methods';
import { describePath } from '../../shared/contract/labels';
import { PERSONAL_DATA_NOTICE, scanForPersonnummer } from '../../shared/domain/personnummer';
import { appendAudit } from './audit';
import type { AuditEntry, Scope, ServiceContext } from './context';
import { handlers, type Handler } from './handlers';
import { resolveActor } from './user';
import { notAUser, serverCaller, type Caller } from './users';
import { workCopyMark, workCopyRefusal } from './workcopy-mark';

/** Fields that are not free text a person typed: file bytes, secrets, and the confirmation itself. */
const NOT_FREE_TEXT = new Set(['contentBase64', 'certificateBase64', 'password', 'confirmPersonalData']);

/**
 * The förbund must not keep data about individuals. A write whose free text holds
 * something that looks like a personnummer is refused unless the caller confirms it.
 */
function personalDataError(parsed: unknown): ApiError | null {
  if (typeof parsed === 'object' && parsed !== null && (parsed as { confirmPersonalData?: unknown }).confirmPersonalData === true) return null;
  const found = scanForPersonnummer(parsed, NOT_FREE_TEXT);
  if (found.length === 0) return null;
  const issues: FieldIssue[] = found.map((f) => ({
    path: f.path,
    message: `Ser ut att innehålla ett personnummer (${f.hits.map((h) => h.masked).join(', ')}).`,
  }));
  const where = found.map((f) => describePath(f.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)))).join(', ');
  return {
    code: 'PERSONAL_DATA',
    message: `${where}: texten ser ut att innehålla ett personnummer. ${PERSONAL_DATA_NOTICE}`,
    details: { issues },
  };
}

/** What the transports hand on: a method name and input as they came, not yet checked. */
export type Dispatch = (method: string, rawInput: unknown) => Promise<Envelope<unknown>>;

export interface Api {
  /**
   * A call from Node code that knows the method (tests, scripts): the compiler checks the
   * input against the contract and the result comes typed. Validated and run as `dispatch`.
   */
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Envelope<MethodResult<K>>>;
  /** What a transport received (IPC, HTTP, CLI), checked by the method's schema, run, never throws. */
  dispatch: Dispatch;
}

/** Both faces of one dispatch: the typed one is what the schema check enforces at run time. */
export function apiOf(dispatch: Dispatch): Api {
  return { dispatch, call: dispatch as Api['call'] };
}

function validationError(error: z.ZodError): ApiError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const lines = error.issues.map((issue) => {
    const where = describePath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  return { code: 'VALIDATION', message: `Uppgifterna är inte giltiga. ${lines.join(' ')}`, details: { issues } };
}

/**
 * The database's own guards (triggers) speak English to developers; a user who meets
 * one (a second window, a script) gets the rule in Swedish.
 */
const TRIGGER_MESSAGES: Record<string, string> = {
  'audit_log is append-only': 'Granskningsloggen kan inte ändras eller rensas.',
  'a diary series never goes back': 'Ett diarienummer som har delats ut delas aldrig ut igen.',
  'an ärende is voided, never deleted': 'Ett ärende tas aldrig bort ur diariet; makulera det i stället.',
  'a diarienummer never changes': 'Ett ärendes diarienummer kan inte ändras.',
  'a signed document is never removed': 'Ett signerat dokument kan inte tas bort.',
  'a signed document cannot be changed, only superseded': 'Ett signerat dokument kan inte ändras; en ny version ersätter det i stället.',
  'the justering history is append-only': 'Justeringens historik kan inte ändras.',
  budget_locked: 'En fastställd budget kan inte ändras; gör en reviderad version i stället.',
  year_closed: 'Året är stängt: utfall kan inte läggas till, ändras eller tas bort.',
  occasion_signed_off: 'Kontrollen är avslutad och kan inte ändras.',
  plan_adopted: 'Verksamhetsplanen är fastställd och kan inte ändras eller tas bort; gör en revidering i stället.',
  'a signed ärendeblad is frozen':
    'Ärendebladet är signerat och kan inte ändras. Gör en ny version för att ändra det; de tidigare underskrifterna står kvar på den tidigare versionen.',
};

function toApiError(err: unknown, method: string): ApiError {
  if (err instanceof KansliError) return err.toApiError();
  // SQLite's extended codes, and PostgreSQL's SQLSTATE for the same rules on a server.
  const code = errorCode(err);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') {
    return { code: 'RULE', message: 'Posten används av andra uppgifter i registret och kan inte ändras eller tas bort.' };
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505') return { code: 'CONFLICT', message: 'Det finns redan en post med samma uppgifter.' };
  if ((code === 'SQLITE_CONSTRAINT_TRIGGER' || code === 'P0001') && err instanceof Error && TRIGGER_MESSAGES[err.message] !== undefined) {
    return { code: 'RULE', message: `${TRIGGER_MESSAGES[err.message]} Inget har sparats.` };
  }
  const storage = storageError(err);
  if (storage) return storage.toApiError();
  const server = serverError(err, 'databasservern');
  if (server) return server.toApiError();
  console.error(`[kansli] ${method} failed:`, err);
  return { code: 'INTERNAL', message: `Ett oväntat fel inträffade (${method}). Inget har sparats.` };
}

/** Why a person's role does not allow `method` (shared/contract/access.ts), or null when it does. */
export function roleRefusal(method: MethodName, caller: Caller): KansliError | null {
  if (caller.role === null) return notAUser(caller.login);
  const access = accessOf(method, contract[method].writes);
  return mayCall(caller.role, access) ? null : new KansliError('FORBIDDEN', refusalFor(caller.role, access));
}

export function createApi(ctx: ServiceContext): Api {
  async function run<K extends MethodName>(name: K, input: unknown): Promise<unknown> {
    const spec = contract[name];
    const handler = handlers[name] as Handler<K>;
    const now = ctx.now();
    if (!spec.writes) {
      const scope: Scope = {
        ctx,
        db: ctx.db.kysely,
        method: name,
        now,
        actor: ctx.actor,
        audit: () => Promise.reject(new Error(`${name} is a read method and cannot write to the audit log`)),
      };
      return handler(input as Parameters<Handler<K>>[0], scope);
    }
    return ctx.db.kysely.transaction().execute(async (trx) => {
      const { actor } = await resolveActor(trx, ctx.actor, ctx.db);
      const meta = { at: now.toISOString(), actor, method: name };
      const scope: Scope = { ctx, db: trx, method: name, now, actor, audit: (entry: AuditEntry) => appendAudit(trx, meta, entry) };
      return handler(input as Parameters<Handler<K>>[0], scope);
    });
  }

  return apiOf(async (method, rawInput) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Okänd metod ”${method}”.` } };
    }
    // On a server, the caller's role first: a call outside it reads and changes nothing, whatever its input.
    if (ctx.db.engine === 'postgres') {
      try {
        const refusal = roleRefusal(method, await serverCaller(ctx.db.kysely, ctx.db));
        if (refusal) return { ok: false, error: refusal.toApiError() };
      } catch (err) {
        return { ok: false, error: toApiError(err, method) };
      }
    }
    const parsed = contract[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    if (contract[method].writes) {
      if (ctx.db.readOnly !== null) return { ok: false, error: readOnlyError(ctx.db.readOnly).toApiError() };
      // A working copy for the train: only the ärendeblad chosen for it can be changed.
      if (ctx.db.engine === 'sqlite') {
        try {
          const mark = await workCopyMark(ctx.db.kysely);
          const refusal = mark === null ? null : workCopyRefusal(mark, method, parsed.data);
          if (refusal) return { ok: false, error: refusal.toApiError() };
        } catch (err) {
          return { ok: false, error: toApiError(err, method) };
        }
      }
      const personal = personalDataError(parsed.data);
      if (personal) return { ok: false, error: personal };
    }
    try {
      return { ok: true, value: await run(method, parsed.data) };
    } catch (err) {
      return { ok: false, error: toApiError(err, method) };
    }
  });
}

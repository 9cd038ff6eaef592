/**
 * The one error shape every transport returns. `message` is Swedish and meant
 * for a person; `code` is for programs; `details` names fields where that helps.
 */
export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'RULE',
  'PERSONAL_DATA',
  'DB_NOT_FOUND',
  'DB_NOT_KANSLI',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'DB_MISMATCH',
  /** Another writer held the database longer than the wait allows; nothing was saved. */
  'BUSY',
  /** The database is open read-only (read-only disk or folder); nothing was saved. */
  'READ_ONLY',
  /** The disk is full; nothing was saved. */
  'DISK_FULL',
  /** The disk could not be read or written; nothing was saved. */
  'DISK_ERROR',
  /** The server refused the login (user name or password). */
  'DB_AUTH',
  /** The database server could not be reached, or the connection was lost; nothing was saved. */
  'DB_UNREACHABLE',
  /** The caller's role on a server database does not allow the method; nothing was read or changed. */
  'FORBIDDEN',
  /** Something only a database file has so far (backups in the app) was asked of a server database. */
  'NOT_ON_SERVER',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. "populations.0.population". Empty for the whole input. */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: { issues?: FieldIssue[] };
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside services and the database layer; turned into an ApiError at the edge. */
export class KansliError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly details?: ApiError['details'];

  constructor(code: ErrorCode, message: string, details?: ApiError['details']) {
    super(message);
    this.name = 'KansliError';
    this.code = code;
    this.details = details;
  }

  toApiError(): ApiError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code);
}

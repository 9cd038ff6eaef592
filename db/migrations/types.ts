/** A forward-only schema step. Applied once, in its own transaction, in version order. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The step on a SQLite file. */
  readonly sql: string;
  /**
   * The same step on a PostgreSQL server database. Steps up to the PostgreSQL baseline
   * (db/postgres/baseline.ts) have none: a server database starts from the baseline.
   * Every later step must have it.
   */
  readonly postgres?: string;
}

import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite driver begins a transaction with a plain (deferred) BEGIN: the write
 * lock is taken at the first write, and in WAL mode a reader that then writes after
 * another process committed gets SQLITE_BUSY_SNAPSHOT at once, without waiting. With
 * BEGIN IMMEDIATE every write call takes the lock when it starts and waits its turn
 * (busy_timeout) behind the app, the host or the CLI writing the same file.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #inTransaction: () => boolean;

  constructor(config: SqliteDialectConfig) {
    super(config);
    const db = config.database;
    // better-sqlite3's Database knows; a database given as a factory is rolled back as kysely does.
    this.#inTransaction = () => typeof db === 'function' || (db as unknown as { inTransaction?: boolean }).inTransaction !== false;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * SQLite rolls a transaction back by itself on some errors (a full disk, an I/O error
   * in the middle of a statement): then there is nothing left to roll back, and a
   * ROLLBACK would fail and hide the error the user must be told about.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#inTransaction()) return;
    await super.rollbackTransaction(connection);
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite driver begins a transaction with a plain (deferred) BEGIN: the write
 * lock is taken at the first write, and in WAL mode a reader that then writes after
 * another process committed gets SQLITE_BUSY_SNAPSHOT at once, without waiting. With
 * BEGIN IMMEDIATE every write call takes the lock when it starts and waits its turn
 * (busy_timeout) behind the app, the host or the CLI writing the same file.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
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

import {
  CompiledQuery,
  PostgresDialect,
  PostgresDriver,
  type DatabaseConnection,
  type Driver,
  type PostgresDialectConfig,
  type TransactionSettings,
} from 'kysely';

/**
 * The key of the one advisory lock every Kansli write takes on a server database: "KSLI",
 * the number SQLite files carry as their application id.
 */
export const WRITE_LOCK_KEY = 0x4b534c49;

/**
 * Every write transaction takes the database's write lock first, as BEGIN IMMEDIATE does
 * on a SQLite file: writes from every person's app, the host and the CLI run one after
 * another, so a service that reads and then writes (the next diarienummer, the audit
 * chain's head) sees the last write and is never interleaved with another. Reads do not
 * wait. A kansli of two to five people writes a few times a minute; the lock is held for
 * milliseconds.
 */
class SerializedPostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`));
  }
}

export class KansliPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new SerializedPostgresDriver(this.#config);
  }
}

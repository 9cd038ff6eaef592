/** The whole schema of one version on PostgreSQL, for a new server database. */
export interface PostgresBaseline {
  readonly version: number;
  readonly sql: string;
}

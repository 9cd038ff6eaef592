import type { TestProject } from 'vitest/node';
import { postgresBinDir, startTestCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://user:pw@host:port of this run's cluster, or '' when the run has SQLite only. */
    postgresBaseUrl: string;
  }
}

/**
 * One PostgreSQL cluster for the whole run; each test makes its own database in it.
 * CI and anyone with PostgreSQL installed run every engine-parametrised test on both
 * engines; KANSLI_TEST_ENGINES=sqlite runs SQLite only. In CI a missing PostgreSQL fails.
 */
export default function setup(project: TestProject): () => void {
  const wanted = process.env.KANSLI_TEST_ENGINES ?? (process.env.CI || postgresBinDir() !== null ? 'sqlite,postgres' : 'sqlite');
  if (!wanted.split(',').includes('postgres')) {
    project.provide('postgresBaseUrl', '');
    return () => undefined;
  }
  const cluster = startTestCluster();
  project.provide('postgresBaseUrl', cluster.baseUrl);
  return () => cluster.stop();
}

import type Database from 'better-sqlite3';

/** Demo delegationsordning and decisions (fictional). STUB: filled in by the delegation feature. */
export function seedDemoDelegation(_sqlite: Database.Database, _now: Date): void {}

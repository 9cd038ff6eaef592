import type Database from 'better-sqlite3';

/** Demo diarium (fictional). STUB: filled in by the diarium feature. */
export function seedDemoDiarium(_sqlite: Database.Database, _now: Date): void {}

import type Database from 'better-sqlite3';

/** Demo board, mandate period and groups (fictional names). STUB: filled in by the board feature. */
export function seedDemoBoard(_sqlite: Database.Database, _now: Date): void {}

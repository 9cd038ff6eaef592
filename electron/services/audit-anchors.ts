import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { auditHead, automaticBackupFolder, databaseId, listBackupFiles, type AuditHead } from '../../db/backup';
import { BACKUP_REASON_LABELS } from '../../shared/contract/schemas/backup';
import type { AuditAnchorReport } from '../../shared/contract/schemas/audit';
import { formatDateTime } from '../../shared/format/sv';

/**
 * Anchors for the audit log. The log's hash chain lives in the same file as the data,
 * so on its own it cannot show that someone deleted the last entries, or rewrote one
 * and recomputed every hash after it. An anchor is the log's head (last id, its hash,
 * the number of entries) written somewhere else: in the anchor file in the user data
 * folder at every close and backup, and in every backup's manifest. Kontrollera loggen
 * compares the log with each of them.
 */

export const ANCHOR_FILE = 'granskningsankare.json';
const KEEP_PER_DATABASE = 200;

const anchorSchema = z.object({
  at: z.string(),
  source: z.string(),
  entries: z.number().int().nonnegative(),
  lastId: z.number().int().nullable(),
  headHash: z.string().nullable(),
});
export type Anchor = z.infer<typeof anchorSchema>;

const restoreSchema = z.object({ at: z.string(), backupCreatedAt: z.string() });

const fileSchema = z.object({
  format: z.literal('kansli-granskningsankare'),
  version: z.literal(1),
  databases: z.record(
    z.string(),
    z.object({ databaseId: z.string(), path: z.string(), anchors: z.array(anchorSchema), restores: z.array(restoreSchema).default([]) }),
  ),
});
type AnchorFile = z.infer<typeof fileSchema>;

/** One database at one place: a copy of the file elsewhere has its own anchors. */
function key(id: string, dbPath: string): string {
  return `${id} ${dbPath}`;
}

function readFile(dataDir: string): AnchorFile {
  const empty: AnchorFile = { format: 'kansli-granskningsankare', version: 1, databases: {} };
  try {
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, ANCHOR_FILE), 'utf8')));
    return parsed.success ? parsed.data : empty;
  } catch {
    return empty;
  }
}

function writeFile(dataDir: string, content: AnchorFile): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, ANCHOR_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(content, null, 1)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

function entryFor(content: AnchorFile, id: string, dbPath: string) {
  const k = key(id, dbPath);
  content.databases[k] ??= { databaseId: id, path: dbPath, anchors: [], restores: [] };
  return content.databases[k];
}

/**
 * Records the log's head, unless it is the same as the newest anchor. The head is read
 * from the file only when no transaction is open on this connection (an uncommitted
 * entry must never be anchored), or given (a backup's manifest, read from its copy).
 * Never throws: an anchor that cannot be written (a read-only home folder) must not stop a close.
 */
export function recordAnchor(dataDir: string, sqlite: Database.Database, dbPath: string, source: string, now: Date, given?: AuditHead): Anchor | null {
  try {
    if (given === undefined && sqlite.inTransaction) return null;
    const head = given ?? auditHead(sqlite);
    const content = readFile(dataDir);
    const entry = entryFor(content, databaseId(sqlite), dbPath);
    const newest = entry.anchors.at(-1);
    if (newest && newest.lastId === head.lastId && newest.headHash === head.headHash) return newest;
    const anchor: Anchor = { at: now.toISOString(), source, ...head };
    entry.anchors.push(anchor);
    if (entry.anchors.length > KEEP_PER_DATABASE) entry.anchors.splice(0, entry.anchors.length - KEEP_PER_DATABASE);
    writeFile(dataDir, content);
    return anchor;
  } catch (err) {
    console.error('[kansli] could not record the audit anchor:', err);
    return null;
  }
}

/**
 * After a restore the log goes back to the backup's head: anchors made between the
 * backup and the restore describe a history that was given up, and are set aside.
 */
export function recordRestore(dataDir: string, sqlite: Database.Database, dbPath: string, backupCreatedAt: string, now: Date): void {
  try {
    const content = readFile(dataDir);
    const entry = entryFor(content, databaseId(sqlite), dbPath);
    entry.restores.push({ at: now.toISOString(), backupCreatedAt });
    writeFile(dataDir, content);
  } catch (err) {
    console.error('[kansli] could not record the restore beside the audit anchors:', err);
  }
  recordAnchor(dataDir, sqlite, dbPath, 'återställning', now);
}

export interface AnchorSource extends AuditHead {
  at: string;
  source: string;
}

/** The anchors in the anchor file for this database at this place, with its restores. */
export function storedAnchors(
  dataDir: string,
  sqlite: Database.Database,
  dbPath: string,
): { anchors: AnchorSource[]; restores: { at: string; backupCreatedAt: string }[] } {
  const entry = readFile(dataDir).databases[key(databaseId(sqlite), dbPath)];
  return { anchors: (entry?.anchors ?? []).map((a) => ({ ...a, source: `Ankare vid ${a.source}` })), restores: entry?.restores ?? [] };
}

/** Compares the log with every anchor that still applies. */
export function compareWithAnchors(sqlite: Database.Database, anchors: AnchorSource[], restores: { at: string; backupCreatedAt: string }[]): AuditAnchorReport {
  const setAsideBy = (a: AnchorSource) => restores.some((r) => a.at > r.backupCreatedAt && a.at < r.at);
  const applying = anchors.filter((a) => !setAsideBy(a)).sort((x, y) => x.at.localeCompare(y.at));
  const byId = sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?');
  const upTo = sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE id <= ?');
  const problems: AuditAnchorReport['problems'] = [];
  for (const a of applying) {
    const when = formatDateTime(new Date(a.at));
    if (a.lastId === null) continue;
    const row = byId.get(a.lastId) as { hash: string } | undefined;
    if (!row) {
      problems.push({ source: a.source, at: a.at, message: `Post ${a.lastId} fanns ${when} men saknas nu: loggen har kortats eller poster har tagits bort.` });
      continue;
    }
    if (row.hash !== a.headHash) {
      problems.push({
        source: a.source,
        at: a.at,
        message: `Post ${a.lastId} har inte samma kontrollsumma som ${when}: loggen har skrivits om fram till den posten.`,
      });
      continue;
    }
    const { n } = upTo.get(a.lastId) as { n: number };
    if (n !== a.entries)
      problems.push({ source: a.source, at: a.at, message: `Loggen hade ${a.entries} poster till och med post ${a.lastId} ${when}, nu ${n}.` });
  }
  const newest = applying.at(-1);
  return { checked: applying.length, newestAt: newest?.at ?? null, newestLastId: newest?.lastId ?? null, problems, setAside: anchors.length - applying.length };
}

/** Every anchor of this database: the anchor file's and each automatic backup's manifest. */
export async function auditAnchorReport(dataDir: string, sqlite: Database.Database, dbPath: string): Promise<AuditAnchorReport> {
  const id = databaseId(sqlite);
  const { anchors, restores } = storedAnchors(dataDir, sqlite, dbPath);
  const backups = await listBackupFiles(automaticBackupFolder(dataDir, dbPath, id));
  for (const b of backups) {
    if (b.manifest.source.databaseId !== id || b.manifest.source.path !== dbPath) continue;
    anchors.push({
      ...b.manifest.audit,
      at: b.manifest.createdAt,
      source: `Säkerhetskopia ${formatDateTime(new Date(b.manifest.createdAt))} (${BACKUP_REASON_LABELS[b.manifest.reason].toLowerCase()})`,
    });
  }
  return compareWithAnchors(sqlite, anchors, restores);
}

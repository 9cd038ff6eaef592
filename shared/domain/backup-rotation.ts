/**
 * Which automatic backups to keep: the latest few (taken at start and close), then the
 * newest of each of the last days, weeks and months that have one: the old
 * grandfather-father-son rotation. A backup made by hand is never rotated away.
 */
export interface BackupPolicy {
  /** The latest automatic backups, whatever their age. */
  recent: number;
  /** The newest backup of each of this many days that have one. */
  daily: number;
  /** The newest of each of this many ISO weeks. */
  weekly: number;
  /** The newest of each of this many months. */
  monthly: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { recent: 5, daily: 7, weekly: 5, monthly: 12 };

export interface DatedBackup {
  name: string;
  /** When it was made. */
  at: Date;
  /** Made by hand: kept until the user removes it. */
  manual: boolean;
}

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** ISO 8601 week, e.g. "2026-W49" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekKey(d: Date): string {
  const day = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function monthKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}`;
}

/** The names of the backups to keep; every other automatic backup may be removed. */
export function backupsToKeep(backups: readonly DatedBackup[], policy: BackupPolicy): Set<string> {
  const keep = new Set<string>();
  const automatic = backups.filter((b) => !b.manual).sort((a, b) => b.at.getTime() - a.at.getTime());
  for (const b of backups) if (b.manual) keep.add(b.name);
  for (const b of automatic.slice(0, Math.max(1, policy.recent))) keep.add(b.name);
  const tier = (key: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of automatic) {
      if (seen.size >= count) break;
      const k = key(b.at);
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(b.name);
    }
  };
  tier(dayKey, policy.daily);
  tier(isoWeekKey, policy.weekly);
  tier(monthKey, policy.monthly);
  return keep;
}

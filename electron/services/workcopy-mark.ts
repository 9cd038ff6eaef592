import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { KansliTables } from '../../db/schema';
import { KansliError } from '../../shared/contract/errors';
import type { MethodName } from '../../shared/contract/methods';
import { formatDateTime } from '../../shared/format/sv';

/**
 * The mark a working copy for the train carries (electron/services/workcopy.ts takes and
 * sends it), and what it allows: read by the API at every write to a file.
 */

/** What kansli_meta says of a working copy (key WORKCOPY_KEY). */
export interface WorkCopyMark {
  server: string;
  databaseId: string;
  takenAt: string;
  takenBy: string;
  /**
   * The ärendeblad that may be edited: the revision each has on the server as the copy last
   * knew it, and the copy's own revision then (a newer one in the copy means an edit to send).
   */
  arendeblad: { id: number; revision: number; localRevision: number; rubrik: string }[];
  sentAt: string | null;
}

export const WORKCOPY_KEY = 'arbetskopia';

const markSchema = z.object({
  server: z.string(),
  databaseId: z.string(),
  takenAt: z.string(),
  takenBy: z.string(),
  arendeblad: z.array(z.object({ id: z.number().int(), revision: z.number().int(), localRevision: z.number().int(), rubrik: z.string() })),
  sentAt: z.string().nullable(),
});

/** The working copy's mark, or null for any other file; a mark that cannot be read leaves nothing editable. */
export async function workCopyMark(db: Kysely<KansliTables>): Promise<WorkCopyMark | null> {
  const row = await db.selectFrom('kansli_meta').select('value').where('key', '=', WORKCOPY_KEY).executeTakeFirst();
  if (!row) return null;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(row.value);
  } catch {
    // Read as no mark below.
  }
  const mark = markSchema.safeParse(parsed);
  return mark.success
    ? mark.data
    : { server: '(en server vars märkning inte går att läsa)', databaseId: '', takenAt: new Date(0).toISOString(), takenBy: '', arendeblad: [], sentAt: null };
}

/** Why a write may not be made in a working copy, or null when it may (an ärendeblad chosen for the train). */
export function workCopyRefusal(mark: WorkCopyMark, method: MethodName, input: unknown): KansliError | null {
  const id = typeof input === 'object' && input !== null && 'id' in input ? (input as { id: unknown }).id : null;
  if (method === 'arendeblad.save' && mark.arendeblad.some((a) => a.id === id)) return null;
  const chosen = mark.arendeblad.map((a) => `”${a.rubrik}”`).join(', ');
  return new KansliError(
    'FORBIDDEN',
    `Det här är en arbetskopia av ${mark.server} (tagen ${formatDateTime(new Date(mark.takenAt))}). I den kan du ändra ärendebladen du valde (${chosen || 'inga'}); allt annat ändras på servern. Inget har ändrats.`,
  );
}

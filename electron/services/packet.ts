import path from 'node:path';
import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import { formatDate } from '../../shared/format/sv';
import type { Scope } from './context';
import { documentData, documentFileName } from './arendeblad';
import { boardOn } from './board';
import { readDocumentBytes } from './documents';
import { loadForbund, senderOf } from './forbund';
import { jobStatus, startJob } from './jobs';
import { loadMeeting } from './meetings';
import { refuseWithin } from './refuse';
import type { Kallade, PacketInput, PacketItem } from './pdf/packet-pdf';
import { handlersFor } from './handler';

/**
 * The board packet. Everything it needs is read and checked before the job starts —
 * an ärendeblad that is not ready, a bilaga whose file is missing or changed — so a
 * refused packet says why at once and nothing is half-made; then it is laid out in the
 * background while the screen shows how far it has come.
 */
export async function packetInput(scope: Scope, meetingId: number): Promise<PacketInput> {
  const meeting = await loadMeeting(scope, meetingId);
  const forbund = await loadForbund(scope);
  const board = await boardOn(scope, meeting.heldOn);
  const kallad = (a: (typeof board.ordinarie)[number]): Kallade => ({ name: a.person.name, party: a.person.party, member: a.memberName });
  const ordforande = board.ordinarie.find((a) => a.role === 'ordforande');
  const items: PacketItem[] = [];
  for (const item of meeting.items) {
    if (item.arendebladId === null) {
      items.push({ item, blad: null, bilagor: [] });
      continue;
    }
    let data: Awaited<ReturnType<typeof documentData>>;
    try {
      data = await documentData(scope, item.arendebladId);
    } catch (err) {
      if (err instanceof KansliError) throw refuseWithin(err, `Punkt ${item.number} på dagordningen: `);
      throw err;
    }
    const bilagor = [];
    for (const [i, b] of data.view.content.bilagor.entries()) {
      if (b.documentId === null) continue;
      const { row, bytes } = await readDocumentBytes(scope, b.documentId).catch((err: unknown) => {
        if (err instanceof KansliError) throw new KansliError(err.code, `Punkt ${item.number}, bilaga ${item.number}.${i + 1}: ${err.message}`);
        throw err;
      });
      const isPdf = row.mime_type === 'application/pdf' || path.extname(row.file_name).toLowerCase() === '.pdf';
      if (isPdf) {
        // A damaged or encrypted PDF is said now, not halfway through the layout.
        let readable = false;
        try {
          const { pdfPageCount } = await import('./pdf/inspect');
          readable = (await pdfPageCount(bytes)) > 0;
        } catch {
          readable = false;
        }
        if (!readable) {
          throw new KansliError(
            'RULE',
            `Punkt ${item.number}, bilaga ${item.number}.${i + 1} (”${b.title}”): PDF-filen går inte att läsa (skadad eller lösenordsskyddad). Lägg in en läsbar kopia.`,
          );
        }
      }
      bilagor.push({ number: `${item.number}.${i + 1}`, title: b.title, fileName: row.file_name, pdf: isPdf ? new Uint8Array(bytes) : null });
    }
    items.push({ item, blad: data.doc, bilagor });
  }
  return {
    sender: senderOf(forbund),
    city: forbund.city,
    meeting,
    kallelseDate: formatDate(scope.now),
    ordforande: ordforande?.person.name ?? null,
    ordinarie: board.ordinarie.map(kallad),
    ersattare: board.ersattare.map(kallad),
    items,
  };
}

export async function startPacket(input: ParsedInput<'meetings.packetStart'>, scope: Scope): Promise<MethodResult<'meetings.packetStart'>> {
  const data = await packetInput(scope, input.meetingId);
  const total = data.items.filter((i) => i.blad !== null).length;
  const { ctx, now } = scope;
  return startJob(total, async (progress) => {
    const { renderPacket } = await import('./pdf/packet-pdf');
    const { bytes, pages } = await renderPacket(ctx, data, now, progress);
    return {
      fileName: documentFileName(data.meeting.heldOn, `Kallelse och handlingar ${data.meeting.bodyLabel.toLowerCase()}`, 'pdf'),
      mimeType: 'application/pdf',
      contentBase64: Buffer.from(bytes).toString('base64'),
      pages,
    };
  });
}

export async function packetStatus(input: ParsedInput<'meetings.packetStatus'>): Promise<MethodResult<'meetings.packetStatus'>> {
  return jobStatus(input.jobId);
}

/** The methods this module serves. */
export const packetHandlers = handlersFor({
  'meetings.packetStart': startPacket,
  'meetings.packetStatus': packetStatus,
});

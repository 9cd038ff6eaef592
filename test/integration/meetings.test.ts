import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createFilled } from '../helpers/arendeblad';
import { addToAgenda, agenda, newMeeting, packetFixture, runPacket } from '../helpers/meetings';
import { failure, value } from '../helpers/envelope';
import { pageCount, pdftotext, qpdfCheck } from '../helpers/pdf-tools';
import { ENGINES, engineSession, rows } from '../helpers/engines';

describe.each(ENGINES)('sammanträden and the board packet (%s)', (engine) => {
  it('gives a new meeting the standard points, writes the time the Swedish way, and refuses a second meeting the same day', async () => {
    const s = await engineSession(engine);
    const m = await newMeeting(s);
    expect(m).toMatchObject({ bodyLabel: 'Förbundsstyrelsen', startsAt: '13.00', endsAt: '16.00' });
    expect(m.items.map((i) => i.title)).toEqual([
      'Mötets öppnande',
      'Upprop och fastställande av närvaro',
      'Val av justerare samt tid och plats för justering',
      'Godkännande av dagordningen',
      'Anmälan av jäv',
      'Information från förbundschefen',
      'Anmälan av delegationsbeslut',
      'Övriga frågor',
      'Mötets avslutande',
    ]);
    const again = failure(await s.api.call('meetings.save', { body: 'styrelse', heldOn: '2026-12-10' }));
    expect(again).toMatchObject({ code: 'CONFLICT', paths: ['heldOn'] });
    expect(failure(await s.api.call('meetings.save', { body: 'styrelse', heldOn: '2026-12-11', startsAt: '16.00', endsAt: '13.00' })).paths).toEqual([
      'endsAt',
    ]);
    await s.close();
  });

  it('orders the dagordning, offers only ärendeblad not yet on one, and refuses the same ärende twice', async () => {
    const s = await engineSession(engine);
    const m = await newMeeting(s);
    const a = await createFilled(s, 'tillaggsansokan');
    const b = await createFilled(s, 'arsredovisning');
    let candidates = value(await s.api.call('meetings.candidates', { id: m.id }));
    expect(candidates.map((c) => c.arendeId).sort()).toEqual([a.arendeId, b.arendeId].sort());

    const withA = await addToAgenda(s, m, [a]);
    candidates = value(await s.api.call('meetings.candidates', { id: m.id }));
    expect(candidates.map((c) => c.arendeId)).toEqual([b.arendeId]);
    const item = withA.items.find((i) => i.arendeId === a.arendeId);
    expect(item).toMatchObject({ number: 8, diarienummer: a.diarienummer, ready: true, bilagor: 1 });

    // Drag "Årsredovisning" to the top: the numbers follow the order.
    const moved = agenda(withA);
    const [first] = moved.splice(7, 1);
    moved.unshift(first as (typeof moved)[number]);
    const reordered = value(await s.api.call('meetings.saveAgenda', { meetingId: m.id, items: moved }));
    expect(reordered.items[0]).toMatchObject({ number: 1, arendeId: a.arendeId });

    const twice = failure(
      await s.api.call('meetings.saveAgenda', { meetingId: m.id, items: [...moved, { kind: 'beslut', title: 'Igen', arendeId: a.arendeId }] }),
    );
    expect(twice.message).toContain('samma ärende står redan på dagordningen');
    expect(value(await s.api.call('meetings.get', { id: m.id })).items).toHaveLength(10);
    await s.close();
  });

  it(
    'builds a packet of 30 ärenden with bilagor: bookmarks, a table of contents and "Sida X av Y" on every page, with progress',
    { timeout: 120_000 },
    async () => {
      const s = await engineSession(engine);
      const m = await newMeeting(s);
      const blad = await packetFixture(s, 30);
      const full = await addToAgenda(s, m, blad);
      expect(full.items).toHaveLength(39);

      const { job, steps } = await runPacket(s, m.id);
      expect(job.state).toBe('done');
      expect(steps.some((st) => /^Ärendeblad \d+ av 30/.test(st))).toBe(true);
      const bytes = Buffer.from(job.file?.contentBase64 ?? '', 'base64');
      const pages = pageCount(bytes);
      expect(job.file?.pages).toBe(pages);
      // Kallelse, innehåll, dagordning, 30 ärendeblad, each with its text bilaga's note page and the copied PDF.
      expect(pages).toBeGreaterThan(30 * 3);

      const text = pdftotext(bytes);
      for (let n = 1; n <= pages; n++) expect(text).toContain(`Sida ${n} av ${pages}`);
      expect(text).toContain('Kallelse till sammanträde med förbundsstyrelsen');
      expect(text).toContain('Innehåll');
      for (const b of blad) expect(text).toContain(b.rubrik);
      expect(text).toContain('Johanna Ek');

      const doc = await PDFDocument.load(bytes);
      const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
      expect(outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(3 + 30);
      expect(qpdfCheck(bytes).ok).toBe(true);
      await s.close();
    },
  );

  it("keeps the kallelse's closing paragraph, place and date and the ordförande together, however long the kallelse", { timeout: 120_000 }, async () => {
    const s = await engineSession(engine);
    try {
      const m = await newMeeting(s);
      const sentence = 'Efter sammanträdet hålls en utbildning om samordnad rehabilitering för ledamöter och ersättare. ';
      const split: number[] = [];
      for (let n = 0; n <= 20; n += 2) {
        value(
          await s.api.call('meetings.save', {
            id: m.id,
            body: 'styrelse',
            heldOn: m.heldOn,
            startsAt: '13:00',
            endsAt: '16:00',
            place: 'Kansliet, Uppsala',
            notes: sentence.repeat(n).trim(),
          }),
        );
        const { job } = await runPacket(s, m.id);
        // pdftotext puts a form feed between pages; the kallelse ends on the page with its signature.
        const pages = pdftotext(Buffer.from(job.file?.contentBase64 ?? '', 'base64')).split('\f');
        const closing = pages.findIndex((t) => t.includes('Förhinder anmäls till kansliet'));
        const signature = pages.findIndex((t) => /^\s*Ordförande\s*$/m.test(t));
        expect(signature, `${n} meningar`).toBe(closing);
        if (closing > 0) split.push(n);
      }
      // The texts were long enough to take the kallelse onto a second page.
      expect(split.length).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });

  it('refuses the packet, at once and naming the point, when an ärendeblad is not ready or a bilaga has changed', async () => {
    const s = await engineSession(engine);
    const m = await newMeeting(s);
    const ready = await createFilled(s, 'arsredovisning');
    const draft = value(await s.api.call('arendeblad.create', { template: 'tillaggsansokan', datum: '2026-11-23' }));
    await addToAgenda(s, m, [ready, draft]);
    const notReady = failure(await s.api.call('meetings.packetStart', { meetingId: m.id }));
    expect(notReady.message).toMatch(/^Punkt 9 på dagordningen: Ärendebladet .* är inte klart/);

    const m2 = await newMeeting(s, '2027-01-20');
    const other = await createFilled(s, 'delarsrapport');
    await addToAgenda(s, m2, [other]);
    const bilagaId = other.content.bilagor[0]?.documentId ?? 0;
    await rows(s, sql`UPDATE documents SET content = ${Buffer.from('ändrad utanför Kansli')} WHERE id = ${bilagaId}`);
    const changed = failure(await s.api.call('meetings.packetStart', { meetingId: m2.id }));
    expect(changed.message).toMatch(/^Punkt 8, bilaga 8\.1: .*har ändrats utanför Kansli/);

    const m3 = await newMeeting(s, '2027-02-17');
    const third = await createFilled(s, 'arsredovisning');
    const broken = value(
      await s.api.call('documents.add', {
        arendeId: third.arendeId,
        fileName: 'trasig.pdf',
        contentBase64: Buffer.from('%PDF-1.7 inte en riktig pdf').toString('base64'),
      }),
    );
    value(
      await s.api.call('arendeblad.save', {
        id: third.id,
        revision: third.revision,
        organ: third.organ,
        rubrik: third.rubrik,
        datum: third.datum,
        content: { ...third.content, bilagor: [{ documentId: broken.id, title: 'Trasig bilaga' }] },
      }),
    );
    await addToAgenda(s, m3, [third]);
    expect(failure(await s.api.call('meetings.packetStart', { meetingId: m3.id })).message).toMatch(
      /^Punkt 8, bilaga 8\.1 \(”Trasig bilaga”\): PDF-filen går inte att läsa/,
    );
    await s.close();
  });
});

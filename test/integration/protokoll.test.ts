import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MeetingView } from '../../shared/contract/schemas/meetings';
import { protokollSaveFrom, type ProtokollView } from '../../shared/contract/schemas/protokoll';
import { addDays } from '../../shared/domain/justering';
import { formatDate } from '../../shared/format/sv';
import { createFilled } from '../helpers/arendeblad';
import { makeTestCertificate } from '../helpers/certs';
import { failure, value } from '../helpers/envelope';
import { addToAgenda, ensureBoardOn } from '../helpers/meetings';
import { pdfsig, pdftotext } from '../helpers/pdf-tools';
import { roles, structure } from '../helpers/pdf-structure';
import { tempDir } from '../helpers/temp';
import { ENGINES, engineSession, type AnySession } from '../helpers/engines';

const today = formatDate(new Date());
const HELD_ON = addDays(today, -3);
const PASSWORD = 'justering';

function cert(name: string) {
  const c = makeTestCertificate(tempDir(), { commonName: name, organization: 'Samordningsförbundet Uppsala län', password: PASSWORD, days: 30 });
  return (role: string) => ({ certificateBase64: fs.readFileSync(c.p12Path).toString('base64'), password: PASSWORD, role });
}

function saveInput(p: ProtokollView, changes: Partial<{ sekreterare: string; justerare: string[]; justeringDag: string }> = {}) {
  return { ...protokollSaveFrom(p), ...changes };
}

async function meetingWithArenden(s: AnySession, heldOn = HELD_ON) {
  await ensureBoardOn(s, heldOn);
  const m = value(await s.api.call('meetings.save', { body: 'styrelse', heldOn, startsAt: '13.00', endsAt: '16.00', place: 'Kansliet, Uppsala' }));
  const filled = await createFilled(s, 'tillaggsansokan');
  const grant = value(
    await s.api.call('arendeblad.save', {
      id: filled.id,
      revision: filled.revision,
      organ: filled.organ,
      rubrik: filled.rubrik,
      datum: filled.datum,
      content: { ...filled.content, skickasTill: ['Älvkarleby kommun', 'Ekonomi'] },
    }),
  );
  const report = await createFilled(s, 'arsredovisning');
  await addToAgenda(s, m, [grant, report]);
  return { m, grant, report };
}

describe.each(ENGINES)('protokoll and justering (%s)', (engine) => {
  it('runs the whole cycle: protokoll → locked for justering → sent back → signed in order → justerat, anslag and utdrag', { timeout: 60_000 }, async () => {
    const s = await engineSession(engine);
    const { m, grant } = await meetingWithArenden(s);
    let p = value(await s.api.call('protokoll.start', { meetingId: m.id }));
    expect(p.status).toBe('utkast');
    expect(p.ordforande).toBe('Johanna Ek');
    expect(p.attendance.filter((a) => a.role === 'ledamot').map((a) => a.name)).toContain('Peter Holmgren');
    const first = p.items[0]?.paragraph ?? 0;
    expect(p.items.map((i) => i.paragraph)).toEqual(p.items.map((_, i) => first + i));
    const grantItem = p.items.find((i) => i.diarienummer === grant.diarienummer);
    if (!grantItem) throw new Error('the grant is not on the agenda');
    expect(grantItem.decision).toEqual(grant.content.forslag.punkter.map((t) => t.replace(/^att /, '')));

    // Not yet: no sekreterare, no justerare, no day.
    const early = failure(await s.api.call('protokoll.send', { meetingId: m.id }));
    expect(early.message).toContain('Ange sekreterare.');
    expect(early.message).toContain('Minst en justerare utöver ordföranden ska utses.');
    // A justering more than 14 days after the meeting is refused.
    p = value(
      await s.api.call('protokoll.save', saveInput(p, { sekreterare: 'Kristina Almgren', justerare: ['Peter Holmgren'], justeringDag: addDays(HELD_ON, 15) })),
    );
    expect(p.problems).toEqual([`Justeringen ska ske senast ${addDays(HELD_ON, 14)}, 14 dagar efter sammanträdet.`]);

    // The board decided a lower amount than proposed; a reservation is recorded.
    const decided = grantItem.decision.map((t) => t.replace(/185 000/, '150 000'));
    const input = saveInput(p, { justeringDag: today });
    input.items = input.items.map((i) =>
      i.id === grantItem.id ? { ...i, decision: decided, reservationer: 'Helena Strand reserverar sig mot beslutet.' } : i,
    );
    p = value(await s.api.call('protokoll.save', input));
    expect(p.problems).toEqual([]);
    expect(p.signingOrder.map((o) => `${o.role}: ${o.name}`)).toEqual(['Sekreterare: Kristina Almgren', 'Ordförande: Johanna Ek', 'Justerare: Peter Holmgren']);

    p = value(await s.api.call('protokoll.send', { meetingId: m.id }));
    expect(p.status).toBe('for_justering');
    // The protokoll a förbund puts on its website is tagged: each § a heading, the att-satser a list, the signers text.
    const stored = value(await s.api.call('documents.get', { id: p.documentId ?? 0 }));
    const tree = await structure(new Uint8Array(Buffer.from(stored.contentBase64, 'base64')));
    const tags = tree.flatMap((t) => roles(t));
    expect(tags.filter((r) => r === 'H2').length).toBeGreaterThanOrEqual(p.items.length);
    expect(tags).toEqual(expect.arrayContaining(['L', 'LI', 'LBody', 'P']));
    expect(failure(await s.api.call('protokoll.save', saveInput(p))).message).toContain('låst för justering');
    const items = (await s.api.call('meetings.get', { id: m.id })) as { ok: true; value: MeetingView };
    const agendaItems = items.value.items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, arendeId: i.arendeId }));
    expect(failure(await s.api.call('meetings.saveAgenda', { meetingId: m.id, items: agendaItems.reverse() })).message).toContain(
      'dagordningen kan inte längre ändras',
    );

    // Only the ordförande and the justerare take part in the justering.
    expect(
      failure(await s.api.call('protokoll.step', { meetingId: m.id, kind: 'andringsforslag', person: 'Lena Sjöberg', text: 'Stavfel i § 2' })).message,
    ).toContain('Bara ordföranden och justerarna');
    value(await s.api.call('protokoll.step', { meetingId: m.id, kind: 'andringsforslag', person: 'Peter Holmgren', text: 'Stavfel i närvarolistan.' }));
    p = value(await s.api.call('protokoll.step', { meetingId: m.id, kind: 'avvisat', person: 'Peter Holmgren', text: 'Rätta närvarolistan först.' }));
    expect(p.status).toBe('utkast');
    p = value(await s.api.call('protokoll.send', { meetingId: m.id }));

    // Signing keeps the order: the ordförande cannot sign before the sekreterare.
    const kristina = cert('Kristina Almgren');
    const johanna = cert('Johanna Ek');
    const peter = cert('Peter Holmgren');
    expect(failure(await s.api.call('protokoll.sign', { meetingId: m.id, credentials: johanna('Ordförande') })).message).toContain(
      'Nu är det Kristina Almgren (sekreterare) som ska signera',
    );
    value(await s.api.call('protokoll.sign', { meetingId: m.id, credentials: kristina('Sekreterare') }));
    value(await s.api.call('protokoll.sign', { meetingId: m.id, credentials: johanna('Ordförande') }));
    p = value(await s.api.call('protokoll.sign', { meetingId: m.id, credentials: peter('Justerare') }));
    expect(p).toMatchObject({ status: 'anslaget', justeratOn: today, anslagOn: today });
    expect(p.dates).toMatchObject({ overklagaSenast: addDays(today, 21), anslagTasNed: addDays(today, 22) });
    expect(p.events.map((e) => e.kind)).toEqual(['skickat', 'andringsforslag', 'avvisat', 'skickat', 'signerat', 'signerat', 'signerat', 'anslaget']);
    // The diarium follows the justerat protokoll: what the board decided is beslutat on the meeting day, the protokoll's ärende avslutat.
    expect(value(await s.api.call('arenden.get', { id: grant.arendeId }))).toMatchObject({ status: 'beslutat', decidedOn: HELD_ON });
    expect(value(await s.api.call('arenden.get', { id: p.arendeId ?? 0 })).status).toBe('avslutat');

    const pdf = Buffer.from(value(await s.api.call('documents.get', { id: p.documentId ?? 0 })).contentBase64, 'base64');
    expect(pdfsig(pdf).match(/Signature is Valid/g)).toHaveLength(3);
    const verified = value(await s.api.call('pdf.verify', { documentId: p.documentId ?? 0 }));
    expect(verified.valid).toBe(true);
    expect(verified.signatures.map((x) => x.signerName)).toEqual(['Kristina Almgren', 'Johanna Ek', 'Peter Holmgren']);
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    expect(text).toContain(`§ ${grantItem.paragraph} ${grantItem.title}`);
    expect(text).toContain('Förbundsstyrelsen beslutar');
    expect(text).toContain(`att ${decided[1]}`);
    expect(text).toContain('Reservation: Helena Strand reserverar sig mot beslutet.');
    expect(text).toContain('Utses att justera Peter Holmgren');
    expect(text).toContain('Ordförandes sign');
    expect(text).toContain(`Paragrafer ${p.paragraphs}`);
    expect(text).toContain('Beslutet skickas till: Älvkarleby kommun, Ekonomi');

    const anslag = pdftotext(Buffer.from(value(await s.api.call('documents.get', { id: p.anslagDocumentId ?? 0 })).contentBase64, 'base64'));
    expect(anslag).toContain('Protokollet är justerat. Justeringen har tillkännagivits genom anslag.');
    expect(anslag).toContain(addDays(today, 21));

    // A protokollsutdrag of the grant's §, bestyrkt with a signature.
    const utdrag = value(await s.api.call('protokoll.utdrag', { meetingId: m.id, itemId: grantItem.id }));
    const signedUtdrag = value(await s.api.call('documents.sign', { documentId: utdrag.id, credentials: kristina('Utdragsbestyrkande') }));
    const utdragPdf = Buffer.from(value(await s.api.call('documents.get', { id: signedUtdrag.id })).contentBase64, 'base64');
    expect(pdfsig(utdragPdf)).toContain('Signature is Valid');
    const utdragText = pdftotext(utdragPdf).replace(/\s+/g, ' ');
    expect(utdragText).toContain('Protokollsutdrag');
    expect(utdragText).toContain(`att ${decided[1]}`);
    expect(utdragText).toContain('Rätt utdraget intygar');
    await s.close();
  });

  it('numbers §§ on through the year for each organ', async () => {
    const s = await engineSession(engine);
    const { m } = await meetingWithArenden(s, addDays(HELD_ON, -30));
    const firstProtokoll = value(await s.api.call('protokoll.start', { meetingId: m.id }));
    const last = firstProtokoll.items[firstProtokoll.items.length - 1]?.paragraph ?? 0;
    await ensureBoardOn(s, HELD_ON);
    const next = value(await s.api.call('meetings.save', { body: 'styrelse', heldOn: HELD_ON }));
    const second = value(await s.api.call('protokoll.start', { meetingId: next.id }));
    if (HELD_ON.slice(0, 4) === addDays(HELD_ON, -30).slice(0, 4)) expect(second.items[0]?.paragraph).toBe(last + 1);
    else expect(second.items[0]?.paragraph).toBe(1);
    expect(second.paragraphs).toMatch(/^§§ \d+–\d+$/);
    await s.close();
  });
  it('continues the year from the § the delegation register records, and takes a first § given once when the year began before Kansli', async () => {
    const s = await engineSession(engine);
    const year = new Date().getFullYear() - 1;
    // October, before Kansli: only the delegation register knows the meeting, at § 9.
    const delegation = value(await s.api.call('delegations.list', {}))[0];
    if (!delegation) throw new Error('the demo has a delegationsordning');
    const decision = value(
      await s.api.call('decisions.save', {
        delegationId: delegation.id,
        decidedOn: `${year}-09-20`,
        decidedBy: 'Förbundschefen',
        title: 'Attest av fakturor',
        amountKr: 10_000,
      }),
    );
    value(await s.api.call('decisions.report', { ids: [decision.id], meetingOn: `${year}-10-15`, paragraph: '§ 9' }));

    await ensureBoardOn(s, `${year}-12-10`);
    const december = value(await s.api.call('meetings.save', { body: 'styrelse', heldOn: `${year}-12-10` }));
    const p = value(await s.api.call('protokoll.start', { meetingId: december.id }));
    expect(p.items.map((i) => i.paragraph)).toEqual(p.items.map((_, k) => 10 + k));
    expect(p.paragraphNote).toBe(`Fortsätter efter § 9 (sammanträdet ${year}-10-15).`);

    // Lower than the year has used: refused, nothing renumbered, nothing else saved.
    const low = failure(await s.api.call('protokoll.save', { ...saveInput(p, { sekreterare: 'Ny sekreterare' }), firstParagraph: 5 }));
    expect(low.paths).toEqual(['firstParagraph']);
    expect(low.message).toContain(`§ 9 är redan använd (sammanträdet ${year}-10-15); första § kan inte vara lägre än 10.`);
    const unchanged = value(await s.api.call('protokoll.get', { meetingId: december.id })).protokoll;
    expect(unchanged?.items[0]?.paragraph).toBe(10);
    expect(unchanged?.sekreterare).toBe(p.sekreterare);

    // The förbund says where the year really is: §§ from 14, and the next meeting goes on from there.
    const given = value(await s.api.call('protokoll.save', { ...saveInput(p), firstParagraph: 14 }));
    expect(given.items.map((i) => i.paragraph)).toEqual(p.items.map((_, k) => 14 + k));
    expect(given.paragraphNote).toContain('Första § är angiven för detta sammanträde');
    const again = value(await s.api.call('protokoll.save', saveInput(given)));
    expect(again.firstParagraph).toBe(14);
    const lastOfDecember = 14 + p.items.length - 1;
    const later = value(await s.api.call('meetings.save', { body: 'styrelse', heldOn: `${year}-12-20` }));
    const next = value(await s.api.call('protokoll.start', { meetingId: later.id }));
    expect(next.firstParagraph).toBe(lastOfDecember + 1);
    expect(next.paragraphNote).toBe(`Fortsätter efter § ${lastOfDecember} (sammanträdet ${year}-12-10).`);
    // December cannot now grow into the later meeting's numbers.
    const into = failure(await s.api.call('protokoll.save', { ...saveInput(given), firstParagraph: 16 }));
    expect(into.message).toContain(`Sammanträdet ${year}-12-20 börjar på § ${lastOfDecember + 1}`);
    await s.close();
  });
});

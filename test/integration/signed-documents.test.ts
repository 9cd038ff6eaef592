import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createFilled } from '../helpers/arendeblad';
import { makeTestCertificate } from '../helpers/certs';
import { failure, value } from '../helpers/envelope';
import { pdfsig, pdftotext } from '../helpers/pdf-tools';
import { tempDir } from '../helpers/temp';
import { countRows, type AnySession, ENGINES, engineSession, rows } from '../helpers/engines';

const PASSWORD = 'Lösenord för Åsa';

function credentials(p12Path: string, role: string, password = PASSWORD) {
  return { certificateBase64: fs.readFileSync(p12Path).toString('base64'), password, role };
}

async function documentBytes(s: AnySession, id: number): Promise<Buffer> {
  return Buffer.from(value(await s.api.call('documents.get', { id })).contentBase64, 'base64');
}

describe.each(ENGINES)('signed decision documents (%s)', (engine) => {
  it('signs an ärendeblad (PAdES B-B), stores it in the diarium with its SHA-256, and keeps it from change', async () => {
    const s = await engineSession(engine);
    const blad = await createFilled(s, 'tillaggsansokan');
    const asa = makeTestCertificate(tempDir(), {
      commonName: 'Åsa Öberg',
      organization: 'Samordningsförbundet Västra Älvdalen',
      password: PASSWORD,
      days: 365,
    });

    const documentsBefore = await countRows(s, 'documents');
    const wrong = failure(await s.api.call('arendeblad.sign', { id: blad.id, credentials: credentials(asa.p12Path, 'Förbundschef', 'fel') }));
    expect(wrong.message).toContain('Fel lösenord');
    expect(await countRows(s, 'documents')).toBe(documentsBefore);

    const signed = value(await s.api.call('arendeblad.sign', { id: blad.id, credentials: credentials(asa.p12Path, 'Förbundschef') }));
    expect(signed.signed).toHaveLength(1);
    const version = signed.signed[0];
    if (!version) throw new Error('no signed version');
    const pdf = await documentBytes(s, version.documentId);
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);

    const sig = pdfsig(pdf);
    expect(sig).toContain('Signature is Valid');
    expect(sig).toContain('ETSI.CAdES.detached');
    expect(sig).toContain('Åsa Öberg');
    const text = pdftotext(pdf);
    expect(text).toContain('Signerat digitalt');
    expect(text).toContain(blad.rubrik);

    const report = value(await s.api.call('pdf.verify', { documentId: version.documentId }));
    expect(report).toMatchObject({ signed: true, valid: true });
    expect(report.signatures[0]).toMatchObject({ signerName: 'Åsa Öberg', intact: true, padesB: true, coversWholeDocument: true, changedAfterSigning: false });

    // Evidence: not removed, not changed, even past the service.
    expect(failure(await s.api.call('documents.remove', { id: version.documentId })).message).toContain('signerat dokument');
    await expect(rows(s, sql`UPDATE documents SET title = 'Annat' WHERE id = ${version.documentId}`)).rejects.toThrow(/signed document/);
    await expect(rows(s, sql`DELETE FROM documents WHERE id = ${version.documentId}`)).rejects.toThrow(/signed document/);

    // Signed means frozen: no edit, no second signature of the same version (issue 13).
    expect(signed).toMatchObject({ version: 1, frozen: true });
    const edit = failure(
      await s.api.call('arendeblad.save', {
        id: blad.id,
        revision: signed.revision,
        organ: signed.organ,
        rubrik: `${signed.rubrik} ändrad`,
        datum: signed.datum,
        content: signed.content,
      }),
    );
    expect(edit.message).toMatch(/signerat \(version 1\) och kan inte ändras\. Välj Ny version/);
    expect(failure(await s.api.call('arendeblad.sign', { id: blad.id, credentials: credentials(asa.p12Path, 'Förbundschef') })).message).toMatch(
      /redan signerad/,
    );
    await expect(rows(s, sql`UPDATE arendeblad SET rubrik = 'Annat' WHERE id = ${blad.id}`)).rejects.toThrow(/frozen/);

    // Ny version, an edit, and a new signature that supersedes the first; the first keeps its bytes.
    const v2 = value(await s.api.call('arendeblad.newVersion', { id: blad.id, revision: signed.revision }));
    expect(v2).toMatchObject({ version: 2, frozen: false });
    const edited = value(
      await s.api.call('arendeblad.save', {
        id: blad.id,
        revision: v2.revision,
        organ: v2.organ,
        rubrik: `${v2.rubrik} (rev)`,
        datum: v2.datum,
        content: v2.content,
      }),
    );
    const again = value(await s.api.call('arendeblad.sign', { id: blad.id, revision: edited.revision, credentials: credentials(asa.p12Path, 'Förbundschef') }));
    expect(again.signed).toHaveLength(2);
    expect(again.signed.map((v) => v.version)).toEqual([2, 1]);
    expect(again.signed[1]?.supersededBy).toBe(again.signed[0]?.documentId);
    expect(await documentBytes(s, version.documentId)).toEqual(pdf);
    await s.close();
  });

  it('adds a second signer in turn; both signatures stay valid, and a changed byte is caught', async () => {
    const s = await engineSession(engine);
    const blad = await createFilled(s, 'beviljande_av_ansokan');
    const asa = makeTestCertificate(tempDir(), {
      commonName: 'Åsa Öberg',
      organization: 'Samordningsförbundet Västra Älvdalen',
      password: PASSWORD,
      days: 365,
    });
    const orjan = makeTestCertificate(tempDir(), {
      commonName: 'Örjan Ärlig',
      organization: 'Region Västra Älvdalen',
      password: PASSWORD,
      days: 365,
      legacy: true,
    });
    const first = value(await s.api.call('arendeblad.sign', { id: blad.id, credentials: credentials(asa.p12Path, 'Förbundschef') })).signed[0];
    if (!first) throw new Error('no signed version');
    const second = value(await s.api.call('documents.sign', { documentId: first.documentId, credentials: credentials(orjan.p12Path, 'Ordförande') }));
    expect(second.signed).toBe(true);

    const firstBytes = await documentBytes(s, first.documentId);
    const secondBytes = await documentBytes(s, second.id);
    expect(secondBytes.subarray(0, firstBytes.length).equals(firstBytes)).toBe(true);
    const sig = pdfsig(secondBytes);
    expect(sig.match(/Signature is Valid/g)).toHaveLength(2);
    expect(sig).toContain('Örjan Ärlig');

    const report = value(await s.api.call('pdf.verify', { documentId: second.id }));
    expect(report.valid).toBe(true);
    expect(report.signatures.map((x) => x.signerName)).toEqual(['Åsa Öberg', 'Örjan Ärlig']);
    expect(report.signatures[0]).toMatchObject({ coversWholeDocument: false, changedAfterSigning: false });

    // The first version is superseded and cannot be signed again.
    expect(
      failure(await s.api.call('documents.sign', { documentId: first.documentId, credentials: credentials(orjan.p12Path, 'Ordförande') })).message,
    ).toContain('nyare version');

    const tampered = Buffer.from(secondBytes);
    const at = tampered.indexOf('Förslag') > 0 ? tampered.indexOf('/Producer') : 2000;
    tampered[at + 3] = (tampered[at + 3] ?? 0) ^ 0x01;
    const broken = value(await s.api.call('pdf.verify', { fileName: 'ändrad.pdf', contentBase64: tampered.toString('base64') }));
    expect(broken.valid).toBe(false);
    expect(broken.signatures.every((x) => !x.intact)).toBe(true);
    expect(pdfsig(tampered)).toContain('Digest Mismatch');
    await s.close();
  });

  it('tells an unsigned PDF and a file that is not a PDF apart', async () => {
    const s = await engineSession(engine);
    const blad = await createFilled(s, 'delarsrapport');
    const plain = value(await s.api.call('arendeblad.pdf', { id: blad.id }));
    const unsigned = value(await s.api.call('pdf.verify', { fileName: 'a.pdf', contentBase64: plain.contentBase64 }));
    expect(unsigned).toMatchObject({ signed: false, valid: false, summary: 'Dokumentet är inte signerat.' });
    expect(failure(await s.api.call('pdf.verify', { fileName: 'a.pdf', contentBase64: Buffer.from('inte en pdf').toString('base64') })).message).toBe(
      'Filen är inte en PDF.',
    );
    await s.close();
  });

  it('refuses an expired certificate and writes nothing', async () => {
    const later = new Date(Date.now() + 40 * 24 * 3600 * 1000);
    const s = await engineSession(engine, { now: () => later });
    const blad = await createFilled(s, 'arsredovisning');
    const short = makeTestCertificate(tempDir(), { commonName: 'Åsa Öberg', organization: 'Samordningsförbundet', password: PASSWORD, days: 30 });
    const before = await countRows(s, 'documents');
    const refused = failure(await s.api.call('arendeblad.sign', { id: blad.id, credentials: credentials(short.p12Path, 'Förbundschef') }));
    expect(refused.message).toMatch(/gick ut \d{4}-\d{2}-\d{2}/);
    expect(await countRows(s, 'documents')).toBe(before);
    await s.close();
  });

  it('exports signed documents to a folder, named by diarienummer and title', async () => {
    const s = await engineSession(engine);
    const blad = await createFilled(s, 'medlemsavgifter');
    const asa = makeTestCertificate(tempDir(), { commonName: 'Åsa Öberg', organization: 'Samordningsförbundet', password: PASSWORD, days: 365 });
    const version = value(await s.api.call('arendeblad.sign', { id: blad.id, credentials: credentials(asa.p12Path, 'Förbundschef') })).signed[0];
    if (!version) throw new Error('no signed version');
    const folder = tempDir();
    const result = value(await s.api.call('documents.exportSigned', { documentIds: [version.documentId], folder }));
    const expected = `${blad.diarienummer.replace('/', '-')} Ärendeblad ${blad.rubrik} (signerad).pdf`;
    expect(result.files).toEqual([expected]);
    expect(fs.readFileSync(path.join(folder, expected)).equals(await documentBytes(s, version.documentId))).toBe(true);
    // Again: the same bytes are not written twice.
    expect(value(await s.api.call('documents.exportSigned', { documentIds: [version.documentId], folder })).files).toEqual([expected]);
    expect(fs.readdirSync(folder)).toEqual([expected]);
    expect(failure(await s.api.call('documents.exportSigned', { documentIds: [version.documentId], folder: path.join(folder, 'saknas') })).message).toContain(
      'finns inte',
    );
    await s.close();
  });
});

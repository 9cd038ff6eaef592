import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { IncrementalUpdate } from '../../electron/services/signing/incremental';
import { localDate, openP12, type SigningIdentity } from '../../electron/services/signing/p12';
import { signPdf, type SignOptions } from '../../electron/services/signing/pades';
import { verifyPdf } from '../../electron/services/signing/verify';
import { makeTestCertificate, type TestCertificate } from '../helpers/certs';
import { tempDir } from '../helpers/temp';

const FONT = fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/fonts/Carlito-Regular.ttf'));
const PASSWORD = 'hemligt lösen';
const ORG = 'Samordningsförbundet Västra Älvdalen';
const PREMADE_FIELD = 'Ordförandens signatur';

/** Certificates are made once per name; the files are copied into memory since tempDir() is cleaned after each test. */
const certCache = new Map<string, { p12: Buffer; certPem: Buffer; keyPem: Buffer }>();
function certificate(commonName: string, legacy = false) {
  const key = `${commonName}|${legacy}`;
  let cached = certCache.get(key);
  if (!cached) {
    const made: TestCertificate = makeTestCertificate(tempDir(), { commonName, organization: ORG, password: PASSWORD, days: 30, legacy });
    cached = { p12: fs.readFileSync(made.p12Path), certPem: fs.readFileSync(made.certPath), keyPem: fs.readFileSync(made.keyPath) };
    certCache.set(key, cached);
  }
  return cached;
}

function identity(commonName: string): SigningIdentity {
  return openP12(certificate(commonName).p12, PASSWORD, new Date());
}

/** A one-page PDF with Swedish text, optionally with an unsigned signature field. */
async function makePdf(opts: { premadeField?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle('Protokoll');
  const font = await doc.embedFont(FONT, { subset: true });
  const page = doc.addPage([595, 842]);
  page.drawText('Protokoll fört vid styrelsemöte i Västra Älvdalen', { x: 50, y: 780, size: 16, font });
  page.drawText('§ 1. Öppnande – ordföranden hälsade alla välkomna.', { x: 50, y: 750, size: 11, font });
  if (opts.premadeField) {
    const ctx = doc.context;
    // A signature field merged with its widget, with an empty appearance stream.
    const ap = ctx.register(ctx.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 220, 60] }));
    const field = ctx.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', Rect: [50, 200, 270, 260], F: 4, P: page.ref, AP: { N: ap } });
    field.set(PDFName.of('T'), PDFHexString.fromText(PREMADE_FIELD));
    const fieldRef = ctx.register(field);
    page.node.set(PDFName.of('Annots'), ctx.obj([fieldRef]));
    doc.catalog.set(PDFName.of('AcroForm'), ctx.register(ctx.obj({ Fields: [fieldRef] })));
  }
  return doc.save({ useObjectStreams: false });
}

function options(signerName: string, role: string, placement: SignOptions['placement']): SignOptions {
  return { signingTime: new Date(), signerName, role, reason: 'Justering av protokoll', location: 'Älvdalen', placement, fontBytes: FONT };
}

function pdfsig(file: string): string {
  return execFileSync('pdfsig', [file], { encoding: 'utf8' });
}

/** The CMS DER in the n-th signature's /Contents, without the zero padding. */
function contentsOf(pdf: Uint8Array, n = 0): Buffer {
  const text = Buffer.from(pdf).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = ranges[n];
  if (!m) throw new Error('no ByteRange');
  const der = Buffer.from(text.slice(Number(m[2]) + 1, Number(m[3]) - 1), 'hex');
  // DER length of the outer SEQUENCE: short form or 0x8N followed by N bytes.
  const first = der[1]!;
  const lengthBytes = first & 0x80 ? first & 0x7f : 0;
  const length = lengthBytes ? der.subarray(2, 2 + lengthBytes).reduce((acc, b) => acc * 256 + b, 0) : first;
  return der.subarray(0, 2 + lengthBytes + length);
}

function write(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('PAdES signing', () => {
  it('signs once: pdfsig, openssl and qpdf accept it, and verifyPdf agrees', async () => {
    const dir = tempDir();
    const signed = await signPdf(await makePdf(), identity('Åsa Öberg'), options('Åsa Öberg', 'Ordförande', { pageIndex: 0, rect: [50, 50, 270, 110] }));
    const file = write(dir, 'signerad.pdf', signed);

    const out = pdfsig(file);
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('ETSI.CAdES.detached');
    expect(out).toContain('Signer Certificate Common Name: Åsa Öberg');
    expect(out).toContain('Total document signed');

    const cmsFile = write(dir, 'contents.der', contentsOf(signed));
    const cms = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsFile], { encoding: 'utf8' });
    expect(cms).toMatch(/signingCertificateV2/i);
    expect(cms).not.toMatch(/signingTime/i);

    const qpdf = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(qpdf.status).toBe(0);
    expect(qpdf.stdout).toContain('No syntax or stream encoding errors');

    const result = await verifyPdf(signed);
    expect(result).toMatchObject({ signed: true, valid: true, summary: 'En giltig signatur; dokumentet är oförändrat sedan signeringen.' });
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0]).toMatchObject({
      fieldName: 'Signatur',
      signerName: 'Åsa Öberg',
      issuerName: 'Åsa Öberg',
      reason: 'Justering av protokoll',
      location: 'Älvdalen',
      subFilter: 'ETSI.CAdES.detached',
      intact: true,
      padesB: true,
      coversWholeDocument: true,
      changedAfterSigning: false,
      certificateValidAtSigning: true,
      problems: [],
    });
    expect(Math.abs(Date.parse(result.signatures[0]!.signingTime ?? '') - Date.now())).toBeLessThan(60_000);
  });

  it('adds a second signer as an incremental update; both stay valid', async () => {
    const dir = tempDir();
    const first = await signPdf(await makePdf(), identity('Åsa Öberg'), options('Åsa Öberg', 'Ordförande', { pageIndex: 0, rect: [50, 50, 270, 110] }));
    const second = await signPdf(first, identity('Örjan Ärlig'), options('Örjan Ärlig', 'Justerare', { pageIndex: 0, rect: [300, 50, 520, 110] }));
    expect(Buffer.compare(Buffer.from(second.subarray(0, first.length)), Buffer.from(first))).toBe(0);

    const file = write(dir, 'tva.pdf', second);
    expect(spawnSync('qpdf', ['--check', file], { encoding: 'utf8' }).status).toBe(0);
    const out = pdfsig(file);
    expect(out.match(/Signature is Valid/g)).toHaveLength(2);
    expect(out).toContain('Signer Certificate Common Name: Örjan Ärlig');
    expect(out).toContain('Signature Field Name: Signatur 2');

    const result = await verifyPdf(second);
    expect(result.valid).toBe(true);
    expect(result.summary).toBe('Två giltiga signaturer; dokumentet är oförändrat sedan den senaste.');
    expect(result.signatures.map((s) => [s.signerName, s.fieldName, s.intact, s.padesB])).toEqual([
      ['Åsa Öberg', 'Signatur', true, true],
      ['Örjan Ärlig', 'Signatur 2', true, true],
    ]);
    expect(result.signatures[0]).toMatchObject({ coversWholeDocument: false, changedAfterSigning: false });
    expect(result.signatures[1]).toMatchObject({ coversWholeDocument: true, changedAfterSigning: false });
  });

  it('detects a changed byte inside the signed range', async () => {
    const dir = tempDir();
    const signed = await signPdf(await makePdf(), identity('Åsa Öberg'), options('Åsa Öberg', 'Ordförande', { pageIndex: 0, rect: [50, 50, 270, 110] }));
    const tampered = Uint8Array.from(signed);
    const at = Buffer.from(tampered).indexOf('595 842', 0, 'latin1'); // the page's /MediaBox
    expect(at).toBeGreaterThan(0);
    tampered[at] = '4'.charCodeAt(0);

    expect(pdfsig(write(dir, 'andrad.pdf', tampered))).toContain('Digest Mismatch');
    const result = await verifyPdf(tampered);
    expect(result.valid).toBe(false);
    expect(result.summary).toBe('Signaturen är ogiltig.');
    expect(result.signatures[0]?.intact).toBe(false);
    expect(result.signatures[0]?.problems).toContain('Innehållet stämmer inte med signaturen (dokumentet har ändrats).');
  });

  it('notices a non-signature update after signing', async () => {
    const signed = await signPdf(await makePdf(), identity('Åsa Öberg'), options('Åsa Öberg', 'Ordförande', { pageIndex: 0, rect: [50, 50, 270, 110] }));
    const update = await IncrementalUpdate.load(signed);
    update.doc.setTitle('Ändrad titel');
    const info = update.context.trailerInfo.Info;
    if (!(info instanceof PDFRef)) throw new Error('no Info');
    update.markModified(info);
    const changed = update.serialize();
    expect(Buffer.compare(Buffer.from(changed.subarray(0, signed.length)), Buffer.from(signed))).toBe(0);
    expect((await PDFDocument.load(changed)).getTitle()).toBe('Ändrad titel');

    const result = await verifyPdf(changed);
    expect(result.signatures[0]).toMatchObject({ intact: true, coversWholeDocument: false, changedAfterSigning: true });
    expect(result.valid).toBe(false);
    expect(result.summary).toBe('Dokumentet har ändrats efter att det signerades.');
  });

  it('fills a pre-made signature field by name, then adds a new one', async () => {
    const dir = tempDir();
    const pdf = await makePdf({ premadeField: true });
    const signed = await signPdf(pdf, identity('Åsa Öberg'), options('Åsa Öberg', 'Ordförande', { fieldName: PREMADE_FIELD }));
    const second = await signPdf(signed, identity('Örjan Ärlig'), options('Örjan Ärlig', 'Justerare', { pageIndex: 0, rect: [300, 200, 520, 260] }));

    const out = pdfsig(write(dir, 'falt.pdf', second));
    expect(out.match(/Signature is Valid/g)).toHaveLength(2);
    const result = await verifyPdf(second);
    expect(result.valid).toBe(true);
    expect(result.signatures.map((s) => s.fieldName)).toEqual([PREMADE_FIELD, 'Signatur']);

    // The filled field got a real appearance (a form XObject with text).
    const doc = await PDFDocument.load(signed);
    const widget = doc.getPages()[0]!.node.lookup(PDFName.of('Annots'), PDFArray).lookup(0, PDFDict);
    expect(widget.get(PDFName.of('V'))).toBeInstanceOf(PDFRef);
    const appearance = widget.lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N'), PDFStream);
    expect(appearance.dict.lookup(PDFName.of('Resources'), PDFDict).has(PDFName.of('Font'))).toBe(true);

    await expect(signPdf(signed, identity('Örjan Ärlig'), options('Örjan Ärlig', 'Justerare', { fieldName: PREMADE_FIELD }))).rejects.toThrow(
      `Signaturfältet ”${PREMADE_FIELD}” är redan signerat.`,
    );
    await expect(signPdf(pdf, identity('Örjan Ärlig'), options('Örjan Ärlig', 'Justerare', { fieldName: 'Finns inte' }))).rejects.toThrow(
      'Signaturfältet ”Finns inte” finns inte i dokumentet.',
    );
  });

  it('verifies an adbe.pkcs7.detached signature made by openssl (with a signingTime attribute)', async () => {
    const dir = tempDir();
    const cert = certificate('Åsa Öberg');
    const ours = await signPdf(await makePdf(), identity('Åsa Öberg'), options('Åsa Öberg', 'Ordförande', { pageIndex: 0, rect: [50, 50, 270, 110] }));
    // Same length, so the ByteRange stays right; then replace the CMS with one from openssl.
    const foreign = Buffer.from(Buffer.from(ours).toString('latin1').replace('/SubFilter /ETSI.CAdES.detached', '/SubFilter /adbe.pkcs7.detached'), 'latin1');
    const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(foreign.toString('latin1'));
    if (!m) throw new Error('no ByteRange');
    const [b, c, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
    const data = write(dir, 'ranges.bin', Buffer.concat([foreign.subarray(0, b), foreign.subarray(c, c + d)]));
    const certFile = write(dir, 'cert.pem', cert.certPem);
    const keyFile = write(dir, 'key.pem', cert.keyPem);
    const cms = execFileSync('openssl', [
      'cms',
      '-sign',
      '-binary',
      '-md',
      'sha256',
      '-nosmimecap',
      '-signer',
      certFile,
      '-inkey',
      keyFile,
      '-in',
      data,
      '-outform',
      'DER',
    ]);
    foreign.write(cms.toString('hex'), b + 1, 'latin1');

    expect(pdfsig(write(dir, 'pkcs7.pdf', foreign))).toContain('Signature is Valid');
    const result = await verifyPdf(foreign);
    expect(result.valid).toBe(true);
    expect(result.signatures[0]).toMatchObject({ subFilter: 'adbe.pkcs7.detached', intact: true, padesB: false, signerName: 'Åsa Öberg' });
  });

  it('opens p12 files and refuses wrong passwords, other files and expired certificates', () => {
    const cert = certificate('Åsa Öberg');
    const id = openP12(cert.p12, PASSWORD, new Date());
    expect(id).toMatchObject({ subjectName: 'Åsa Öberg', issuerName: 'Åsa Öberg', chainDer: [] });
    // The certificate's bytes are exactly the ones openssl wrote (no re-encoding of å/ö).
    expect(Buffer.from(id.certificateDer).equals(new X509Certificate(cert.certPem).raw)).toBe(true);
    expect(id.serialHex).toBe(new X509Certificate(cert.certPem).serialNumber.toUpperCase());

    expect(() => openP12(cert.p12, 'fel', new Date())).toThrow('Fel lösenord för certifikatfilen. Inget har signerats.');
    expect(() => openP12(createHash('sha256').update('x').digest(), PASSWORD, new Date())).toThrow('Filen är inte en certifikatfil (PKCS#12, .p12/.pfx).');

    const legacy = openP12(certificate('Åsa Öberg', true).p12, PASSWORD, new Date());
    expect(legacy.subjectName).toBe('Åsa Öberg');

    const later = new Date(id.notAfter.getTime() + 24 * 3600 * 1000);
    expect(() => openP12(cert.p12, PASSWORD, later)).toThrow(
      `Certifikatet för Åsa Öberg gick ut ${localDate(id.notAfter)} och kan inte användas för att signera.`,
    );
    const earlier = new Date(id.notBefore.getTime() - 24 * 3600 * 1000);
    expect(() => openP12(cert.p12, PASSWORD, earlier)).toThrow(/Certifikatet för Åsa Öberg börjar gälla/);
  });

  it('reports unsigned PDFs and refuses non-PDFs', async () => {
    expect(await verifyPdf(await makePdf())).toEqual({ signed: false, valid: false, signatures: [], summary: 'Dokumentet är inte signerat.' });
    await expect(verifyPdf(createHash('sha512').update('slump').digest())).rejects.toThrow('Filen är inte en PDF.');
  });
});

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Arende } from '../../shared/contract/schemas/diarium';
import { failure, value } from '../helpers/envelope';
import { countRows, ENGINES, engineSession, first, rows, type AnySession } from '../helpers/engines';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const b64 = (bytes: Buffer | string) => (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64');
const MiB = 1024 * 1024;

/** Pseudo-random bytes, the same every run, so sizes and hashes are stable. */
function bytesOf(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i += 4) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    out.writeUInt32LE(x, Math.min(i, size - 4));
  }
  return out;
}

async function newArende(s: AnySession, title = 'Lokussamordnare Älvkarleby – tilläggsansökan'): Promise<Arende> {
  return value(await s.api.call('arenden.save', { title, kind: 'inkommande', year: 2018 }));
}

function counts(s: AnySession): Promise<number[]> {
  return Promise.all(['documents', 'audit_log'].map((t) => countRows(s, t)));
}

/** A minimal .docx: just what Word needs to open it and what Kansli reads. */
async function tinyDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A minimal one-page PDF with a text layer (Helvetica, WinAnsi, so å ä ö are single bytes). */
function tinyPdf(lines: string[]): Buffer {
  const esc = (t: string) =>
    Buffer.from(
      t.replace(/[\\()]/g, (c) => `\\${c}`),
      'latin1',
    ).toString('latin1');
  const stream = `BT /F1 12 Tf 72 720 Td 16 TL ${lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const textOf = async (s: AnySession, id: number) => ((await first(s, sql`SELECT text FROM documents WHERE id = ${id}`)) as { text: string | null }).text;

describe.each(ENGINES)('documents in an ärende (%s)', (engine) => {
  it('keeps a small file in the database with its SHA-256, and gives the same bytes back', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const arende = await newArende(s);
    const content = Buffer.from('Förslag till beslut\natt bevilja 270 000 kr till Lokussamordnare Älvkarleby\n', 'utf8');
    const meta = value(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'Ärendeblad tilläggsansökan.txt', contentBase64: b64(content) }));
    expect(meta).toMatchObject({
      arendeId: arende.id,
      title: 'Ärendeblad tilläggsansökan',
      fileName: 'Ärendeblad tilläggsansökan.txt',
      mimeType: 'text/plain',
      size: content.length,
      sha256: sha256(content),
      storage: 'db',
      addedBy: 'testare',
    });
    const row = (await first(s, sql`SELECT content, stored_path, text FROM documents WHERE id = ${meta.id}`)) as {
      content: Buffer;
      stored_path: null;
      text: string;
    };
    expect(Buffer.compare(row.content, content)).toBe(0);
    expect(row.stored_path).toBeNull();
    expect(row.text).toBe(content.toString('utf8'));
    expect(fs.existsSync(`${s.file}.dokument`)).toBe(false);

    const got = value(await s.api.call('documents.get', { id: meta.id }));
    expect(got.meta).toEqual(meta);
    expect(Buffer.from(got.contentBase64, 'base64').equals(content)).toBe(true);
    expect(value(await s.api.call('arenden.get', { id: arende.id })).documents).toEqual([meta]);

    // Audited as metadata: the bytes never go into the audit log.
    const audit = (await rows(s, sql`SELECT action, method, after_json FROM audit_log WHERE entity = 'document'`)) as {
      action: string;
      method: string;
      after_json: string;
    }[];
    expect(audit.map((a) => [a.action, a.method])).toEqual([['create', 'documents.add']]);
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toEqual(meta);
    expect(audit[0]?.after_json).not.toContain(b64(content));
    await s.close();
  });

  it('notices bytes changed in the database outside Kansli', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const arende = await newArende(s);
    const meta = value(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'beslut.txt', contentBase64: b64('Beviljas 270 000 kr.') }));
    await rows(s, sql`UPDATE documents SET content = ${Buffer.from('Beviljas 970 000 kr.', 'utf8')} WHERE id = ${meta.id}`);
    const refused = failure(await s.api.call('documents.get', { id: meta.id }));
    expect(refused.code).toBe('RULE');
    expect(refused.message).toMatch(/”beslut” \(beslut\.txt\) har ändrats utanför Kansli: kontrollsumman \(SHA-256\) stämmer inte/);
    await s.close();
  });

  it('reads the text layer of a PDF, so a word in a PDF finds it', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const arende = await newArende(s);
    const pdf = value(
      await s.api.call('documents.add', {
        arendeId: arende.id,
        fileName: 'Protokoll styrelsen.pdf',
        contentBase64: b64(tinyPdf(['Protokoll fört vid styrelsemöte', 'Beslut om Arbetsträning i Östhammar'])),
      }),
    );
    expect(pdf.mimeType).toBe('application/pdf');
    expect(await textOf(s, pdf.id)).toMatch(/Protokoll fört vid styrelsemöte\s+Beslut om Arbetsträning i Östhammar/);
    const found = value(await s.api.call('search.query', { query: 'styrelsemö arbetsträn', kinds: ['document'] }));
    expect(found.hits.map((h) => h.id)).toEqual([pdf.id]);
    await s.close();
  });

  it('extracts text for the search from txt, csv, md, html and docx; a broken PDF gives none but is kept', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const arende = await newArende(s);
    const add = async (fileName: string, content: Buffer | string) =>
      value(await s.api.call('documents.add', { arendeId: arende.id, fileName, contentBase64: b64(content) }));

    const docx = await add(
      'Tjänsteskrivelse.docx',
      await tinyDocx(['Förslag till beslut', 'att bevilja medel till Arbetsträning Östhammar', 'Ärendet: samverkan & uppföljning']),
    );
    expect(docx.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await textOf(s, docx.id)).toBe('Förslag till beslut\natt bevilja medel till Arbetsträning Östhammar\nÄrendet: samverkan & uppföljning');

    const html = await add(
      'sida.html',
      '<html><head><style>p{}</style><script>var x=1</script></head><body><h1>Delårsrapport</h1><p>Utfall &amp; prognos&nbsp;2018</p></body></html>',
    );
    expect(html.mimeType).toBe('text/html');
    expect(await textOf(s, html.id)).toMatch(/^Delårsrapport\n+Utfall & prognos 2018$/);

    // A CSV from an older Excel, in Windows-1252.
    const csv = await add('budget.csv', Buffer.from([...Buffer.from('Insats;Belopp\nL', 'latin1'), 0xf6, ...Buffer.from('nebidrag;100', 'latin1')]));
    expect(csv.mimeType).toBe('text/csv');
    expect(await textOf(s, csv.id)).toBe('Insats;Belopp\nLönebidrag;100');
    const md = await add('anteckning.md', '\uFEFF# Beredningsgrupp\nMöte om lokusgrupper');
    expect(md.mimeType).toBe('text/markdown');
    expect(await textOf(s, md.id)).toBe('# Beredningsgrupp\nMöte om lokusgrupper');

    const pdf = await add('protokoll.pdf', '%PDF-1.4 Arbetsträning Östhammar');
    expect(await textOf(s, pdf.id)).toBeNull();
    const unknown = await add('bild.heic', bytesOf(100));
    expect(unknown.mimeType).toBe('application/octet-stream');

    const found = value(await s.api.call('search.query', { query: 'arbetsträn östhammar', kinds: ['document'] }));
    expect(found.hits.map((h) => h.id)).toEqual([docx.id]);
    expect(found.hits[0]).toMatchObject({ kind: 'document', arendeId: arende.id, subtitle: `Tjänsteskrivelse.docx · ${arende.diarienummer}` });
    expect(found.hits[0]?.snippet).toMatch(/«Arbetsträning» «Östhammar»/);
    await s.close();
  });

  it('refuses empty and too large files, unknown ärenden and bad input, writing nothing', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const arende = await newArende(s);
    const before = await counts(s);
    const cases: [Record<string, unknown>, string, string, RegExp][] = [
      [{ arendeId: arende.id, fileName: 'tom.txt', contentBase64: '' }, 'VALIDATION', 'contentBase64', /”tom.txt” är tom/],
      [{ arendeId: arende.id, fileName: 'stor.pdf', contentBase64: b64(Buffer.alloc(50 * MiB + 1)) }, 'VALIDATION', 'contentBase64', /för stor.*högst 50 MB/],
      [{ arendeId: arende.id, fileName: 'x.txt', contentBase64: 'inte base64!' }, 'VALIDATION', 'contentBase64', /inte giltig base64/],
      [{ arendeId: arende.id, fileName: '../x.txt', contentBase64: b64('a') }, 'VALIDATION', 'fileName', /får inte innehålla/],
      [{ arendeId: arende.id, fileName: '  ', contentBase64: b64('a') }, 'VALIDATION', 'fileName', /Ange filnamn/],
      [{ arendeId: 9999, fileName: 'x.txt', contentBase64: b64('a') }, 'NOT_FOUND', 'arendeId', /Ärendet finns inte/],
    ];
    for (const [input, code, pathName, message] of cases) {
      const refused = failure(await s.api.dispatch('documents.add', input));
      expect(refused.code, String(input.fileName)).toBe(code);
      expect(refused.paths, String(input.fileName)).toContain(pathName);
      expect(refused.message, String(input.fileName)).toMatch(message);
    }
    expect(failure(await s.api.call('documents.get', { id: 9999 })).code).toBe('NOT_FOUND');
    expect(failure(await s.api.call('documents.remove', { id: 9999 })).code).toBe('NOT_FOUND');
    expect(await counts(s)).toEqual(before);
    expect(fs.existsSync(`${s.file}.dokument`)).toBe(false);
    await s.close();
  });

  it("refuses a personnummer in the title unless confirmed; the file's own bytes are not scanned", async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const arende = await newArende(s);
    const refused = failure(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'a.txt', title: 'Intyg 811218-9876', contentBase64: b64('x') }));
    expect(refused.code).toBe('PERSONAL_DATA');
    expect(await countRows(s, 'documents')).toBe(0);
    value(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'a.txt', contentBase64: b64('Bilaga utan personnummer') }));
    expect(await countRows(s, 'documents')).toBe(1);
    await s.close();
  });

  it('keeps the documents of a makulerat ärende', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const arende = await newArende(s);
    const meta = value(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'a.txt', contentBase64: b64('x') }));
    value(await s.api.call('arenden.void', { id: arende.id, reason: 'Fel ärende.' }));
    const refused = failure(await s.api.call('documents.remove', { id: meta.id }));
    expect(refused).toMatchObject({ code: 'RULE' });
    expect(refused.message).toMatch(/makulerat/);
    expect(await countRows(s, 'documents')).toBe(1);
    await s.close();
  });
});

/** Large files lie beside a database file; a server database keeps every document itself. */
describe('documents beside the database file', () => {
  const engine = 'sqlite';
  it('keeps a file over 8 MiB beside the database, named by its hash, and reuses it for the same bytes', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const arende = await newArende(s);
    const big = bytesOf(8 * MiB + 1);
    const hash = sha256(big);
    const added = value(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'Protokoll 2018-03-16.PDF', contentBase64: b64(big) }));
    expect(added).toMatchObject({ storage: 'file', size: 8 * MiB + 1, sha256: hash, mimeType: 'application/pdf', title: 'Protokoll 2018-03-16' });
    const row = (await first(s, sql`SELECT content, stored_path, text FROM documents WHERE id = ${added.id}`)) as {
      content: null;
      stored_path: string;
      text: null;
    };
    expect(row).toEqual({ content: null, stored_path: `kansli.sqlite.dokument/${hash}.pdf`, text: null });
    const file = path.join(path.dirname(String(s.file)), 'kansli.sqlite.dokument', `${hash}.pdf`);
    expect(sha256(fs.readFileSync(file))).toBe(hash);
    // No temp files are left behind.
    expect(fs.readdirSync(path.dirname(file))).toEqual([`${hash}.pdf`]);

    const got = value(await s.api.call('documents.get', { id: added.id }));
    expect(sha256(Buffer.from(got.contentBase64, 'base64'))).toBe(hash);

    // The same file in another ärende: one file on disk, two rows.
    const other = await newArende(s, 'Årsredovisning 2018');
    const second = value(await s.api.call('documents.add', { arendeId: other.id, fileName: 'kopia.pdf', title: 'Kopia', contentBase64: b64(big) }));
    expect(second).toMatchObject({ storage: 'file', sha256: hash, title: 'Kopia' });
    expect(fs.readdirSync(path.dirname(file))).toEqual([`${hash}.pdf`]);

    // Removing one leaves the file for the other; removing the last removes the file too.
    value(await s.api.call('documents.remove', { id: added.id }));
    await new Promise((r) => setImmediate(r));
    expect(fs.existsSync(file)).toBe(true);
    expect(sha256(Buffer.from(value(await s.api.call('documents.get', { id: second.id })).contentBase64, 'base64'))).toBe(hash);
    value(await s.api.call('documents.remove', { id: second.id }));
    await new Promise((r) => setImmediate(r));
    expect(fs.existsSync(file)).toBe(false);
    expect(await countRows(s, 'documents')).toBe(0);
    const audit = (await rows(s, sql`SELECT action FROM audit_log WHERE entity = 'document' ORDER BY id`)) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'delete', 'delete']);
    await s.close();
  });

  it('notices a file beside the database that was changed or removed outside Kansli', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const arende = await newArende(s);
    const big = bytesOf(8 * MiB + 100, 7);
    const meta = value(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'bilaga.xlsx', contentBase64: b64(big) }));
    expect(meta.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const file = path.join(`${String(s.file)}.dokument`, `${meta.sha256}.xlsx`);

    const changed = Buffer.from(big);
    changed[1000] = (changed[1000] ?? 0) ^ 0xff;
    fs.writeFileSync(file, changed);
    const tampered = failure(await s.api.call('documents.get', { id: meta.id }));
    expect(tampered).toMatchObject({ code: 'RULE' });
    expect(tampered.message).toMatch(/har ändrats utanför Kansli/);

    // Adding the same bytes again repairs the file instead of trusting the changed one.
    value(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'bilaga.xlsx', contentBase64: b64(big) }));
    expect(sha256(fs.readFileSync(file))).toBe(meta.sha256);
    expect(value(await s.api.call('documents.get', { id: meta.id })).meta.id).toBe(meta.id);

    fs.rmSync(file);
    const missing = failure(await s.api.call('documents.get', { id: meta.id }));
    expect(missing.code).toBe('RULE');
    expect(missing.message).toMatch(/saknas i mappen bredvid databasen.*tagits bort eller flyttats utanför Kansli/);
    await s.close();
  });
});

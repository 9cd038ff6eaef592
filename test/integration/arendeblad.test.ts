import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../shared/contract/schemas/arendeblad';
import { TEMPLATE_KEYS } from '../../shared/contract/schemas/arendeblad';
import { stripAtt } from '../../shared/domain/arendeblad-templates';
import { addDays } from '../../shared/domain/justering';
import { formatDate } from '../../shared/format/sv';
import { docxToText } from '../../electron/services/documents';
import { failure, value } from '../helpers/envelope';
import { pageCount, pdffonts, pdftotext, qpdfCheck } from '../helpers/pdf-tools';
import { createFilled, withContent } from '../helpers/arendeblad';
import { countRows, ENGINES, engineSession, rows } from '../helpers/engines';

const pdfOf = (file: GeneratedFile) => Buffer.from(file.contentBase64, 'base64');

describe.each(ENGINES)('ärendeblad (%s)', (engine) => {
  it('lists every template with the rubrik it gives this year', async () => {
    const s = await engineSession(engine);
    const templates = value(await s.api.call('arendeblad.templates', { year: 2026 }));
    expect(templates.map((t) => t.key)).toEqual([...TEMPLATE_KEYS]);
    expect(templates.find((t) => t.key === 'arsredovisning')?.suggestedTitle).toBe('Årsredovisning 2025');
    expect(templates.find((t) => t.key === 'medlemsavgifter')?.suggestedTitle).toBe('Fastställande av medlemsavgifter 2026');
    await s.close();
  });

  it('fills in what the registers know: the förbundschef, the members, the delegation decisions not yet reported up to its date', async () => {
    const s = await engineSession(engine);
    const today = formatDate(new Date());
    const unreported = value(await s.api.call('decisions.list', { unreportedOnly: true })).filter((d) => d.mustBeReported);
    const blad = value(await s.api.call('arendeblad.create', { template: 'anmalan_av_delegationsbeslut', datum: today }));
    expect(blad.diarienummer).toMatch(new RegExp(`^${today.slice(0, 4)}/`));
    expect(blad.content.foredragande).toMatchObject({ name: 'Kristina Almgren', title: 'Förbundschef' });
    const table = blad.content.sections[0]?.blocks.find((b) => b.type === 'tabell');
    expect(table?.type === 'tabell' && table.rows.map((r) => r[0])).toEqual(unreported.map((d) => d.diarienummer));
    // Written ten days ago, it would not list a decision made since: that one is for the next anmälan.
    const earlier = value(await s.api.call('arendeblad.create', { template: 'anmalan_av_delegationsbeslut', datum: addDays(today, -10) }));
    const earlierTable = earlier.content.sections[0]?.blocks.find((b) => b.type === 'tabell');
    expect(earlierTable?.type === 'tabell' && earlierTable.rows.map((r) => r[0])).toEqual(
      unreported.filter((d) => d.decidedOn <= addDays(today, -10)).map((d) => d.diarienummer),
    );
    expect(unreported.some((d) => d.decidedOn > addDays(today, -10))).toBe(true);
    // Nothing is left for the writer, so the PDF can be made at once.
    expect(blad.problems).toEqual([]);
    const pdf = pdfOf(value(await s.api.call('arendeblad.pdf', { id: blad.id })));
    const text = pdftotext(pdf);
    expect(text).toContain('Anmälan av delegationsbeslut');
    expect(text).toContain('Förbundsstyrelsen föreslås besluta');
    expect(text).toMatch(/att\s+lägga anmälan av delegationsbesluten till handlingarna/);
    expect(text).toContain('Kristina Almgren, Förbundschef');
    expect(text).toContain(`Dnr ${blad.diarienummer}`.replace('Dnr ', ''));
    await s.close();
  });

  it.each(TEMPLATE_KEYS.filter((k) => k !== 'anmalan_av_delegationsbeslut'))(
    'template %s: once filled in, its PDF carries the att-satser in correct Swedish',
    async (key) => {
      const s = await engineSession(engine);
      const blad = await createFilled(s, key);
      expect(blad.problems).toEqual([]);
      const file = value(await s.api.call('arendeblad.pdf', { id: blad.id }));
      expect(file.fileName).toBe(`${blad.diarienummer.replace('/', '-')} ${blad.rubrik}.pdf`);
      const text = pdftotext(pdfOf(file)).replace(/\s+/g, ' ');
      expect(text).toContain(blad.rubrik);
      for (const punkt of blad.content.forslag.punkter.map(stripAtt)) expect(text).toContain(`att ${punkt}`);
      expect(text).toMatch(/Sida 1 \(\d+\)/);
      await s.close();
    },
  );

  it('writes PDF/A-2b parts: XMP identification, sRGB output intent, every font embedded, a clean qpdf check', async () => {
    const s = await engineSession(engine);
    const blad = await createFilled(s, 'tillaggsansokan');
    const pdf = pdfOf(value(await s.api.call('arendeblad.pdf', { id: blad.id })));
    const raw = pdf.toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).toMatch(/\/ID \[/);
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    expect(fonts.every((f) => f.embedded && f.unicode)).toBe(true);
    const check = qpdfCheck(pdf);
    expect(check.output).toContain('No syntax or stream encoding errors found');
    expect(check.ok).toBe(true);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    await s.close();
  });

  it('refuses a PDF of a beslutsärende without any att-sats, and writes nothing', async () => {
    const s = await engineSession(engine);
    const blad = await createFilled(s, 'beviljande_av_ansokan');
    const emptied = await withContent(s, blad, { ...blad.content, forslag: { ...blad.content.forslag, punkter: [] } });
    expect(emptied.problems).toContain('Ett beslutsärende behöver minst en att-sats under Förslag till beslut.');
    const documentsBefore = await countRows(s, 'documents');
    const refused = failure(await s.api.call('arendeblad.pdf', { id: blad.id }));
    expect(refused.code).toBe('RULE');
    expect(refused.message).toContain('minst en att-sats');
    expect(await countRows(s, 'documents')).toBe(documentsBefore);
    await s.close();
  });

  it('refuses while a «fält» is left or a bilaga has no handling, naming what is missing', async () => {
    const s = await engineSession(engine);
    const blad = value(await s.api.call('arendeblad.create', { template: 'tillaggsansokan', datum: '2026-11-23' }));
    const refused = failure(await s.api.call('arendeblad.pdf', { id: blad.id }));
    expect(blad.rubrik).toBe('«insatsens namn» – tilläggsansökan');
    expect(refused.message).toContain('Fyll i «insatsens namn» (rubriken, att-sats 1');
    expect(refused.message).toMatch(/Bilaga 1 \(”Tilläggsansökan .*”\) är inte kopplad till någon handling i diariet/);
    await s.close();
  });

  it('reports a bilaga whose handling has been removed from the diarium', async () => {
    const s = await engineSession(engine);
    const blad = await createFilled(s, 'arsredovisning');
    const documentId = blad.content.bilagor[0]?.documentId ?? 0;
    value(await s.api.call('documents.remove', { id: documentId }));
    const again = value(await s.api.call('arendeblad.get', { id: blad.id }));
    expect(again.problems.join(' ')).toContain('handlingen finns inte längre i diariet');
    expect(failure(await s.api.call('arendeblad.pdf', { id: blad.id })).message).toContain('handlingen finns inte längre i diariet');
    await s.close();
  });

  it('autosaves with a revision: a stale save is refused and the newer text kept', async () => {
    const s = await engineSession(engine);
    const blad = value(await s.api.call('arendeblad.create', { template: 'tomt', rubrik: 'Samverkan i Östhammar', datum: '2026-11-23' }));
    const base = { id: blad.id, organ: blad.organ, rubrik: blad.rubrik, datum: blad.datum };
    const first = value(
      await s.api.call('arendeblad.save', {
        ...base,
        revision: blad.revision,
        content: { ...blad.content, forslag: { ...blad.content.forslag, punkter: ['anta planen'] } },
      }),
    );
    expect(first.revision).toBe(blad.revision + 1);
    const stale = failure(await s.api.call('arendeblad.save', { ...base, revision: blad.revision, content: blad.content }));
    expect(stale.code).toBe('CONFLICT');
    const now = value(await s.api.call('arendeblad.get', { id: blad.id }));
    expect(now.content.forslag.punkter).toEqual(['anta planen']);
    await s.close();
  });

  it('keeps an ärendeblad per ärende, registered in the diarium, and audits each save', async () => {
    const s = await engineSession(engine);
    const blad = value(await s.api.call('arendeblad.create', { template: 'tomt', rubrik: 'Lokal för Bryggan', datum: '2026-11-23' }));
    const arende = value(await s.api.call('arenden.get', { id: blad.arendeId }));
    expect(arende).toMatchObject({ title: 'Lokal för Bryggan', kind: 'beslutsarende', status: 'under_beredning' });
    // The diarium's title follows the rubrik while it is the same.
    value(
      await s.api.call('arendeblad.save', {
        id: blad.id,
        revision: blad.revision,
        organ: blad.organ,
        rubrik: 'Lokal för Bryggan Östhammar',
        datum: blad.datum,
        content: blad.content,
      }),
    );
    expect(value(await s.api.call('arenden.get', { id: blad.arendeId })).title).toBe('Lokal för Bryggan Östhammar');
    const again = failure(await s.api.call('arendeblad.create', { template: 'tomt', arendeId: blad.arendeId }));
    expect(again.code).toBe('CONFLICT');
    const audit = await rows(s, sql`SELECT action FROM audit_log WHERE entity = 'arendeblad' AND entity_id = ${String(blad.id)} ORDER BY id`);
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }]);
    await s.close();
  });

  it('writes the same ärendeblad as a Word document', async () => {
    const s = await engineSession(engine);
    const blad = await createFilled(s, 'medlemsavgifter');
    const file = value(await s.api.call('arendeblad.docx', { id: blad.id }));
    expect(file.fileName.endsWith('.docx')).toBe(true);
    const text = (await docxToText(Buffer.from(file.contentBase64, 'base64'))) ?? '';
    expect(text).toContain('Förslag till beslut');
    expect(text).toContain(`att ${stripAtt(blad.content.forslag.punkter[0] ?? '')}`.replace('att ', ''));
    expect(text).toContain('Älvkarleby');
    expect(text).toContain('Östhammar');
    await s.close();
  });
});

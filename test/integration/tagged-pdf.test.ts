import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { createFilled, withContent } from '../helpers/arendeblad';
import { value } from '../helpers/envelope';
import { qpdfCheck } from '../helpers/pdf-tools';
import { find, roles, structure } from '../helpers/pdf-structure';
import { ENGINES, engineSession } from '../helpers/engines';

/** A 1×1 PNG: a picture whose alternative text is its caption. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe.each(ENGINES)('tagged PDF: documents a förbund publishes are read by a screen reader (%s)', (engine) => {
  it('an ärendeblad has headings, a list, a table with header cells, a figure with its alt text, artifacts and /Lang sv-SE', async () => {
    const s = await engineSession(engine);
    const blad = await createFilled(s, 'medlemsavgifter');
    const withPicture = await withContent(s, blad, {
      ...blad.content,
      sections: [...blad.content.sections, { heading: 'Diagram', blocks: [{ type: 'bild', caption: 'Medlemsavgift per medlem 2027', pngBase64: PNG }] }],
    });
    const file = value(await s.api.call('arendeblad.pdf', { id: withPicture.id }));
    const bytes = new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
    fs.writeFileSync(artifactPath('arendeblad-taggad.pdf'), bytes);

    const doc = await PDFDocument.load(bytes);
    expect((doc.catalog.get(PDFName.of('Lang')) as PDFString).decodeText()).toBe('sv-SE');
    expect(String(doc.catalog.lookup(PDFName.of('MarkInfo')))).toContain('/Marked true');
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();

    const trees = await structure(bytes);
    // Page 1's head (Datum, Dnr, Till) is read first, then the rubrik.
    const documentNode = find(trees[0]!, 'Document')[0];
    expect(documentNode?.children?.map((c) => c.role).slice(0, 2)).toEqual(['Div', 'H1']);
    const all = trees.flatMap((t) => roles(t));
    // The rubrik is the one H1; "Förslag till beslut" and the sections are H2.
    expect(all.filter((r) => r === 'H1')).toHaveLength(1);
    expect(all).toContain('H2');
    // The att-satser are a list with labels and bodies.
    expect(all).toEqual(expect.arrayContaining(['L', 'LI', 'Lbl', 'LBody']));
    // The fee table: header cells, then data cells, in rows.
    const tables = trees.flatMap((t) => find(t, 'Table'));
    expect(tables.length).toBeGreaterThan(0);
    const rows = find(tables[0]!, 'TR');
    expect(rows.length).toBeGreaterThan(2);
    expect(find(rows[0]!, 'TH').length).toBeGreaterThan(1);
    expect(find(rows[1]!, 'TD').length).toBe(find(rows[0]!, 'TH').length);
    // The picture says what it shows.
    const figures = trees.flatMap((t) => find(t, 'Figure'));
    expect(figures.map((f) => f.alt)).toContain('Medlemsavgift per medlem 2027');
    // Still a clean file.
    expect(qpdfCheck(bytes)).toMatchObject({ ok: true });
    await s.close();
  });
});

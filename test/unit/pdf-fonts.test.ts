import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdf, finishPdfA, saveClassic } from '../../electron/services/pdf/pdfa';
import { pdffonts, pdftotext, qpdfCheck } from '../helpers/pdf-tools';

const ctx = { resourcesDir: path.resolve('resources'), appVersion: 'test' };

/** A one-page PDF/A with the lines given, in the regular and the bold face. */
async function render(lines: string[]): Promise<Uint8Array> {
  const { doc, fonts } = await createPdf(ctx);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 20, size: 11, font: i % 2 === 0 ? fonts.regular : fonts.bold }));
  finishPdfA(doc, ctx, { title: lines[0] ?? '', author: 'Test', subject: 'Test', keywords: [], created: new Date('2026-12-02T10:00:00Z') });
  return saveClassic(doc);
}

describe('fonts parsed once per process, shaping and subsets remembered', () => {
  it('gives each document the glyphs of its own text, whatever was rendered before it', async () => {
    const first = await render(['Årsredovisning för Samordningsförbundet', 'Östhammar och Älvkarleby']);
    const second = await render(['Zürich – § 12 «citat» 1 234 567 kr', 'QWXYZ qwxyz ÆØ æø']);
    const again = await render(['Årsredovisning för Samordningsförbundet', 'Östhammar och Älvkarleby']);
    for (const [bytes, lines] of [
      [first, ['Årsredovisning för Samordningsförbundet', 'Östhammar och Älvkarleby']],
      [second, ['Zürich – § 12 «citat» 1 234 567 kr', 'QWXYZ qwxyz ÆØ æø']],
      [again, ['Årsredovisning för Samordningsförbundet', 'Östhammar och Älvkarleby']],
    ] as const) {
      const text = pdftotext(bytes);
      for (const line of lines) expect(text).toContain(line);
      expect(pdffonts(bytes).every((f) => f.embedded && f.unicode)).toBe(true);
      expect(qpdfCheck(bytes).ok).toBe(true);
    }
  });
});

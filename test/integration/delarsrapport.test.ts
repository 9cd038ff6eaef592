import { describe, expect, it } from 'vitest';
import { docxToText } from '../../electron/services/documents';
import { failure, value } from '../helpers/envelope';
import { execFileSync } from 'node:child_process';
import { artifactPath } from '../helpers/browser';
import { pdftotext, writeTemp } from '../helpers/pdf-tools';
import { ENGINES, engineSession, type AnySession } from '../helpers/engines';

async function yearSoFar(s: AnySession): Promise<void> {
  value(
    await s.api.call('budget.save', {
      year: 2026,
      lines: [
        { post: 'medlemsavgifter', amountKr: 12_000_000 },
        { post: 'samverkan_individ', amountKr: 9_000_000 },
        { post: 'forvaltning_personal', amountKr: 2_400_000 },
      ],
    }),
  );
  const book = async (bookedOn: string, post: 'medlemsavgifter' | 'samverkan_individ' | 'forvaltning_personal', amountKr: number) =>
    value(await s.api.call('utfall.save', { bookedOn, post, amountKr }));
  await book('2026-03-31', 'medlemsavgifter', 12_000_000);
  await book('2026-06-30', 'samverkan_individ', 5_000_000);
  await book('2026-08-31', 'samverkan_individ', 1_500_000);
  await book('2026-08-31', 'forvaltning_personal', 1_700_000);
  // After the period: not in the delår.
  await book('2026-09-30', 'forvaltning_personal', 200_000);
}

describe.each(ENGINES)('delårsrapport (%s)', (engine) => {
  it('sets the result to 31 August against the budget spread over eight months, with the budget as prognos until one is typed', async () => {
    const s = await engineSession(engine);
    try {
      await yearSoFar(s);
      const v = value(await s.api.call('delarsrapport.get', { year: 2026 }));
      expect(v.periodLabel).toBe('januari–augusti 2026');
      const row = (post: string) => v.rows.find((r) => r.post === post)!;
      expect(row('medlemsavgifter')).toMatchObject({
        budgetYearKr: 12_000_000,
        budgetPeriodKr: 8_000_000,
        utfallPeriodKr: 12_000_000,
        avvikelseKr: 4_000_000,
        prognosKr: 12_000_000,
        prognosTyped: false,
      });
      expect(row('samverkan_individ')).toMatchObject({ budgetPeriodKr: 6_000_000, utfallPeriodKr: 6_500_000, avvikelseKr: -500_000 });
      expect(row('forvaltning_personal')).toMatchObject({ budgetPeriodKr: 1_600_000, utfallPeriodKr: 1_700_000, avvikelseKr: -100_000 });
      expect(v.result).toEqual({ budgetYearKr: 600_000, budgetPeriodKr: 400_000, utfallPeriodKr: 3_800_000, prognosKr: 600_000 });

      const saved = value(
        await s.api.call('delarsrapport.save', {
          year: 2026,
          toMonth: 8,
          prognos: [{ post: 'samverkan_individ', prognosKr: 9_800_000, kommentar: 'Två insatser har förlängts.' }],
        }),
      );
      expect(saved.rows.find((r) => r.post === 'samverkan_individ')).toMatchObject({ prognosKr: 9_800_000, prognosTyped: true });
      expect(saved.result.prognosKr).toBe(-200_000);
      const pdf = Buffer.from(value(await s.api.call('delarsrapport.pdf', { year: 2026 })).contentBase64, 'base64');
      execFileSync('pdftoppm', ['-png', '-r', '60', writeTemp(pdf), artifactPath('delarsrapport-2026')]);
      const text = pdftotext(pdf).replace(/\s+/g, ' ');
      expect(text).toContain('Delårsrapport januari–augusti 2026');
      expect(text).toContain('Resultat 600 000 400 000 3 800 000 3 400 000 −200 000');
      expect(text).toContain('Två insatser har förlängts.');
      const docx = await docxToText(Buffer.from(value(await s.api.call('delarsrapport.docx', { year: 2026 })).contentBase64, 'base64'));
      expect(docx).toContain('Prognos helår');
      expect(docx).toContain('9 800 000');

      // The förbund's rule changes to 30 June: kept for the years after.
      value(await s.api.call('delarsrapport.save', { year: 2026, toMonth: 6, prognos: [] }));
      expect(value(await s.api.call('delarsrapport.get', { year: 2027 })).toMonth).toBe(6);
      expect(value(await s.api.call('delarsrapport.get', { year: 2026 })).rows.find((r) => r.post === 'samverkan_individ')?.utfallPeriodKr).toBe(5_000_000);
      expect(failure(await s.api.call('delarsrapport.get', { year: 2026, toMonth: 12 })).message).toContain('helåret är årsredovisningen');
    } finally {
      await s.close();
    }
  });
});

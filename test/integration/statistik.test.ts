import { describe, expect, it } from 'vitest';
import { failure, value } from '../helpers/envelope';
import { application } from '../helpers/insatser';
import { demoMemberIds } from '../helpers/session';
import { countRows, ENGINES, engineSession } from '../helpers/engines';

describe.each(ENGINES)('statistik (%s)', (engine) => {
  it('keeps SUS counts for the förbund and an insats, survey results, kompetenshöjande events and medlemsdialoger', async () => {
    const s = await engineSession(engine);
    try {
      // Seed 003: 196 deltagare, 57 % kvinnor and 43 % män of the 195 registered.
      let v = value(
        await s.api.call('statistik.saveSus', { year: 2017, figures: { deltagare: 196, kvinnor: 111, man: 84, alder_16_24: 60, alder_25_34: 70 } }),
      );
      expect(v.sus).toEqual([
        { insatsId: null, name: 'Förbundet', figures: { deltagare: 196, kvinnor: 111, man: 84, alder_16_24: 60, alder_25_34: 70 }, problems: [] },
      ]);
      const insats = (await application(s, { name: 'Lokus Heby', years: [{ year: 2017, soughtKr: 300_000 }], decidedOn: '2016-12-10' })).insatsId!;
      v = value(await s.api.call('statistik.saveSus', { year: 2017, insatsId: insats, figures: { deltagare: 40, utb_forgymnasial: 12, utb_gymnasial: 20 } }));
      expect(v.sus.map((x) => x.name)).toEqual(['Förbundet', 'Lokus Heby']);
      // A value left out stays; null clears it.
      v = value(await s.api.call('statistik.saveSus', { year: 2017, figures: { alder_25_34: null } }));
      expect(v.sus[0]!.figures).toEqual({ deltagare: 196, kvinnor: 111, man: 84, alder_16_24: 60 });

      const tooMany = failure(await s.api.call('statistik.saveSus', { year: 2017, figures: { kvinnor: 150 } }));
      expect(tooMany.message).toBe('SUS-siffrorna går inte ihop. Kön: 234 är fler än de 196 deltagarna. Inget är sparat.');
      expect(failure(await s.api.call('statistik.saveSus', { year: 2017, figures: { deltagare: -1 } })).message).toContain('negativt');

      v = value(
        await s.api.call('statistik.saveIndikator', {
          year: 2017,
          name: 'Styrelseenkät',
          tillfragade: 22,
          besvarade: 14,
          resultat: 'Styrelsen anser att förbundet bidrar till samverkan.',
        }),
      );
      expect(v.indikatorer).toMatchObject([{ name: 'Styrelseenkät', tillfragade: 22, besvarade: 14 }]);
      expect(failure(await s.api.call('statistik.saveIndikator', { year: 2017, name: 'Fel', tillfragade: 10, besvarade: 12 })).paths).toEqual(['besvarade']);

      value(await s.api.call('statistik.saveEvent', { heldOn: '2017-03-14', title: 'Seminarium om jämlikhet', deltagare: 57 }));
      v = value(await s.api.call('statistik.saveEvent', { heldOn: '2017-10-02', title: 'Kompetensdag hos parterna', deltagare: 535, arrangor: 'parterna' }));
      expect(v.eventTotals).toEqual({ forbundet: 57, parterna: 535 });

      const members = await demoMemberIds(s);
      v = value(
        await s.api.call('statistik.saveDialog', { heldOn: '2017-05-20', kind: 'medlemsdialog', title: 'Medlemsdialog i Heby', memberIds: [members.Heby] }),
      );
      expect(v.dialoger).toMatchObject([{ title: 'Medlemsdialog i Heby', members: ['Heby kommun'] }]);
      expect(failure(await s.api.call('statistik.saveDialog', { heldOn: '2017-05-20', title: 'X', memberIds: [99_999] })).paths).toEqual(['memberIds.0']);

      value(await s.api.call('statistik.remove', { kind: 'event', id: v.events[0]!.id }));
      expect(await countRows(s, 'kompetens_events')).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('imports SUS figures from a CSV export after a preview, all or nothing', async () => {
    const s = await engineSession(engine);
    try {
      await application(s, { name: 'Lokus Heby', years: [{ year: 2017, soughtKr: 300_000 }], decidedOn: '2016-12-10' });
      const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');
      const file = csv('Insats;Deltagare;Kvinnor;Män;16–24 år;Anteckning\r\nFörbundet;196;111;84;60;x\r\nLokus Heby;40;20;20;;\r\n');
      const preview = value(await s.api.call('statistik.importSus', { year: 2017, fileName: 'sus 2017.csv', contentBase64: file }));
      expect(preview).toMatchObject({ imported: false, errors: [], warnings: ['Kolumnen ”Anteckning” är inte en SUS-siffra och läses inte.'] });
      expect(preview.rows.map((r) => [r.name, r.figures])).toEqual([
        ['Förbundet', { deltagare: 196, kvinnor: 111, man: 84, alder_16_24: 60 }],
        ['Lokus Heby', { deltagare: 40, kvinnor: 20, man: 20 }],
      ]);
      expect(await countRows(s, 'sus_figures')).toBe(0);
      const done = value(await s.api.call('statistik.importSus', { year: 2017, fileName: 'sus 2017.csv', contentBase64: file, preview: false }));
      expect(done.imported).toBe(true);
      expect(value(await s.api.call('statistik.get', { year: 2017 })).sus.map((x) => x.name)).toEqual(['Förbundet', 'Lokus Heby']);

      const bad = csv('Insats;Deltagare;Kvinnor\r\nOkänd insats;10;5\r\nFörbundet;10;12\r\nLokus Heby;tio;1\r\n');
      const refused = value(await s.api.call('statistik.importSus', { year: 2018, fileName: 'fel.csv', contentBase64: bad, preview: false }));
      expect(refused.imported).toBe(false);
      expect(refused.errors).toEqual([
        'Rad 2: insatsen ”Okänd insats” finns inte i registret.',
        'Rad 3: Kön: 12 är fler än de 10 deltagarna.',
        'Rad 4, Deltagare: ”tio” är inte ett antal.',
      ]);
      expect(value(await s.api.call('statistik.get', { year: 2018 })).sus).toEqual([]);
      expect(failure(await s.api.call('statistik.importSus', { year: 2018, fileName: 'x.csv', contentBase64: 'inte base64!' })).paths).toEqual([
        'contentBase64',
      ]);
    } finally {
      await s.close();
    }
  });
});

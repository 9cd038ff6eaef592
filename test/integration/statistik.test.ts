import { describe, expect, it } from 'vitest';
import { failure, value } from '../helpers/envelope';
import { application } from '../helpers/insatser';
import { count, demoMemberIds, demoSession } from '../helpers/session';

describe('statistik', () => {
  it('keeps SUS counts for the förbund and an insats, survey results, kompetenshöjande events and medlemsdialoger', async () => {
    const s = demoSession();
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
      expect(count(s, 'kompetens_events')).toBe(1);
    } finally {
      s.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { failure, value } from '../helpers/envelope';
import { sie003 } from '../helpers/bokslut';
import { demoSession } from '../helpers/session';
import { newPlan } from '../helpers/verksamhetsplan';

describe('årshjul', () => {
  it('says what the year asks and when, what is done, and what is late', async () => {
    const s = demoSession();
    try {
      const before = value(await s.api.call('arshjul.get', { year: 2020 }));
      expect(before.items.map((i) => [i.key, i.dueOn, i.aboutYear, i.status])).toEqual([
        ['bokslut', '2020-02-15', 2019, 'sent'],
        ['arsredovisning', '2020-03-31', 2019, 'sent'],
        ['delarsrapport', '2020-10-31', 2020, 'sent'],
        ['verksamhetsplan', '2020-11-30', 2021, 'sent'],
        ['internkontrollplan', '2020-12-31', 2021, 'sent'],
      ]);
      expect(before.items[0]!.label).toBe('Bokslut för 2019');

      value(await s.api.call('bokslut.import', { fileName: 'bokslut 2019.se', contentBase64: sie003({ year: 2019 }) }));
      const draft = await newPlan(s, { firstYear: 2021, lastYear: 2021 });
      const plan = value(
        await s.api.call('verksamhetsplan.save', {
          id: draft.id,
          revision: draft.revision,
          title: 'Verksamhetsplan 2021',
          firstYear: 2021,
          lastYear: 2021,
          content: { goals: [{ text: 'Fler i arbete', matt: [{ text: 'Andel', unit: 'andel', targets: [{ year: 2021, value: 35 }] }] }] },
        }),
      );
      value(await s.api.call('verksamhetsplan.adopt', { id: plan.id, revision: plan.revision, adoptedOn: '2020-11-19' }));
      const after = value(await s.api.call('arshjul.save', { year: 2020, dates: [{ key: 'delarsrapport', monthDay: '09-30' }] }));
      const item = (key: string) => after.items.find((i) => i.key === key)!;
      expect(item('bokslut')).toMatchObject({ status: 'klart', note: 'Saldona är inlästa och alla kontroller stämmer.' });
      expect(item('verksamhetsplan')).toMatchObject({ status: 'klart', link: ['verksamhetsplan', String(plan.id)] });
      expect(item('delarsrapport')).toMatchObject({ dueOn: '2020-09-30', status: 'sent' });
      // Next year keeps the förbund's date.
      expect(value(await s.api.call('arshjul.get', { year: 2021 })).items.find((i) => i.key === 'delarsrapport')?.dueOn).toBe('2021-09-30');

      expect(failure(await s.api.call('arshjul.save', { year: 2020, dates: [{ key: 'bokslut', monthDay: '02-30' }] })).message).toBe(
        'Datumet 02-30 finns inte. Inget är sparat.',
      );
      expect(failure(await s.api.call('arshjul.save', { year: 2020, dates: [{ key: 'bokslut', monthDay: '2-15' }] })).paths).toEqual(['dates.0.monthDay']);
    } finally {
      s.close();
    }
  });
});

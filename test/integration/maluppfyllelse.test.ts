import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/methods';
import type { MaluppfyllelseView } from '../../shared/contract/schemas/maluppfyllelse';
import { failure, value } from '../helpers/envelope';
import { application } from '../helpers/insatser';
import { pdftotext, writeTemp } from '../helpers/pdf-tools';
import { artifactPath } from '../helpers/browser';
import { newPlan } from '../helpers/verksamhetsplan';
import { ENGINES, engineSession, type AnySession } from '../helpers/engines';

/** Seed 003's "Mål 2017", as a plan for 2017 that Kansli can follow up. */
const MAL_2017: MethodInput<'verksamhetsplan.save'>['content'] = {
  goals: [
    {
      text: 'Att enskilda personer uppnår eller förbättrar sin förmåga att utföra förvärvsarbete',
      subGoals: [
        {
          text: 'att minst lika många % av inskrivna deltagare (individer) i förbundets insatser går ut i arbete/studier som rikssnittet',
          matt: [
            {
              id: 'andel',
              text: 'Andel till arbete eller studier',
              unit: 'andel',
              source: 'andel_arbete_studier',
              targets: [{ year: 2017, reference: { label: 'rikssnittet 2016', value: 33 } }],
            },
          ],
        },
      ],
    },
    {
      text: 'Att stödja vidareutveckling av samverkan mellan parterna',
      subGoals: [
        {
          text: 'att minst 200 medarbetare under året får ökad kunskap om samverkan',
          matt: [{ id: 'medarbetare', text: 'Medarbetare med ökad kunskap om samverkan', unit: 'antal', targets: [{ year: 2017, value: 200 }] }],
        },
      ],
    },
    {
      text: 'Att fokusera på jämlikhet inom samverkan',
      subGoals: [
        {
          text: 'Minst 50 stycken medarbetare ska även fått ökad kunskap om jämlikhet',
          matt: [{ id: 'jamlikhet', text: 'Medarbetare med ökad kunskap om jämlikhet', unit: 'antal', targets: [{ year: 2017, value: 50 }] }],
        },
      ],
    },
    {
      text: 'Att stödja parternas utväxling av medel (t ex utlysningar inom ESF)',
      subGoals: [
        {
          text: 'att beslut om externa medel till parterna ska ha tagits under året där stöd utgått från förbundet',
          matt: [{ id: 'esf', text: 'Beslut om externa medel med stöd från förbundet', unit: 'text', targets: [{ year: 2017, text: 'minst ett beslut' }] }],
        },
      ],
    },
  ],
};

async function adoptedPlan(s: AnySession): Promise<number> {
  const draft = await newPlan(s, { firstYear: 2017, lastYear: 2017 });
  const saved = value(
    await s.api.call('verksamhetsplan.save', {
      id: draft.id,
      revision: draft.revision,
      title: 'Verksamhetsplan 2017',
      firstYear: 2017,
      lastYear: 2017,
      content: MAL_2017,
    }),
  );
  value(await s.api.call('verksamhetsplan.adopt', { id: saved.id, revision: saved.revision, adoptedOn: '2016-11-24' }));
  return saved.id;
}

/** Two insatser's deltagare in 2017: 164 avslutade, 31 of them to work or studies (seed 003). */
async function participants(s: AnySession): Promise<void> {
  const figures = [
    { name: 'Lokus Tierp', avslutade: 100, tillArbete: 15, tillStudier: 5 },
    { name: 'Lokus Håbo', avslutade: 64, tillArbete: 8, tillStudier: 3 },
  ];
  for (const f of figures) {
    const a = await application(s, { name: f.name, years: [{ year: 2017, soughtKr: 500_000 }], decidedOn: '2016-12-10' });
    value(
      await s.api.call('insatser.saveParticipants', {
        insatsId: a.insatsId!,
        year: 2017,
        deltagare: f.avslutade + 10,
        kvinnor: 0,
        man: 0,
        avslutade: f.avslutade,
        tillArbete: f.tillArbete,
        tillStudier: f.tillStudier,
      }),
    );
  }
}

const row = (v: MaluppfyllelseView, id: string) => v.rows.find((r) => r.mattId === id)!;

describe.each(ENGINES)('måluppfyllelse (%s)', (engine) => {
  it('follows up seed 003\'s "Mål 2017": computed share against the rikssnitt, typed counts, a target in words, and the table as the report has it', async () => {
    const s = await engineSession(engine);
    try {
      const planId = await adoptedPlan(s);
      await participants(s);
      const view = value(await s.api.call('maluppfyllelse.get', { planId, year: 2017 }));
      expect(view.periodLabel).toBe('helåret 2017');
      expect(view.rows.map((r) => r.goalLabel)).toEqual(['Resultatmål 1.1', 'Resultatmål 2.1', 'Resultatmål 3.1', 'Resultatmål 4.1']);
      const andel = row(view, 'andel');
      expect(andel).toMatchObject({ computed: true, value: 18.9, targetText: 'minst som rikssnittet 2016 (33 %)' });
      expect(andel.computedText).toBe('Av 164 avslutade deltagare har 31 gått till arbete eller studier, vilket utgör 19 %.');
      expect(andel.suggested?.status).toBe('ej');
      expect(row(view, 'medarbetare').suggested).toBeNull();

      const saved = value(
        await s.api.call('maluppfyllelse.save', {
          planId,
          year: 2017,
          entries: [
            { mattId: 'andel', status: 'ej', kommentar: 'Mäts via SUS. Under 2016 var det 33 % i riket.' },
            { mattId: 'medarbetare', value: 183, resultText: '183 medarbetare inom förbundets egna seminarier.', status: 'delvis' },
            { mattId: 'jamlikhet', value: 57, resultText: '57 medarbetare har deltagit på seminarier kring jämlikhet.', status: 'uppfyllt' },
            { mattId: 'esf', resultText: 'Parterna har under perioden ej sökt medel från förbundet till berednings- och processtöd.', status: 'ej' },
          ],
        }),
      );
      expect(saved.open).toBe(0);
      expect(row(saved, 'medarbetare').suggested).toEqual({ status: 'delvis', reason: '183 mot målet minst 200: delvis uppfyllt.' });
      expect(row(saved, 'jamlikhet').suggested?.status).toBe('uppfyllt');
      expect(row(saved, 'esf').suggested).toBeNull();

      const pdf = Buffer.from(value(await s.api.call('maluppfyllelse.pdf', { planId, year: 2017 })).contentBase64, 'base64');
      execFileSync('pdftoppm', ['-png', '-r', '60', writeTemp(pdf), artifactPath('maluppfyllelse-2017')]);
      const text = pdftotext(pdf).replace(/\s+/g, ' ');
      for (const expected of [
        'Måluppfyllelse helåret 2017',
        'Mål: Att enskilda personer uppnår eller förbättrar sin förmåga att utföra förvärvsarbete',
        'Resultatmål Resultat Status',
        'Av 164 avslutade deltagare har 31 gått',
        'Ej uppfyllt',
        'Delvis uppfyllt',
        'Kommentar: Mäts via SUS.',
      ])
        expect(text).toContain(expected);
    } finally {
      await s.close();
    }
  });

  it('refuses a status against the rule without a kommentar, takes it with one, and compares a delår pro rata', async () => {
    const s = await engineSession(engine);
    try {
      const planId = await adoptedPlan(s);
      await participants(s);
      const against = failure(await s.api.call('maluppfyllelse.save', { planId, year: 2017, entries: [{ mattId: 'andel', status: 'uppfyllt' }] }));
      expect(against.message).toBe(
        '”Andel till arbete eller studier”: status uppfyllt går emot regeln (18,9 % mot målet minst 33 % (rikssnittet 2016): ej uppfyllt.) Skriv en kommentar som förklarar bedömningen.',
      );
      expect(against.paths).toEqual(['entries.0.kommentar']);
      expect(row(value(await s.api.call('maluppfyllelse.get', { planId, year: 2017 })), 'andel').status).toBeNull();
      const kept = value(
        await s.api.call('maluppfyllelse.save', {
          planId,
          year: 2017,
          entries: [{ mattId: 'andel', status: 'uppfyllt', kommentar: 'Räknat med extratjänster är det 45 %.' }],
        }),
      );
      expect(row(kept, 'andel').status).toBe('uppfyllt');

      // At the delår (to 31 August), 140 of 200 is judged against 133: uppfyllt so far.
      const delar = value(
        await s.api.call('maluppfyllelse.save', { planId, year: 2017, period: 'delar', entries: [{ mattId: 'medarbetare', value: 140, status: 'uppfyllt' }] }),
      );
      expect(delar.periodLabel).toBe('januari–augusti 2017');
      expect(row(delar, 'medarbetare').suggested?.reason).toBe('140 mot målet minst 133,3 (200 för helåret, räknat för 8 månader): uppfyllt.');
      // The helår is its own follow-up.
      expect(row(value(await s.api.call('maluppfyllelse.get', { planId, year: 2017 })), 'medarbetare').value).toBeNull();

      expect(failure(await s.api.call('maluppfyllelse.get', { planId, year: 2018 })).message).toBe(
        'Verksamhetsplan 2017 gäller 2017–2017; 2018 ligger utanför.',
      );
      expect(failure(await s.api.call('maluppfyllelse.save', { planId, year: 2017, entries: [{ mattId: 'finns-inte', status: 'ej' }] })).paths).toEqual([
        'entries.0.mattId',
      ]);
      const draft = await newPlan(s, { firstYear: 2019, lastYear: 2019 });
      expect(failure(await s.api.call('maluppfyllelse.get', { planId: draft.id, year: 2019 })).message).toContain('är inte fastställd');
    } finally {
      await s.close();
    }
  });
});

import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { docxToText } from '../../electron/services/documents';
import type { MethodInput } from '../../shared/contract/methods';
import type { GeneratedFile } from '../../shared/contract/schemas/arendeblad';
import type { Verksamhetsplan } from '../../shared/contract/schemas/verksamhetsplan';
import { artifactPath } from '../helpers/browser';
import { failure, value } from '../helpers/envelope';
import { pdffonts, pdftotext, qpdfCheck, writeTemp } from '../helpers/pdf-tools';
import { newPlan, SEED_001, seed004 } from '../helpers/verksamhetsplan';
import { countRows, ENGINES, engineSession, first, rows, type AnySession } from '../helpers/engines';

const bytesOf = (f: GeneratedFile) => Buffer.from(f.contentBase64, 'base64');
/** Words of a PDF as one line: what a reader finds, whatever the line breaks. */
const words = (pdf: Buffer) => pdftotext(pdf).replace(/\s+/g, ' ');

async function save(s: AnySession, plan: Verksamhetsplan, content: MethodInput<'verksamhetsplan.save'>['content']): Promise<Verksamhetsplan> {
  return value(
    await s.api.call('verksamhetsplan.save', {
      id: plan.id,
      revision: plan.revision,
      title: plan.title,
      firstYear: plan.firstYear,
      lastYear: plan.lastYear,
      content,
    }),
  );
}

/** The PDF's pages as PNGs in test-artifacts, to be looked at. */
function pages(pdf: Buffer, name: string): void {
  const file = writeTemp(pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, artifactPath(name)]);
}

describe.each(ENGINES)('verksamhetsplan (%s)', (engine) => {
  it('takes seed 004 through the API: a styrkort of four perspektiv, adopted, locked, and set as PDF/A and Word', async () => {
    const s = await engineSession(engine);
    try {
      const draft = await newPlan(s, { firstYear: 2015, lastYear: 2017, title: 'Verksamhetsplan och budget 2015–2017', styrkort: true });
      expect(draft.content.perspectives.map((p) => p.name)).toEqual(['Individen', 'Förnyelse/utveckling', 'Arbetssätt/processer', 'Ekonomi']);
      expect(draft.problems).toEqual([{ where: 'Mål', message: 'Planen har inga övergripande mål.' }]);

      const saved = await save(s, draft, seed004(draft.content.perspectives));
      expect(saved.problems).toEqual([]);
      expect(saved.goalCount).toBe(4);
      // Every item has an id, and the ids stay when the plan is saved again.
      const ids = saved.content.goals.flatMap((g) => [g.id, ...g.matt.map((m) => m.id)]);
      expect(new Set(ids).size).toBe(8);
      const again = await save(s, saved, saved.content);
      expect(again.content.goals.flatMap((g) => [g.id, ...g.matt.map((m) => m.id)])).toEqual(ids);

      const adopted = value(await s.api.call('verksamhetsplan.adopt', { id: draft.id, revision: again.revision, adoptedOn: '2014-10-16', paragraph: '§ 45' }));
      expect(adopted).toMatchObject({ status: 'faststalld', adoptedOn: '2014-10-16', adoptedParagraph: '§ 45' });

      const pdf = bytesOf(value(await s.api.call('verksamhetsplan.pdf', { id: draft.id })));
      const text = words(pdf);
      for (const expected of [
        'Verksamhetsplan och budget 2015–2017',
        'Fastställd av förbundsstyrelsen 2014-10-16, § 45',
        'Ökad välfärd i Skellefteå och Norsjö genom finansiell samordning.',
        'Förnyelse/utveckling',
        'Arbetssätt/processer',
        'Mål 1 (2015). Alla deltagare i samordnad rehabilitering',
        'Mål 4 (2015). Ekonomi i balans.',
        'Ekonomiskt utfall (kr).',
        'Rapporter varje kvartal om utfall och prognos.',
        'Övergripande verksamhetsområden 2017',
        'Sida 1 (',
      ])
        expect(text).toContain(expected);
      // The perspektiv come in the styrkort's order, each with its mål.
      expect(text.indexOf('Mål 1 (2015).')).toBeLessThan(text.indexOf('Mål 2 (2015).'));
      expect(text.indexOf('Förnyelse/utveckling Mål 2 (2015).')).toBeGreaterThan(0);
      expect(qpdfCheck(pdf).ok).toBe(true);
      expect(pdffonts(pdf).every((f) => f.embedded)).toBe(true);
      pages(pdf, 'verksamhetsplan-004');

      const docx = await docxToText(bytesOf(value(await s.api.call('verksamhetsplan.docx', { id: draft.id }))));
      expect(docx).toContain('Ökad välfärd i Skellefteå och Norsjö genom finansiell samordning.');
      expect(docx).toContain('Mål 4 (2015). Ekonomi i balans.');

      // Adopted is locked: in the service and in the database itself.
      const change = await s.api.call('verksamhetsplan.save', {
        id: draft.id,
        revision: adopted.revision,
        title: 'Ändrad',
        firstYear: 2015,
        lastYear: 2017,
        content: adopted.content,
      });
      expect(failure(change).message).toContain('är fastställd (2014-10-16) och kan inte ändras');
      await expect(rows(s, sql`UPDATE verksamhetsplaner SET title = 'x' WHERE id = ${draft.id}`)).rejects.toThrow(/plan_adopted/);
      await expect(rows(s, sql`DELETE FROM verksamhetsplaner WHERE id = ${draft.id}`)).rejects.toThrow(/plan_adopted/);
      expect(failure(await s.api.call('verksamhetsplan.remove', { id: draft.id, revision: adopted.revision })).message).toContain('kan inte tas bort');

      // A revision is a new förslag; adopting it leaves the first version, ersatt.
      const revision = value(await s.api.call('verksamhetsplan.revise', { id: draft.id }));
      expect(revision).toMatchObject({ status: 'forslag', version: 2, revisionOf: draft.id });
      expect(failure(await s.api.call('verksamhetsplan.revise', { id: draft.id })).code).toBe('CONFLICT');
      value(await s.api.call('verksamhetsplan.adopt', { id: revision.id, revision: revision.revision, adoptedOn: '2015-03-19', paragraph: '§ 8' }));
      const list = value(await s.api.call('verksamhetsplan.list', {}));
      expect(list.map((p) => [p.version, p.status])).toEqual([
        [2, 'faststalld'],
        [1, 'ersatt'],
      ]);
      expect(words(bytesOf(value(await s.api.call('verksamhetsplan.pdf', { id: revision.id }))))).toContain(
        'Fastställd av förbundsstyrelsen 2015-03-19, § 8 (version 2)',
      );
    } finally {
      await s.close();
    }
  });

  it('takes seed 001 (no styrkort) with resultatmål measured against a target and the rikssnitt, and starts next year from it', async () => {
    const s = await engineSession(engine);
    try {
      const draft = await newPlan(s, { firstYear: 2020, lastYear: 2020 });
      expect(draft.title).toBe('Verksamhetsplan 2020');
      const plan = await save(s, draft, SEED_001);
      expect(plan.problems).toEqual([]);
      const text = words(bytesOf(value(await s.api.call('verksamhetsplan.pdf', { id: plan.id }))));
      expect(text).toContain('Förslag');
      expect(text).toContain('Mål, mått och aktiviteter 2020');
      expect(text).toContain('Resultatmål 1.1. att minst lika många % av inskrivna deltagare');
      expect(text).toContain('minst som rikssnittet 2018 (33 %)');
      expect(text).toContain('minst 200');
      expect(text).toContain('Uppföljning i SUS varje halvår Kansliet 2020-08-31');
      expect(text).not.toContain('Perspektiv');
      pages(bytesOf(value(await s.api.call('verksamhetsplan.pdf', { id: plan.id }))), 'verksamhetsplan-001');
      value(await s.api.call('verksamhetsplan.adopt', { id: plan.id, revision: plan.revision, adoptedOn: '2019-11-21' }));

      // Utgå från föregående år: the same goals and ids, next year's targets from this year's.
      const next = await newPlan(s, { firstYear: 2021, lastYear: 2023, fromPrevious: true });
      expect(next.basedOn).toBe(plan.id);
      expect(next.title).toBe('Verksamhetsplan 2021–2023');
      expect(next.content.goals.map((g) => g.id)).toEqual(plan.content.goals.map((g) => g.id));
      const matt = next.content.goals[1]!.subGoals[0]!.matt[0]!;
      expect(matt.targets.map((t) => [t.year, t.value])).toEqual([
        [2021, 200],
        [2022, 200],
        [2023, 200],
      ]);
      expect(next.problems).toEqual([]);
      expect(failure(await s.api.call('verksamhetsplan.create', { firstYear: 2010, lastYear: 2010, fromPrevious: true })).message).toBe(
        'Det finns ingen verksamhetsplan före 2010 att utgå från.',
      );
    } finally {
      await s.close();
    }
  });

  it('names what stops an adoption — a mått without target, a share over 100 %, a year outside the period — and saves nothing wrong', async () => {
    const s = await engineSession(engine);
    try {
      const draft = await newPlan(s, { firstYear: 2026, lastYear: 2027 });
      const plan = await save(s, draft, {
        goals: [
          {
            text: 'Fler deltagare går till arbete eller studier',
            matt: [
              { text: 'Andel till arbete eller studier', unit: 'andel', targets: [{ year: 2026, value: 120 }] },
              { text: 'Antal deltagare', unit: 'antal', targets: [{ year: 2029, value: 50 }] },
            ],
          },
        ],
      });
      expect(plan.problems.map((p) => p.message)).toEqual([
        'Måttet ”Andel till arbete eller studier” har andelen 120 % för 2026; en andel ligger mellan 0 och 100 %.',
        'Måttet ”Andel till arbete eller studier” saknar målvärde för 2027. Ange ett tal, ett mål i ord eller en referens.',
        'Måttet ”Antal deltagare” har ett målvärde för 2029, utanför planens period 2026–2027.',
        'Måttet ”Antal deltagare” saknar målvärde för 2026, 2027. Ange ett tal, ett mål i ord eller en referens.',
      ]);
      const refused = failure(await s.api.call('verksamhetsplan.adopt', { id: plan.id, revision: plan.revision, adoptedOn: '2025-11-20' }));
      expect(refused.message).toMatch(
        /^Verksamhetsplan 2026–2027 kan inte fastställas ännu\. Mål 1, mått 1: Måttet ”Andel till arbete eller studier” har andelen 120 %/,
      );
      expect(value(await s.api.call('verksamhetsplan.get', { id: plan.id })).status).toBe('forslag');

      // A stale revision, a period of four years, a plan that ends before it starts.
      const stale = await s.api.call('verksamhetsplan.save', {
        id: plan.id,
        revision: draft.revision,
        title: 'x',
        firstYear: 2026,
        lastYear: 2027,
        content: {},
      });
      expect(failure(stale)).toMatchObject({ code: 'CONFLICT', paths: ['revision'] });
      expect(failure(await s.api.call('verksamhetsplan.create', { firstYear: 2026, lastYear: 2029 })).message).toContain(
        'En verksamhetsplan gäller ett till tre år.',
      );
      expect(failure(await s.api.call('verksamhetsplan.create', { firstYear: 2026, lastYear: 2025 })).paths).toEqual(['lastYear']);
      expect(failure(await s.api.call('verksamhetsplan.adopt', { id: plan.id, revision: plan.revision, adoptedOn: '2025-02-30' })).paths).toEqual([
        'adoptedOn',
      ]);
      expect(value(await s.api.call('verksamhetsplan.get', { id: plan.id })).revision).toBe(plan.revision);

      // A förslag can be removed.
      value(await s.api.call('verksamhetsplan.remove', { id: plan.id, revision: plan.revision }));
      expect(await countRows(s, 'verksamhetsplaner')).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('writes the ärendeblad "Verksamhetsplan och budget" with the plan as bilaga 1, once', async () => {
    const s = await engineSession(engine);
    try {
      const draft = await newPlan(s, { firstYear: 2020, lastYear: 2020 });
      const plan = await save(s, draft, SEED_001);
      value(
        await s.api.call('budget.save', {
          year: 2020,
          lines: [
            { post: 'medlemsavgifter', amountKr: 8_000_000 },
            { post: 'samverkan_individ', amountKr: 6_500_000 },
            { post: 'forvaltning_personal', amountKr: 1_200_000 },
          ],
        }),
      );
      const blad = value(await s.api.call('verksamhetsplan.arendeblad', { id: plan.id }));
      expect(blad.problems).toEqual([]);
      expect(blad.rubrik).toBe('Verksamhetsplan och budget 2020');
      expect(blad.content.forslag.punkter[0]).toBe('fastställa verksamhetsplan med budget för 2020');
      const bilaga = blad.content.bilagor[0]!;
      expect(bilaga.title).toBe('Verksamhetsplan 2020');
      const doc = (await first(s, sql`SELECT arende_id, source, file_name FROM documents WHERE id = ${bilaga.documentId}`)) as Record<string, unknown>;
      expect(doc).toEqual({ arende_id: blad.arendeId, source: `verksamhetsplan:${plan.id}`, file_name: 'Verksamhetsplan 2020 (förslag).pdf' });
      const ärendet = blad.content.sections[0]!.blocks;
      expect(ärendet.some((b) => b.type === 'punktlista' && b.items.includes('Att stödja vidareutveckling av samverkan mellan parterna'))).toBe(true);
      expect(value(await s.api.call('verksamhetsplan.get', { id: plan.id })).arendebladId).toBe(blad.id);
      expect(failure(await s.api.call('verksamhetsplan.arendeblad', { id: plan.id })).code).toBe('CONFLICT');
      // The ärendeblad is ready for its PDF, with the plan listed as bilaga 1.
      expect(words(bytesOf(value(await s.api.call('arendeblad.pdf', { id: blad.id }))))).toContain('Bilagor 1 Verksamhetsplan 2020');
    } finally {
      await s.close();
    }
  });
});

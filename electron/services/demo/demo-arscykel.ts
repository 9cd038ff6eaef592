import type { MethodInput } from '../../../shared/contract/methods';
import { signed, type BudgetPost } from '../../../shared/domain/budget-posts';
import { formatInteger } from '../../../shared/format/sv';
import { finishArendeblad } from './demo-arendeblad';
import type { DemoCredentials } from './demo-certificates';
import { feeTotal } from './demo-economy';
import { weekday } from './timeline';
import { planDate, SLOT, type AgendaEntry, type AgendaSource, type DemoWorld } from './world';

/**
 * The förbund's year around the meetings: verksamhetsplan och budget fastställd each
 * November, last year's bokslut from the books, the årsredovisning in the diarium for
 * April's meeting, and the delårsrapport for October's.
 */

type PlanContent = MethodInput<'verksamhetsplan.save'>['content'];

function planContent(year: number): PlanContent {
  return {
    vision: 'Alla som behöver samordnade insatser från parterna får det, så att fler kan försörja sig själva genom arbete eller studier.',
    strategi:
      'Förbundet finansierar individinriktade insatser där parterna arbetar tillsammans, strukturinriktade insatser som gör samverkan varaktig och kompetenshöjande insatser för parternas personal. Fördelningen följer riktlinjen 60/30/10 %.',
    sections: [
      {
        heading: 'Inledning',
        body: `Verksamhetsplanen anger inriktning, mål och budget för ${year} med plan för de två följande åren. Den bygger på parternas gemensamma behovsanalys och lokusgruppernas erfarenheter.`,
      },
      {
        heading: 'Prioriterade målgrupper',
        body: 'Unga vuxna 18–29 år som varken arbetar eller studerar, personer med aktivitetsersättning eller sjukersättning, och personer med långvarigt försörjningsstöd.',
      },
    ],
    goals: [
      {
        text: 'Fler deltagare i förbundets insatser går till arbete eller studier.',
        years: [year],
        matt: [
          {
            text: 'Andel avslutade deltagare som gått till arbete eller studier.',
            unit: 'andel',
            source: 'andel_arbete_studier',
            targets: [{ year, value: 35, reference: { label: 'rikssnittet', value: 33 } }],
          },
        ],
        aktiviteter: [{ text: 'Insatsernas resultat följs upp i SUS varje halvår.', ansvarig: 'Förbundschef', senast: 'Augusti och februari' }],
      },
      {
        text: 'Parternas personal har kunskap om varandras uppdrag.',
        years: [year],
        matt: [{ text: 'Deltagare i kompetenshöjande insatser.', unit: 'antal', source: 'deltagare_kompetens', targets: [{ year, value: 150 }] }],
      },
      {
        text: 'Förbundets medel används till det de är avsedda för.',
        years: [year],
        matt: [
          { text: 'Förbrukningskvot, utfall mot budget.', unit: 'andel', comparison: 'minst', source: 'forbrukningskvot', targets: [{ year, value: 90 }] },
        ],
      },
    ],
  };
}

/** Makes and saves next year's plan as a förslag; returns its id. */
async function writePlan(world: DemoWorld, year: number): Promise<number> {
  const created = await world.call('verksamhetsplan.create', { firstYear: year, lastYear: year + 2, title: `Verksamhetsplan och budget ${year}` });
  const saved = await world.call('verksamhetsplan.save', {
    id: created.id,
    revision: created.revision,
    title: created.title,
    firstYear: year,
    lastYear: year + 2,
    content: planContent(year),
  });
  return saved.id;
}

async function adoptPlan(world: DemoWorld, id: number, adoptedOn: string, paragraph: number | null): Promise<void> {
  const plan = await world.call('verksamhetsplan.get', { id });
  await world.call('verksamhetsplan.adopt', { id, revision: plan.revision, adoptedOn, paragraph: paragraph === null ? undefined : `§ ${paragraph}` });
}

const BAS: Partial<Record<BudgetPost, { account: string; name: string }>> = {
  medlemsavgifter: { account: '3010', name: 'Medlemsavgifter' },
  finansiella_intakter: { account: '8310', name: 'Ränteintäkter' },
  utveckling: { account: '4510', name: 'Övriga utvecklingsinsatser' },
  fortroendevalda: { account: '7690', name: 'Arvoden förtroendevalda' },
  forvaltning_personal: { account: '7010', name: 'Löner tjänstemän' },
  forvaltning_lokaler: { account: '5010', name: 'Lokalhyra' },
  forvaltning_ovrigt: { account: '5410', name: 'Förbrukningsinventarier och övrig drift' },
};

/** Last year's saldon as the books close them: the resultat accounts from the year's utfall, the balance that follows. */
async function bokslut(world: DemoWorld, year: number, openingEquityKr: number): Promise<void> {
  const bmu = await world.call('ekonomi.budgetMotUtfall', { year });
  const res = new Map<string, { account: string; name: string; resKr: number }>();
  let resultKr = 0;
  for (const p of bmu.posts) {
    // SIE's sign (debit positive) is the opposite of the result's.
    const debit = -signed(p.post, p.utfallKr);
    resultKr -= debit;
    const bas = p.post.startsWith('samverkan_') ? { account: '4010', name: 'Samverkansinsatser' } : BAS[p.post];
    if (!bas || p.utfallKr === 0) continue;
    const row = res.get(bas.account) ?? { ...bas, resKr: 0 };
    row.resKr += debit;
    res.set(bas.account, row);
  }
  const payables = 2_100_000;
  const receivables = 64_000;
  await world.call('bokslut.saveSaldon', {
    year,
    accounts: [
      ...[...res.values()].map((r) => ({ account: r.account, name: r.name, resKr: Math.round(r.resKr) })),
      { account: '1510', name: 'Kundfordringar', ibKr: 58_000, ubKr: receivables },
      {
        account: '1930',
        name: 'Företagskonto',
        ibKr: openingEquityKr + 1_900_000 - 58_000,
        ubKr: Math.round(openingEquityKr + payables - receivables + resultKr),
      },
      { account: '2091', name: 'Överskott från tidigare år', ibKr: -openingEquityKr, ubKr: -openingEquityKr },
      { account: '2440', name: 'Leverantörsskulder', ibKr: -1_900_000, ubKr: -payables },
    ],
  });
}

/** An ärendeblad from a template, its «fält» given and its one bilaga a document in the ärende. */
async function fromTemplate(
  world: DemoWorld,
  template: 'arsredovisning' | 'delarsrapport',
  arendeId: number | undefined,
  texts: Record<string, string>,
  bilaga: (arendeId: number) => Promise<{ title: string; documentId: number }>,
): Promise<AgendaEntry> {
  const blad = await world.call('arendeblad.create', { template, arendeId, datum: world.tl.day });
  const { title, documentId } = await bilaga(blad.arendeId);
  const saved = await finishArendeblad(world, blad.id, texts, { [title]: documentId }, { onlyThese: true });
  return { kind: 'beslut', title: saved.rubrik, arendeId: saved.arendeId };
}

/** The förvaltningsberättelse's texts, as a förbundschef writes them. */
function annualTexts(year: number): Record<'inledning' | 'arets_verksamhet' | 'vasentliga_handelser' | 'framtid', string> {
  return {
    inledning:
      'Samordningsförbundet Uppsala län bildades med stöd av lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. Förbundets medlemmar är Försäkringskassan, Arbetsförmedlingen, Region Uppsala och länets åtta kommuner. Förbundet finansierar samverkansinsatser för personer i behov av samordnad rehabilitering.',
    arets_verksamhet: `Under ${year} har förbundet finansierat individinriktade, strukturinriktade och kompetenshöjande insatser i länets kommuner. Nya insatser har beviljats i Enköping och Uppsala, och lokusgrupperna har fortsatt att samla parterna lokalt.`,
    vasentliga_handelser: `Styrelsen fastställde riskanalys och internkontrollplan för ${year}. Uppföljningen visade en avvikelse i rutinen för utbetalning till insatser, som har åtgärdats.`,
    framtid: `Inför ${year + 1} prioriterar förbundet unga vuxna som varken arbetar eller studerar. Det egna kapitalet är större än riktlinjen och ska användas till nya insatser under de kommande åren.`,
  };
}

const tkr = (kr: number) => `${formatInteger(Math.round(kr / 1000))} tkr`;

export function planArscykel(world: DemoWorld, certificate: (name: string) => Promise<DemoCredentials>): AgendaSource {
  const { tl, year } = world;
  const plans = new Map<number, number>();
  for (const planYear of [year - 1, year, year + 1]) {
    tl.at(`${planYear - 1}-10-15`, async () => {
      plans.set(planYear, await writePlan(world, planYear));
    });
    const decidedOn = planDate(planYear - 1, SLOT.budget);
    if (world.heldMeeting(planYear - 1, SLOT.budget) === null) {
      tl.at(decidedOn, async () => {
        const id = plans.get(planYear);
        if (id !== undefined) await adoptPlan(world, id, decidedOn, null);
      });
    }
  }
  tl.at(weekday(`${year}-02-10`), async () => bokslut(world, year - 1, (await world.call('ekonomi.settings', {})).openingEquityKr ?? 0));
  tl.at(weekday(`${year}-03-05`), async () => {
    await world.call('arsredovisning.saveTexts', { year: year - 1, texts: annualTexts(year - 1) });
    await world.call('arsredovisning.store', { year: year - 1, signedOn: planDate(year, SLOT.arsredovisning) });
  });
  // The delårsrapport to the end of August, with the budget as prognos.
  tl.at(weekday(`${year}-09-25`), async () => {
    await world.call('delarsrapport.save', { year, toMonth: 8, prognos: [] });
  });

  return async (meeting) => {
    const y = Number(meeting.heldOn.slice(0, 4));
    const entries: AgendaEntry[] = [];
    if (meeting.slot === SLOT.budget && plans.has(y + 1)) {
      const id = plans.get(y + 1) ?? 0;
      const blad = await world.call('verksamhetsplan.arendeblad', { id });
      await finishArendeblad(world, blad.id, {
        '«Inriktning, prioriterade målgrupper och budgetens huvuddrag.»': `Planen prioriterar unga vuxna som varken arbetar eller studerar och personer med långvarigt försörjningsstöd. Budgeten ${y + 1} bygger på medlemsavgifter om ${formatInteger(feeTotal(world, y + 1))} kr och fördelar medlen enligt riktlinjen 60/30/10 %.`,
        '«Bedömning av budgeten i förhållande till god ekonomisk hushållning.»':
          'Underskottet täcks av eget kapital, som i dag är större än riktlinjen; budgeten bedöms vara förenlig med god ekonomisk hushållning.',
      });
      entries.push({
        kind: 'beslut',
        title: blad.rubrik,
        arendeId: blad.arendeId,
        decided: async (paragraph) => {
          await adoptPlan(world, id, meeting.heldOn, paragraph);
          await world.call('budget.decide', { year: y + 1, kind: 'faststalld', decidedOn: meeting.heldOn });
        },
      });
    }
    if (meeting.slot === SLOT.arsredovisning && y === year) {
      const arende = (await world.call('arenden.list', { year })).find((a) => a.title === `Årsredovisning ${year - 1}`);
      const document = arende === undefined ? undefined : (await world.call('arenden.get', { id: arende.id })).documents.at(-1);
      if (arende && document) {
        const entry = await fromTemplate(world, 'arsredovisning', arende.id, {}, async () => ({
          title: `Årsredovisning ${year - 1}`,
          documentId: document.id,
        }));
        // Approved, the ordinarie ledamöter sign it at the meeting, each in the field with their name.
        entry.decided = async () => {
          const { signers } = await world.call('arsredovisning.get', { year: year - 1, signedOn: meeting.heldOn });
          let documentId = document.id;
          for (const signer of signers) {
            const withSignature = await world.call('documents.sign', {
              documentId,
              credentials: { ...(await certificate(signer.name)), role: signer.roleTitle ?? 'Ledamot' },
            });
            documentId = withSignature.id;
          }
        };
        entries.push(entry);
      }
    }
    if (meeting.slot === SLOT.delarsrapport && y === year) {
      const r = (await world.call('delarsrapport.get', { year, toMonth: 8 })).result;
      const pdf = await world.call('delarsrapport.pdf', { year, toMonth: 8 });
      const texts = {
        '«Periodens resultat och prognos för helåret.»': `Resultatet för perioden är ${tkr(r.utfallPeriodKr)} mot periodens budget ${tkr(r.budgetPeriodKr)}; prognosen för helåret är ${tkr(r.prognosKr)}.`,
        '«Bedömning av måluppfyllelse och ekonomi.»': 'Insatserna förbrukar något mindre än budgeterat. Målen bedöms i huvudsak nås under året.',
      };
      entries.push(
        await fromTemplate(world, 'delarsrapport', undefined, texts, async (arendeId) => {
          const doc = await world.call('documents.add', { arendeId, fileName: pdf.fileName, contentBase64: pdf.contentBase64 });
          return { title: `Delårsrapport ${year}`, documentId: doc.id };
        }),
      );
    }
    return entries;
  };
}

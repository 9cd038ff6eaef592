import type { BudgetPost } from '../../../shared/domain/budget-posts';
import { addDays, monthEnd } from './timeline';
import { planDate, round, SLOT, wobble, type AgendaSource, type DemoWorld } from './world';

/**
 * The demo's ekonomi: medlemsavgifter split by folkmängd, a budget fastställd each
 * December for the year after, utfall booked month by month, the years before Kansli
 * as history, and last year closed. Figures in the size of seed 003's förbund.
 */

/** The medlemsavgift for a year: a little more each year. */
export function feeTotal(world: DemoWorld, year: number): number {
  return 23_400_000 + (year - (world.year - 1)) * 600_000;
}

function budgetLines(world: DemoWorld, year: number): { post: BudgetPost; amountKr: number }[] {
  const fee = feeTotal(world, year);
  const lines: [BudgetPost, number][] = [
    ['medlemsavgifter', fee],
    ['finansiella_intakter', 40_000],
    ['samverkan_individ', round(fee * 0.55, 10_000)],
    ['samverkan_struktur', round(fee * 0.15, 10_000)],
    ['samverkan_kompetens', round(fee * 0.05, 10_000)],
    ['samverkan_ej_fordelat', round(fee * 0.08, 10_000)],
    ['utveckling', 300_000],
    ['fortroendevalda', 420_000],
    ['forvaltning_personal', 3_000_000 + (year - world.year) * 90_000],
    ['forvaltning_lokaler', 340_000],
    ['forvaltning_ovrigt', 450_000],
  ];
  return lines.map(([post, amountKr]) => ({ post, amountKr }));
}

const BALANCE_REASON = 'Underskottet täcks av eget kapital, som är större än riktlinjen medger.';

/** Folkmängd on 1 November, near the real figures of the papers' kommuner, for the three years before this one. */
const POPULATION: Record<string, number> = {
  Enköping: 46_400,
  Heby: 14_300,
  Håbo: 22_600,
  Knivsta: 20_700,
  Tierp: 21_700,
  Uppsala: 245_200,
  Älvkarleby: 9_600,
  Östhammar: 22_300,
};

async function populations(world: DemoWorld): Promise<void> {
  for (const [shortName, base] of Object.entries(POPULATION)) {
    const m = world.member(shortName);
    const added = [world.year - 3, world.year - 2, world.year - 1].map((year, i) => ({
      year,
      population: round(base * (1 + (i - 2) * 0.008), 1) + (m.id % 7),
    }));
    const kept = m.populations.filter((p) => !added.some((a) => a.year === p.year));
    await world.call('members.save', {
      id: m.id,
      name: m.name,
      shortName: m.shortName ?? undefined,
      kind: m.kind,
      orgNr: m.orgNr,
      populations: [...kept, ...added],
    });
  }
}

async function history(world: DemoWorld): Promise<void> {
  const settings = await world.call('ekonomi.settings', {});
  await world.call('ekonomi.saveSettings', {
    reservfondKr: settings.reservfondKr,
    guidelinePercent: settings.guidelinePercent,
    openingYear: world.year - 1,
    openingEquityKr: 3_640_000,
  });
  for (let year = world.year - 6; year <= world.year - 2; year++) {
    const anslagKr = 20_400_000 + (year - (world.year - 6)) * 600_000;
    const samverkanKr = round(anslagKr * 0.79, 1);
    const fortroendevaldaKr = 380_000 + (year % 3) * 12_000;
    const forvaltningKr = 3_520_000 + (year - (world.year - 6)) * 70_000;
    await world.call('ekonomi.saveHistory', {
      year,
      anslagKr,
      samverkanKr,
      fortroendevaldaKr,
      forvaltningKr,
      sidointakterKr: 0,
      resultatKr: anslagKr - samverkanKr - fortroendevaldaKr - forvaltningKr,
    });
  }
}

/** One month's utfall on the förbund's own posts (insatser book their own). */
async function bookMonth(world: DemoWorld, year: number, month: number, meetingsInMonth: number): Promise<void> {
  const lines = budgetLines(world, year);
  const budget = (post: BudgetPost) => lines.find((l) => l.post === post)?.amountKr ?? 0;
  const on = monthEnd(year, month);
  const mm = String(month).padStart(2, '0');
  const book = (post: BudgetPost, amountKr: number, text: string) => world.call('utfall.save', { bookedOn: on, post, amountKr, text });
  if (month % 3 === 1) await book('medlemsavgifter', feeTotal(world, year) / 4, `Medlemsavgifter kvartal ${(month + 2) / 3}`);
  await book('forvaltning_personal', round((budget('forvaltning_personal') / 12) * wobble(month), 1), `Löner och arbetsgivaravgifter ${year}-${mm}`);
  await book('forvaltning_lokaler', round(budget('forvaltning_lokaler') / 12, 1), `Hyra ${year}-${mm}`);
  await book('forvaltning_ovrigt', round((budget('forvaltning_ovrigt') / 12) * wobble(month + 3), 1), `Kontor, IT och revision ${year}-${mm}`);
  if (meetingsInMonth > 0) await book('fortroendevalda', 64_500 * meetingsInMonth, `Arvoden och reseersättningar, styrelsen ${year}-${mm}`);
  if (month === 5 || month === 11) await book('utveckling', 135_000, month === 5 ? 'Konferens för lokusgrupperna' : 'Utvecklingsdag för parterna');
  if (month === 12) await book('finansiella_intakter', 38_400, 'Ränta på placeringskonto');
  // Insatser beviljade innan förbundet började använda Kansli, faktureras månadsvis; fewer as they end.
  const older = year < world.year ? 1 : 0.55;
  await book('samverkan_individ', round(790_000 * older * wobble(month + 1), 100), `Insatser beviljade före Kansli, individinriktade ${year}-${mm}`);
  await book('samverkan_struktur', round(240_000 * wobble(month + 2), 100), `Lokussamordnare och strukturinsatser före Kansli ${year}-${mm}`);
  await book('samverkan_kompetens', round(75_000 * wobble(month + 5), 100), `Utbildningsinsatser före Kansli ${year}-${mm}`);
}

function heldIn(world: DemoWorld, year: number, month: number): number {
  const prefix = `${year}-${String(month).padStart(2, '0')}`;
  return world.meetings.filter((m) => m.held && m.heldOn.startsWith(prefix)).length;
}

/** October's meeting fastställer next year's medlemsavgift; others hear how the money goes (November's budget comes with the verksamhetsplan). */
export const economyAgenda: (world: DemoWorld) => AgendaSource = (world) => async (meeting) => {
  const year = Number(meeting.heldOn.slice(0, 4));
  if (meeting.slot === SLOT.delarsrapport) {
    const blad = await world.call('ekonomi.arendeblad', { kind: 'medlemsavgifter', year: year + 1, charts: [] });
    return [
      {
        kind: 'beslut',
        title: blad.rubrik,
        arendeId: blad.arendeId,
        decided: async () => {
          await world.call('medlemsavgifter.save', {
            year: year + 1,
            totalKr: feeTotal(world, year + 1),
            populationYear: year - 1,
            status: 'faststalld',
            dueOn: `${year + 1}-01-31`,
          });
        },
      },
    ];
  }
  if (meeting.slot === SLOT.juni || meeting.slot === SLOT.september || meeting.slot === SLOT.december) {
    const blad = await world.call('ekonomi.arendeblad', { kind: 'ekonomisk_information', year, charts: [] });
    return [{ kind: 'information', title: blad.rubrik, arendeId: blad.arendeId }];
  }
  return [];
};

export function planEconomy(world: DemoWorld): void {
  const { tl, year } = world;
  tl.at(`${year - 2}-09-01`, async () => {
    await populations(world);
    await history(world);
  });
  for (const budgetYear of [year - 1, year, year + 1]) {
    const decidedOn = planDate(budgetYear - 1, SLOT.budget);
    // The förslag is written in November, and the preliminary medlemsavgift in October, before the meetings that decide them.
    tl.at(`${budgetYear - 1}-10-01`, async () => {
      await world.call('medlemsavgifter.save', {
        year: budgetYear,
        totalKr: feeTotal(world, budgetYear),
        populationYear: budgetYear - 2,
        status: 'preliminar',
      });
    });
    tl.at(`${budgetYear - 1}-11-15`, async () => {
      await world.call('budget.save', { year: budgetYear, lines: budgetLines(world, budgetYear), balanceReason: BALANCE_REASON });
    });
    // A decision the demo's meetings do not hold (before its twelve months) is taken on the day all the same.
    if (world.heldMeeting(budgetYear - 1, SLOT.budget) === null) {
      tl.at(decidedOn, async () => {
        await world.call('budget.decide', { year: budgetYear, kind: 'faststalld', decidedOn });
      });
    }
    if (world.heldMeeting(budgetYear - 1, SLOT.delarsrapport) === null) {
      tl.at(planDate(budgetYear - 1, SLOT.delarsrapport), async () => {
        await world.call('medlemsavgifter.save', {
          year: budgetYear,
          totalKr: feeTotal(world, budgetYear),
          populationYear: budgetYear - 2,
          status: 'faststalld',
          dueOn: `${budgetYear}-01-31`,
        });
      });
    }
  }
  for (const y of [year - 1, year]) {
    for (let month = 1; month <= 12; month++) {
      const on = monthEnd(y, month);
      // A month is booked when it has ended (the books close a few days after).
      tl.at(addDays(on, 5) < world.today ? on : addDays(world.today, 1), () => bookMonth(world, y, month, heldIn(world, y, month)));
    }
  }
  tl.at(`${year}-03-20`, async () => {
    await world.call('years.close', { year: year - 1 });
  });
}

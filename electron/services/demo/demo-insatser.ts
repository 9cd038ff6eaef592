import type { Application, Kategori } from '../../../shared/contract/schemas/insatser';
import { demoArenden } from '../../../db/seed/demo-diarium';
import { formatInteger } from '../../../shared/format/sv';
import { finishArendeblad, incomingPdf } from './demo-arendeblad';
import { addDays, isoDay, monthEnd, weekday } from './timeline';
import { firstMeetingFrom, round, wobble, type AgendaSource, type DemoWorld } from './world';

/**
 * The demo's ansökningar and insatser: some granted before the twelve months began and
 * running, some decided at this year's meetings (one partly, one refused), one on the
 * next meeting's dagordning and one that came in days ago. Granted insatser are
 * followed up as the kansli does: rekvisitioner each quarter, utfall each month,
 * deltagare (aggregated) and the insatsägare's årsrapport.
 */

interface DemoAnsokan {
  name: string;
  kategori: Kategori;
  /** Short names; the first is the insatsägare. */
  parties: string[];
  /** Days before today that it came in (one that came in as an ärende of the demo diarium: that ärende's day). */
  daysAgo: number;
  months: number;
  perYearKr: number;
  participantsPerYear: number | null;
  malgrupp: string;
  syfte: string;
  effektmal: string[];
  insatsmal: string[];
  /** The board's answer: bifall unless said (delvis: this share of the sought amount). */
  outcome?: { kind: 'delvis'; share: number; reason: string } | { kind: 'avslag'; reason: string };
  /** An inkommande ärende already in the diarium (the demo's diarium) that the ansökan came in as. */
  arendeTitle?: string;
}

const ANSOKNINGAR: readonly DemoAnsokan[] = [
  {
    name: 'Samverkansteam Enköping',
    kategori: 'individ',
    parties: ['Enköping', 'FK', 'AF', 'Region'],
    daysAgo: 640,
    months: 36,
    perYearKr: 3_200_000,
    participantsPerYear: 85,
    malgrupp: 'Personer 18–64 år med sjukersättning, aktivitetsersättning eller långvarigt försörjningsstöd.',
    syfte: 'Ett gemensamt team från parterna ger samordnat stöd mot arbete eller studier.',
    effektmal: ['Minst 35 % av deltagarna går till arbete eller studier.'],
    insatsmal: ['85 deltagare per år.', 'Varje deltagare har en gemensam planering med parterna inom fyra veckor.'],
  },
  {
    name: 'Steget vidare – arbetsträning i Uppsala',
    kategori: 'individ',
    parties: ['Uppsala', 'AF', 'FK'],
    daysAgo: 520,
    months: 24,
    perYearKr: 4_100_000,
    participantsPerYear: 120,
    malgrupp: 'Unga vuxna 18–29 år som varken arbetar eller studerar.',
    syfte: 'Arbetsträning med handledare hos arbetsgivare i kommunen, med stöd från Arbetsförmedlingen och Försäkringskassan.',
    effektmal: ['Minst 40 % av deltagarna går till arbete eller studier.'],
    insatsmal: ['120 deltagare per år.'],
  },
  {
    name: 'Lokussamordnare Heby',
    kategori: 'struktur',
    parties: ['Heby', 'AF', 'FK', 'Region'],
    daysAgo: 330,
    months: 24,
    perYearKr: 380_000,
    participantsPerYear: null,
    malgrupp: 'Lokusgruppen i Heby och de handläggare hos parterna som möter målgruppen.',
    syfte: 'En samordnare på 40 % håller ihop lokusgruppen och parternas gemensamma rutiner.',
    effektmal: ['Parterna har gemensamma rutiner för remisser mellan sig.'],
    insatsmal: ['Lokusgruppen träffas varje månad.'],
  },
  {
    name: 'Motiverande samtal – utbildning för lokusgrupperna',
    kategori: 'kompetens',
    parties: ['Region', 'Uppsala', 'Tierp'],
    daysAgo: 250,
    months: 9,
    perYearKr: 180_000,
    participantsPerYear: null,
    malgrupp: 'Personal hos parterna som möter personer i behov av samordnad rehabilitering.',
    syfte: 'Gemensam utbildning i motiverande samtal, fyra tillfällen i varje länsdel.',
    effektmal: ['Deltagarna använder metoden i sitt arbete sex månader efter utbildningen.'],
    insatsmal: ['160 deltagare från minst tre parter.'],
  },
  {
    name: 'Digital vägledning för arbetssökande',
    kategori: 'struktur',
    parties: ['Håbo', 'AF'],
    daysAgo: 175,
    months: 12,
    perYearKr: 450_000,
    participantsPerYear: null,
    malgrupp: 'Arbetssökande i Håbo.',
    syfte: 'En digital tjänst för vägledning till arbetsmarknadens insatser.',
    effektmal: ['Fler arbetssökande hittar rätt insats.'],
    insatsmal: ['Tjänsten är i drift inom sex månader.'],
    outcome: {
      kind: 'avslag',
      reason: 'Insatsen bedöms inte vara en samverkansinsats mellan parterna; den ryms i Arbetsförmedlingens ordinarie uppdrag.',
    },
  },
  {
    name: 'Unga till arbete i Knivsta',
    kategori: 'individ',
    parties: ['Knivsta', 'AF', 'FK'],
    daysAgo: 120,
    months: 24,
    perYearKr: 1_600_000,
    participantsPerYear: 40,
    malgrupp: 'Unga vuxna 18–29 år med aktivitetsersättning eller försörjningsstöd.',
    syfte: 'Individuellt stöd enligt IPS-metoden med arbetsspecialister.',
    effektmal: ['Minst 30 % av deltagarna har arbete eller studier när de avslutas.'],
    insatsmal: ['40 deltagare per år.'],
    outcome: { kind: 'delvis', share: 0.75, reason: 'Beviljas för två arbetsspecialister i stället för tre, i avvaktan på utvärdering efter första året.' },
  },
  {
    name: 'Arbetsträning Tierp',
    kategori: 'individ',
    parties: ['Tierp', 'AF', 'FK', 'Region'],
    daysAgo: 25,
    months: 36,
    perYearKr: 2_900_000,
    participantsPerYear: 60,
    malgrupp: 'Personer långt från arbetsmarknaden med behov av samordnade insatser.',
    syfte: 'Arbetsträning i kommunens egen regi med stöd av parternas handläggare.',
    effektmal: ['Minst 30 % av deltagarna går till arbete eller studier.'],
    insatsmal: ['60 deltagare per år.'],
    arendeTitle: 'Ansökan om medel – Arbetsträning Tierp',
  },
  {
    name: 'Kompetenshöjande insats om samverkan',
    kategori: 'kompetens',
    parties: ['FK', 'AF', 'Region', 'Uppsala'],
    daysAgo: 4,
    months: 6,
    perYearKr: 95_000,
    participantsPerYear: null,
    malgrupp: 'Personal hos parterna.',
    syfte: 'En utbildningsdag om samordnad rehabilitering och parternas uppdrag.',
    effektmal: ['Deltagarna känner till parternas uppdrag och kontaktvägar.'],
    insatsmal: ['200 deltagare.'],
    arendeTitle: 'Ansökan om medel – Kompetenshöjande insats om samverkan',
  },
];

/** The insats's months from the first of the month two months after the decision. */
function period(decidedOn: string, months: number): { startsOn: string; endsOn: string } {
  const d = new Date(`${decidedOn}T12:00:00Z`);
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0));
  return { startsOn: isoDay(start), endsOn: isoDay(end) };
}

/** Months of the period in each calendar year. */
function monthsByYear(startsOn: string, endsOn: string): Map<number, number> {
  const out = new Map<number, number>();
  let y = Number(startsOn.slice(0, 4));
  let m = Number(startsOn.slice(5, 7));
  const last = Number(endsOn.slice(0, 4)) * 12 + Number(endsOn.slice(5, 7));
  while (y * 12 + m <= last) {
    out.set(y, (out.get(y) ?? 0) + 1);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function years(a: DemoAnsokan, p: { startsOn: string; endsOn: string }) {
  return [...monthsByYear(p.startsOn, p.endsOn)].map(([year, months]) => ({
    year,
    soughtKr: round((a.perYearKr * months) / 12),
    participants: a.participantsPerYear === null ? null : Math.round((a.participantsPerYear * months) / 12),
  }));
}

/** The first board meeting at least three weeks after the ansökan came in decides it (before the demo's meetings: on that day all the same). */
function decisionDay(world: DemoWorld, receivedOn: string): { on: string; atMeeting: boolean } {
  const first = firstMeetingFrom(world, addDays(receivedOn, 21));
  return { on: first.heldOn, atMeeting: first.meeting !== null };
}

/** The board's answer to an ansökan: the outcome, and for delvis bifall the granted share of each year's sought amount. */
function answer(a: DemoAnsokan, app: Application) {
  const outcome: 'bifall' | 'delvis' | 'avslag' = a.outcome?.kind ?? 'bifall';
  const share = a.outcome?.kind === 'delvis' ? a.outcome.share : null;
  return { outcome, granted: share === null ? [] : app.years.map((y) => ({ year: y.year, amountKr: round(y.soughtKr * share) })) };
}

const FIT = '«Hur insatsen svarar mot inriktningen och de prioriterade målgrupperna.»';

/** The förbundschef's bedömning of how the ansökan fits the year's inriktning. */
function fit(a: DemoAnsokan): string {
  if (a.outcome?.kind === 'avslag')
    return `Insatsen riktar sig till ${a.malgrupp.charAt(0).toLowerCase()}${a.malgrupp.slice(1, -1)}, men den bygger inte på samverkan mellan parterna.`;
  const kind = { individ: 'en individinriktad insats', struktur: 'en strukturinriktad insats', kompetens: 'en kompetenshöjande insats' }[a.kategori];
  return `Det är ${kind} för ${a.malgrupp.charAt(0).toLowerCase()}${a.malgrupp.slice(1, -1)}, i linje med verksamhetsplanens prioriterade målgrupper; ${a.parties.length} parter står bakom den.`;
}

export interface InsatserPlan {
  agenda: AgendaSource;
}

export function planInsatser(world: DemoWorld, now: Date): InsatserPlan {
  const diarium = demoArenden(now);
  const waiting: { a: DemoAnsokan; app: Application; documentId: number }[] = [];

  const decide = async (a: DemoAnsokan, app: Application, documentId: number, decidedOn: string) => {
    const { outcome, granted } = answer(a, app);
    const decided = await world.call('insatser.decide', {
      id: app.id,
      by: 'styrelse',
      outcome,
      granted,
      reason: a.outcome?.reason,
      decidedOn,
    });
    // A decision taken without a meeting of the demo gets its ärendeblad all the same: finished like the others.
    const blad = decided.decision?.arendebladId ?? null;
    if (blad !== null) await finishArendeblad(world, blad, { [FIT]: fit(a) }, { [`Ansökan ${a.name}`]: documentId });
    if (decided.insatsId !== null) await followUp(world, a, decided.insatsId);
  };

  // Each year's goal for the share to work or studies (the rikssnitt) and the 60/30/10 riktlinje.
  for (const year of [world.year - 1, world.year]) {
    world.tl.at(weekday(`${year}-01-08`), async () => {
      await world.call('insatser.targets', { year, workStudyTarget: 0.34, guideline: { individ: 60, struktur: 30, kompetens: 10 } });
    });
  }

  for (const a of ANSOKNINGAR) {
    const receivedOn = diarium.find((x) => x.title === a.arendeTitle)?.receivedOn ?? weekday(addDays(world.today, -a.daysAgo));
    const when = decisionDay(world, receivedOn);
    world.tl.at(receivedOn, async () => {
      const arendeId =
        a.arendeTitle === undefined ? undefined : (await world.call('arenden.list', { kind: 'inkommande' })).find((x) => x.title === a.arendeTitle)?.id;
      const p = period(when.atMeeting || when.on <= world.today ? when.on : addDays(world.today, 30), a.months);
      const owner = world.member(a.parties[0] ?? '');
      const app = await world.call('insatser.saveApplication', {
        kind: 'ny',
        arendeId,
        name: a.name,
        kategori: a.kategori,
        parties: a.parties.map((s) => world.member(s).id),
        ownerMemberId: owner.id,
        malgrupp: a.malgrupp,
        syfte: a.syfte,
        effektmal: a.effektmal,
        insatsmal: a.insatsmal,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        years: years(a, p),
        sus: a.kategori === 'individ',
        lokusAgrees: true,
        receivedOn,
      });
      const parties = a.parties.map((x) => world.member(x).name);
      const pdf = await incomingPdf(`Ansökan om medel – ${a.name}`, [
        `Insatsägare: ${parties[0] ?? ''}. Samverkansparter: ${parties.join(', ')}.`,
        `Period: ${p.startsOn} – ${p.endsOn}. Sökt belopp: ${formatInteger(a.perYearKr)} kr per år.`,
        `Målgrupp: ${a.malgrupp}`,
        `Syfte: ${a.syfte}`,
        `Effektmål: ${a.effektmal.join(' ')}`,
        `Insatsmål: ${a.insatsmal.join(' ')}`,
        'Ansökan är förankrad i lokusgruppen och samtliga parter står bakom den.',
      ]);
      const doc = await world.call('documents.add', {
        arendeId: app.arendeId,
        fileName: `Ansökan ${a.name}.pdf`,
        title: `Ansökan ${a.name}`,
        contentBase64: pdf,
      });
      if (when.atMeeting) waiting.push({ a, app, documentId: doc.id });
      else world.tl.at(when.on, () => decide(a, app, doc.id, when.on));
    });
  }

  const agenda: AgendaSource = async (meeting) => {
    const ready = waiting.filter((w) => w.app.receivedOn <= addDays(meeting.heldOn, -21));
    const entries = [];
    for (const w of ready) {
      waiting.splice(waiting.indexOf(w), 1);
      const { outcome, granted } = answer(w.a, w.app);
      const proposed = await world.call('insatser.proposal', { id: w.app.id, outcome, granted, reason: w.a.outcome?.reason, datum: world.tl.day });
      if (proposed.arendebladId !== null) {
        await finishArendeblad(world, proposed.arendebladId, { [FIT]: fit(w.a) }, { [`Ansökan ${w.a.name}`]: w.documentId });
      }
      entries.push({
        kind: 'beslut' as const,
        title: `Ansökan om medel – ${w.a.name}`,
        arendeId: proposed.arendeId,
        decided: () => decide(w.a, proposed, w.documentId, meeting.heldOn),
      });
    }
    return entries;
  };
  return { agenda };
}

/** Rekvisitioner, utfall, deltagare and reports for a granted insats, each on its day. */
async function followUp(world: DemoWorld, a: DemoAnsokan, insatsId: number): Promise<void> {
  const { tl } = world;
  {
    const insats = await world.call('insatser.get', { id: insatsId });
    const granted = new Map(insats.budget.map((b) => [b.year, b.budgetKr]));
    const months = monthsByYear(insats.startsOn, insats.endsOn);
    const post = `samverkan_${a.kategori}` as const;
    tl.at(insats.startsOn, async () => {
      await world.call('insatser.update', {
        id: insatsId,
        status: 'pagaende',
        styrgrupp: `Lokusgruppen ${a.parties[0] ?? ''} med företrädare för ${a.parties.length} parter.`,
      });
    });
    let n = 0;
    for (const [year, count] of months) {
      const perMonth = (granted.get(year) ?? 0) / count;
      const first = year === Number(insats.startsOn.slice(0, 4)) ? Number(insats.startsOn.slice(5, 7)) : 1;
      for (let month = first; month < first + count; month++) {
        n += 1;
        const on = monthEnd(year, month);
        if (addDays(on, 5) >= world.today) continue;
        tl.at(on, async () => {
          await world.call('utfall.save', {
            bookedOn: on,
            post,
            insatsId,
            amountKr: round(perMonth * 0.93 * wobble(n), 100),
            text: `${a.name}, faktura ${year}-${String(month).padStart(2, '0')}`,
          });
        });
        if ((month - first) % 3 === 0) {
          const paidOn = weekday(`${year}-${String(month).padStart(2, '0')}-20`);
          const to = monthEnd(year, Math.min(month + 2, first + count - 1));
          tl.at(paidOn, async () => {
            await world.call('insatser.saveRequisition', {
              insatsId,
              paidOn,
              amountKr: round(perMonth * Math.min(3, first + count - month)),
              periodFrom: `${year}-${String(month).padStart(2, '0')}-01`,
              periodTo: to,
            });
          });
        }
      }
      if (a.participantsPerYear !== null) {
        const deltagare = Math.round((a.participantsPerYear * count) / 12);
        const avslutade = Math.round(deltagare * 0.55);
        tl.at(year < world.year ? `${year}-12-31` : world.today, async () => {
          await world.call('insatser.saveParticipants', {
            insatsId,
            year,
            deltagare,
            kvinnor: Math.round(deltagare * 0.56),
            man: deltagare - Math.round(deltagare * 0.56),
            avslutade,
            tillArbete: Math.round(avslutade * 0.27),
            tillStudier: Math.round(avslutade * 0.09),
            byKon: {
              avslutadeKvinnor: Math.round(avslutade * 0.55),
              avslutadeMan: avslutade - Math.round(avslutade * 0.55),
              arbeteStudierKvinnor: Math.round(avslutade * 0.2),
              arbeteStudierMan: Math.round(avslutade * 0.27) + Math.round(avslutade * 0.09) - Math.round(avslutade * 0.2),
            },
          });
        });
      }
      tl.at(`${year + 1}-02-10`, async () => {
        await world.call('insatser.report', {
          insatsId,
          kind: 'arsrapport',
          year,
          receivedOn: `${year + 1}-02-10`,
          text: `Årsrapport ${year} från insatsägaren: verksamheten har följt plan; ${a.participantsPerYear === null ? 'aktiviteterna genomfördes' : 'deltagarna har fått samordnat stöd'} och samverkan mellan parterna fungerar väl.`,
        });
      });
    }
    tl.at(addDays(insats.endsOn, 1), async () => {
      await world.call('insatser.update', { id: insatsId, status: 'avslutad' });
    });
  }
}

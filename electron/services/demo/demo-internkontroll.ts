import type { Frekvens, Metod } from '../../../shared/domain/internkontroll';
import type { Hantering } from '../../../shared/contract/schemas/internkontroll';
import { addDays, weekday } from './timeline';
import { SLOT, type AgendaEntry, type AgendaSource, type DemoWorld } from './world';

/**
 * The demo's riskanalys and internkontrollplan for last year and this, in seed 003's
 * processes: risks scored and owned, controls with method and frequency, each control
 * done on its day and signed off, and one avvikelse with its åtgärd.
 */

interface DemoRisk {
  process: string;
  title: string;
  orsak: string;
  sannolikhet: number;
  konsekvens: number;
  owner: string;
  hantering: Hantering;
  hanteringText?: string;
  control?: { moment: string; metod: Metod; frekvens: Frekvens; checklist: string[] };
}

const RISKS: readonly DemoRisk[] = [
  {
    process: 'Beslutsfattande/Delegation/Attest',
    title: 'Fakturor attesteras av fel person eller utan underlag',
    orsak: 'Få personer på kansliet; attestordningen ändras sällan när personal byts.',
    sannolikhet: 2,
    konsekvens: 3,
    owner: 'Förbundschef',
    hantering: 'kontroll',
    control: {
      moment: 'Stickprov på attesterade fakturor',
      metod: 'stickprov',
      frekvens: 'kvartal',
      checklist: ['Attestanten finns i attestordningen', 'Underlag finns för fakturan', 'Beloppet ryms i budget eller beslut'],
    },
  },
  {
    process: 'Finansierade insatser',
    title: 'Medel betalas ut till insatser utan rekvisition eller uppföljning',
    orsak: 'Rekvisitioner kommer in sent och insatsernas rapporter saknas.',
    sannolikhet: 3,
    konsekvens: 3,
    owner: 'Förbundschef',
    hantering: 'kontroll',
    control: {
      moment: 'Utbetalningar till insatser stäms av mot beslut och rekvisitioner',
      metod: 'avstamning',
      frekvens: 'halvar',
      checklist: ['Rekvisition finns för varje utbetalning', 'Utbetalt ryms i beviljat belopp', 'Årsrapport har kommit in'],
    },
  },
  {
    process: 'Beslutsfattande/Delegation/Attest',
    title: 'Delegationsbeslut anmäls inte till styrelsen',
    orsak: 'Besluten registreras men förs inte upp på dagordningen.',
    sannolikhet: 2,
    konsekvens: 2,
    owner: 'Förbundschef',
    hantering: 'kontroll',
    control: {
      moment: 'Granskning av att delegationsbeslut anmäls',
      metod: 'granskning',
      frekvens: 'halvar',
      checklist: ['Varje beslut som ska anmälas finns i ett protokoll', 'Beslutet ligger inom delegationen'],
    },
  },
  {
    process: 'Ekonomi/budget',
    title: 'Eget kapital växer över riktlinjen',
    orsak: 'Insatser förbrukar mindre än beviljat.',
    sannolikhet: 3,
    konsekvens: 2,
    owner: 'Ekonom',
    hantering: 'atgard',
    hanteringText: 'Förbrukningen följs upp vid varje styrelsemöte och outnyttjade medel förs tillbaka till beslutsutrymmet.',
  },
  {
    process: 'Verksamhetsmål',
    title: 'Målen i verksamhetsplanen följs inte upp',
    orsak: 'Målen saknar mätbara nyckeltal.',
    sannolikhet: 1,
    konsekvens: 3,
    owner: 'Förbundschef',
    hantering: 'accepterad',
    hanteringText: 'Målen följs upp i delårsrapport och årsredovisning; risken bedöms som låg.',
  },
];

export function planInternkontroll(world: DemoWorld): AgendaSource {
  const planned = new Set<number>();
  for (const year of [world.year - 1, world.year]) {
    world.tl.at(weekday(`${year}-01-15`), async () => {
      for (const r of RISKS) {
        const view = await world.call('internkontroll.saveRisk', {
          year,
          process: r.process,
          title: r.title,
          orsak: r.orsak,
          sannolikhet: r.sannolikhet + (year === world.year && r.control?.frekvens === 'halvar' ? -1 : 0),
          konsekvens: r.konsekvens,
          owner: r.owner,
          hantering: r.hantering,
          hanteringText: r.hanteringText,
        });
        const risk = view.risks.find((x) => x.title === r.title);
        if (r.control && risk) {
          await world.call('internkontroll.saveControl', {
            year,
            process: r.process,
            moment: r.control.moment,
            riskId: risk.id,
            metod: r.control.metod,
            frekvens: r.control.frekvens,
            ansvarig: r.owner,
            checklist: r.control.checklist,
          });
        }
      }
      const plan = await world.call('internkontroll.generateOccasions', { year });
      planned.add(year);
      let deviationMade = false;
      for (const control of plan.controls) {
        for (const o of control.occasions) {
          const on = weekday(addDays(o.dueOn, -3));
          // The first check of the rekvisitioner last year finds one paid without a rekvisition.
          const finds: boolean = !deviationMade && year === world.year - 1 && control.metod === 'avstamning';
          deviationMade ||= finds;
          world.tl.at(on, () => performOccasion(world, o.id, on, finds));
        }
      }
    });
  }
  return async (meeting) => {
    const year = Number(meeting.heldOn.slice(0, 4));
    const entries: AgendaEntry[] = [];
    if (meeting.slot === SLOT.riskanalys && planned.has(year - 1)) {
      const blad = await world.call('internkontroll.arendeblad', { kind: 'uppfoljning', year: year - 1, period: 'helar' });
      entries.push({ kind: 'beslut', title: blad.rubrik, arendeId: blad.arendeId });
    }
    if (meeting.slot === SLOT.riskanalys && planned.has(year)) {
      const blad = await world.call('internkontroll.arendeblad', { kind: 'riskanalys', year });
      entries.push({ kind: 'beslut', title: blad.rubrik, arendeId: blad.arendeId });
    }
    if (meeting.slot === SLOT.delarsrapport && planned.has(year)) {
      const blad = await world.call('internkontroll.arendeblad', { kind: 'uppfoljning', year, period: 'delar' });
      entries.push({ kind: 'beslut', title: blad.rubrik, arendeId: blad.arendeId });
    }
    return entries;
  };
}

async function performOccasion(world: DemoWorld, id: number, on: string, finds: boolean): Promise<void> {
  const occasion = await world.call('internkontroll.occasion', { id });
  const items = occasion.items.map((item, i) => ({
    id: item.id,
    result: finds && i === 0 ? ('avvikelse' as const) : ('ok' as const),
    comment: finds && i === 0 ? 'En utbetalning i mars saknade rekvisition; rekvisitionen kom in i efterhand.' : null,
  }));
  await world.call('internkontroll.saveOccasion', { id, sample: 'Fem slumpvis valda poster under perioden.', items });
  if (finds) {
    const withDeviation = await world.call('internkontroll.saveDeviation', {
      occasionId: id,
      itemId: occasion.items[0]?.id ?? null,
      description: 'En utbetalning till en insats gjordes innan rekvisitionen hade kommit in.',
      action: 'Rutinen för utbetalning ändras: ingen utbetalning utan registrerad rekvisition. Ekonomen stämmer av varje månad.',
      owner: 'Förbundschef',
      dueOn: addDays(on, 45),
    });
    const deviation = withDeviation.deviations.at(-1);
    world.tl.at(addDays(on, 38), async () => {
      if (deviation)
        await world.call('internkontroll.closeDeviation', {
          id: deviation.id,
          closedOn: addDays(on, 38),
          note: 'Rutinen är ändrad och kommunicerad till insatsägarna.',
        });
    });
  }
  await world.call('internkontroll.signOff', { id, doneOn: on });
}

import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { DeskLine, DeskState } from '../../shared/contract/schemas/desk';
import { BODY_LABELS } from '../../shared/contract/schemas/meetings';
import { addDays, protokollDates } from '../../shared/domain/justering';
import { countOf, formatDate } from '../../shared/format/sv';
import { listArendeblad } from './arendeblad';
import { arshjulView } from './arshjul';
import type { Scope } from './context';
import { economyOverview } from './ekonomi/reports';
import { handlersFor } from './handler';
import { overdue } from './internkontroll/checklists';
import { listDecisions } from './delegation';
import { loadMeeting } from './meetings';

/**
 * Översikt as the desk: one list of what is late (sent), due within the next weeks (snart)
 * and waiting for someone (väntar), gathered from the registers as they are — meetings and
 * their ärendeblad, protokoll with their justering and anslag days, ansökningar, delegation
 * decisions to report, internkontroll, the mandate period, the year's fee and budget and
 * the årshjul. Nothing is stored; each line links to where it is done.
 */

/** How far ahead "snart" looks, in days. */
const SOON_DAYS = 21;
/** How far ahead meetings are shown. */
const MEETINGS_AHEAD_DAYS = 45;
/** A mandate period ending within this many days asks for the next one. */
const MANDATE_WARNING_DAYS = 120;
/** Ärendeblad older than this (by their datum) are history, not work. */
const BLAD_HORIZON_DAYS = 180;
/** Per-ärendeblad lines shown before they are summed up in one. */
const MAX_BLAD_LINES = 6;

const ORDER: Record<DeskState, number> = { sent: 0, snart: 1, vantar: 2 };

export async function deskLines(scope: Scope): Promise<DeskLine[]> {
  const today = formatDate(scope.now);
  const soon = addDays(today, SOON_DAYS);
  const byDate = (dueOn: string): DeskState => (dueOn < today ? 'sent' : dueOn <= soon ? 'snart' : 'vantar');
  const lines: DeskLine[] = [];

  const { meetings, onAgenda } = await meetingLines(scope, today, byDate, lines);

  // ——— Ärendeblad being written, not on a coming meeting's dagordning. ———
  const horizon = addDays(today, -BLAD_HORIZON_DAYS);
  const writing = (await listArendeblad({}, scope)).filter((b) => !b.ready && b.signedCount === 0 && b.datum >= horizon && !onAgenda.has(b.arendeId));
  // Of those, the ones whose ärende is still open (asked for these ärenden only, not the whole diarium).
  const open =
    writing.length === 0
      ? new Set<number>()
      : new Set(
          (
            await scope.db
              .selectFrom('arenden')
              .select('id')
              .where(
                'id',
                'in',
                writing.map((b) => b.arendeId),
              )
              .where('status', 'not in', ['beslutat', 'avslutat'])
              .where('voided_at', 'is', null)
              .execute()
          ).map((r) => r.id),
        );
  const blad = writing.filter((b) => open.has(b.arendeId));
  blad.sort((a, b) => a.datum.localeCompare(b.datum));
  for (const b of blad.slice(0, MAX_BLAD_LINES)) {
    lines.push({
      key: `arendeblad-${b.id}`,
      state: 'vantar',
      area: 'Ärendeblad',
      text: `${b.diarienummer} ${b.rubrik}: inte klart (fält att fylla i eller förslag saknas).`,
      dueOn: null,
      link: ['arendeblad', String(b.id)],
    });
  }
  if (blad.length > MAX_BLAD_LINES) {
    lines.push({
      key: 'arendeblad-fler',
      state: 'vantar',
      area: 'Ärendeblad',
      text: `Ytterligare ${countOf(blad.length - MAX_BLAD_LINES, 'ärendeblad', 'ärendeblad')} är inte klara.`,
      dueOn: null,
      link: ['arendeblad'],
    });
  }

  // ——— Ansökningar waiting for a decision. ———
  const applications = await scope.db
    .selectFrom('applications as a')
    .innerJoin('arenden as r', 'r.id', 'a.arende_id')
    .select(['a.id', 'a.name', 'a.status', 'a.received_on', 'a.starts_on', 'r.diarienummer'])
    .where('a.status', 'in', ['inkommen', 'under_beredning'])
    .orderBy('a.starts_on')
    .execute();
  for (const a of applications) {
    const startsSoon = a.starts_on <= soon;
    lines.push({
      key: `ansokan-${a.id}`,
      state: startsSoon ? byDate(a.starts_on) : 'vantar',
      area: 'Ansökan',
      text: `${a.diarienummer} ${a.name}: ${a.status === 'inkommen' ? 'inkommen' : 'under beredning'} sedan ${a.received_on}, ${a.starts_on < today ? 'skulle ha börjat' : 'börjar'} ${a.starts_on}. Beslut behövs.`,
      dueOn: a.starts_on,
      link: ['insatser', 'ansokan', String(a.id)],
    });
  }

  // ——— Delegationsbeslut the board has not been told about. ———
  const unreported = (await listDecisions({ unreportedOnly: true }, scope)).filter((d) => d.mustBeReported);
  if (unreported.length > 0) {
    const next = meetings.find((m) => m.body === 'styrelse' && m.held_on >= today);
    lines.push({
      key: 'delegationsbeslut',
      state: next ? byDate(next.held_on) : 'vantar',
      area: 'Delegation',
      text: `${countOf(unreported.length, 'delegationsbeslut', 'delegationsbeslut')} ska anmälas till styrelsen${next ? `, nästa sammanträde ${next.held_on}` : ''} (det äldsta från ${unreported.map((d) => d.decidedOn).sort()[0]}).`,
      dueOn: next?.held_on ?? null,
      link: ['register', 'delegation'],
    });
  }

  // ——— Internkontroll: controls past their date, åtgärder past theirs. ———
  const late = await overdue({ today }, scope);
  for (const o of late.occasions) {
    lines.push({
      key: `kontroll-${o.id}`,
      state: 'sent',
      area: 'Internkontroll',
      text: `${o.process}: ${o.moment} – ${o.label} skulle vara klar ${o.dueOn} (${o.ansvarig}).`,
      dueOn: o.dueOn,
      link: ['internkontroll', 'kontroll', String(o.id)],
    });
  }
  for (const d of late.deviations) {
    lines.push({
      key: `atgard-${d.id}`,
      state: 'sent',
      area: 'Åtgärd',
      text: `${d.action} – ${d.owner}, senast ${d.dueOn}.`,
      dueOn: d.dueOn,
      link: ['internkontroll', 'kontroll', String(d.occasionId)],
    });
  }

  // ——— The board's mandate period. ———
  const periods = await scope.db.selectFrom('mandate_periods').select(['id', 'starts_on', 'ends_on', 'label']).orderBy('starts_on').execute();
  const current = periods.find((p) => p.starts_on <= today && today <= p.ends_on);
  const following = current ? periods.find((p) => p.starts_on > current.ends_on || (p.starts_on > current.starts_on && p.id !== current.id)) : undefined;
  if (!current) {
    lines.push({
      key: 'mandatperiod',
      state: periods.length === 0 ? 'vantar' : 'sent',
      area: 'Styrelsen',
      text:
        periods.length === 0
          ? 'Ingen mandatperiod är inlagd. Lägg in styrelsens ledamöter och ersättare.'
          : 'Ingen mandatperiod gäller i dag. Lägg in den nya och dess ledamöter.',
      dueOn: null,
      link: ['register', 'styrelse'],
    });
  } else if (!following && current.ends_on <= addDays(today, MANDATE_WARNING_DAYS)) {
    lines.push({
      key: 'mandatperiod',
      state: byDate(addDays(current.ends_on, -30)),
      area: 'Styrelsen',
      text: `Mandatperioden ${current.label ?? `${current.starts_on.slice(0, 4)}–${current.ends_on.slice(0, 4)}`} slutar ${current.ends_on}. Lägg in nästa mandatperiod och dess ledamöter.`,
      dueOn: current.ends_on,
      link: ['register', 'styrelse'],
    });
  }

  await yearLines(scope, today, soon, byDate, lines);

  // Late first, then what is due soonest, then what waits; within each, by date.
  return lines.sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
}

type ByDate = (dueOn: string) => DeskState;

/** Meetings ahead with their dagordning, and meetings held with their protokoll, justering and anslag. */
async function meetingLines(scope: Scope, today: string, byDate: ByDate, lines: DeskLine[]) {
  // ——— Meetings ahead: the dagordning's ärendeblad that are not ready. ———
  const meetings = await scope.db
    .selectFrom('meetings as m')
    .leftJoin('protokoll as p', 'p.meeting_id', 'm.id')
    .select(['m.id', 'm.body', 'm.held_on', 'p.status', 'p.justerat_on', 'p.anslag_on'])
    .where('m.held_on', '>=', addDays(today, -120))
    .where('m.held_on', '<=', addDays(today, MEETINGS_AHEAD_DAYS))
    .orderBy('m.held_on')
    .execute();
  const onAgenda = new Set<number>();
  for (const m of meetings) {
    const body = BODY_LABELS[m.body];
    if (m.held_on >= today) {
      const view = await loadMeeting(scope, m.id);
      const blad = view.items.filter((i) => i.arendeId !== null);
      for (const i of blad) if (i.arendeId !== null) onAgenda.add(i.arendeId);
      const notReady = blad.filter((i) => !i.ready).length;
      lines.push({
        key: `sammantrade-${m.id}`,
        state: notReady > 0 ? byDate(m.held_on) : 'vantar',
        area: 'Sammanträde',
        text:
          blad.length === 0
            ? `${body} ${m.held_on}: inga ärenden på dagordningen ännu.`
            : notReady > 0
              ? `${body} ${m.held_on}: ${notReady} av ${countOf(blad.length, 'ärende', 'ärenden')} på dagordningen är inte klara för handlingarna.`
              : `${body} ${m.held_on}: ${countOf(blad.length, 'ärende', 'ärenden')} på dagordningen, alla klara. Gör kallelse och handlingar.`,
        dueOn: m.held_on,
        link: ['sammantraden', String(m.id)],
      });
      continue;
    }
    // ——— Meetings held: the protokoll, its justering and its anslag. ———
    const dates = protokollDates(m.held_on, m.justerat_on, m.anslag_on, today);
    if (m.status === null) {
      // A meeting known only from the delegation register (before Kansli) has no dagordning and asks for no protokoll.
      const items = await scope.db
        .selectFrom('meeting_items')
        .select('id')
        .where('meeting_id', '=', m.id)
        .where('arende_id', 'is not', null)
        .executeTakeFirst();
      if (!items) continue;
      lines.push({
        key: `protokoll-${m.id}`,
        state: byDate(dates.justeraSenast),
        area: 'Protokoll',
        text: `${body} ${m.held_on}: protokollet är inte skrivet. Justera senast ${dates.justeraSenast}.`,
        dueOn: dates.justeraSenast,
        link: ['sammantraden', String(m.id)],
      });
    } else if (m.status === 'utkast' || m.status === 'for_justering') {
      lines.push({
        key: `protokoll-${m.id}`,
        state: byDate(dates.justeraSenast),
        area: 'Protokoll',
        text: `${body} ${m.held_on}: protokollet är ${m.status === 'utkast' ? 'ett utkast' : 'för justering'}. Justera senast ${dates.justeraSenast}.`,
        dueOn: dates.justeraSenast,
        link: ['sammantraden', String(m.id)],
      });
    } else if (m.status === 'justerat' && dates.anslaSenast !== null) {
      lines.push({
        key: `anslag-${m.id}`,
        state: byDate(dates.anslaSenast),
        area: 'Anslag',
        text: `${body} ${m.held_on}: protokollet är justerat men inte anslaget. Anslå senast ${dates.anslaSenast}.`,
        dueOn: dates.anslaSenast,
        link: ['sammantraden', String(m.id)],
      });
    }
  }

  return { meetings, onAgenda };
}

/** The year's fee, the budget's and the economy's warnings, and what the årshjul asks soon. */
async function yearLines(scope: Scope, today: string, soon: string, byDate: ByDate, lines: DeskLine[]): Promise<void> {
  // ——— The year's fee and budget, and what the årshjul asks. ———
  const year = Number(today.slice(0, 4));
  const feeYear = Number(today.slice(5, 7)) >= 9 ? year + 1 : year;
  const fee = await scope.db.selectFrom('medlemsavgifter').select(['status']).where('year', '=', feeYear).executeTakeFirst();
  if (fee?.status !== 'faststalld') {
    lines.push({
      key: `medlemsavgifter-${feeYear}`,
      state: feeYear === year ? 'sent' : 'vantar',
      area: 'Medlemsavgifter',
      text: fee ? `Medlemsavgifterna för ${feeYear} är preliminära, inte fastställda.` : `Medlemsavgifterna för ${feeYear} är inte beräknade.`,
      dueOn: null,
      link: ['ekonomi', 'medlemsavgifter'],
    });
  }
  const economy = await economyOverview(scope, year);
  for (const w of economy.warnings) {
    lines.push({
      key: `ekonomi-${w.key}`,
      state: w.level === 'varning' ? 'sent' : 'vantar',
      area: 'Ekonomi',
      text: w.message,
      dueOn: null,
      link: w.key.startsWith('budget')
        ? ['ekonomi', 'budget', String(year)]
        : ['ekonomi', w.key === 'beslutsutrymme_negativt' ? 'beslutsutrymme' : 'hushallning'],
    });
  }
  for (const item of (await arshjulView(scope, year)).items) {
    if (item.status === 'klart' || item.dueOn > soon) continue;
    lines.push({
      key: `arshjul-${item.key}`,
      state: byDate(item.dueOn),
      area: 'Årshjulet',
      text: `${item.label}, senast ${item.dueOn}. ${item.note}`,
      dueOn: item.dueOn,
      link: item.link,
    });
  }
}

async function getDesk(_input: ParsedInput<'desk.get'>, scope: Scope): Promise<MethodResult<'desk.get'>> {
  return { today: formatDate(scope.now), lines: await deskLines(scope) };
}

/** The methods this module serves. */
export const deskHandlers = handlersFor({
  'desk.get': getDesk,
});

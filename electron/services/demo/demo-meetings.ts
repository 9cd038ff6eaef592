import { protokollSaveFrom, type ProtokollView } from '../../../shared/contract/schemas/protokoll';
import type { DemoCredentials } from './demo-certificates';
import { addDays, weekday } from './timeline';
import type { AgendaEntry, AgendaSource, DemoWorld } from './world';

/**
 * The board's meetings of the last twelve months, each with its dagordning of
 * ärendeblad, a protokoll written on the day, justerat with signatures by the
 * sekreterare, the ordförande and a justerare five days later and anslaget, and the
 * next meeting with its dagordning being prepared.
 */

const SEKRETERARE = 'Kristina Almgren';
const ORDFORANDE = 'Johanna Ek';
/** The ledamöter who take turns to justera. */
export const JUSTERARE = ['Helena Strand', 'Peter Holmgren', 'Lena Sjöberg', 'Karin Lundqvist'] as const;

/** The decisions not yet reported, on an "Anmälan av delegationsbeslut" that lists them (the template reads the register). */
export const delegationAgenda: (world: DemoWorld) => AgendaSource = (world) => async (meeting) => {
  // Those made by the day the papers are written, as the ärendeblad lists them.
  const unreported = (await world.call('decisions.list', { unreportedOnly: true })).filter((d) => d.mustBeReported && d.decidedOn <= world.tl.day);
  if (unreported.length === 0) return [];
  const blad = await world.call('arendeblad.create', { template: 'anmalan_av_delegationsbeslut', datum: world.tl.day });
  return [
    {
      kind: 'delegation',
      title: blad.rubrik,
      arendeId: blad.arendeId,
      decided: async (paragraph) => {
        await world.call('decisions.report', {
          ids: unreported.map((d) => d.id),
          meetingOn: meeting.heldOn,
          paragraph: paragraph === null ? undefined : `§ ${paragraph}`,
        });
      },
    },
  ];
};

function saveInput(p: ProtokollView, justerare: string, justeringDag: string) {
  return {
    ...protokollSaveFrom(p),
    sekreterare: SEKRETERARE,
    ordforande: p.ordforande ?? ORDFORANDE,
    justerare: [justerare],
    justeringPlats: 'Samordningsförbundets kansli, Uppsala',
    justeringDag,
    forvaring: 'Samordningsförbundets kansli',
  };
}

export function planMeetings(world: DemoWorld, certificate: (name: string) => Promise<DemoCredentials>): void {
  world.meetings.forEach((meeting, index) => {
    const prepared = meeting.held ? weekday(addDays(meeting.heldOn, -14)) : ([world.today, weekday(addDays(meeting.heldOn, -14))].sort()[0] ?? world.today);
    const entries: { entry: AgendaEntry; itemId: number }[] = [];
    let meetingId = 0;
    world.tl.at(prepared, async () => {
      const m = await world.call('meetings.save', {
        body: 'styrelse',
        heldOn: meeting.heldOn,
        startsAt: '13.00',
        endsAt: '16.00',
        place: 'Samordningsförbundets kansli, Uppsala',
      });
      meetingId = m.id;
      const brought: AgendaEntry[] = [];
      for (const source of world.agendaSources) brought.push(...(await source(meeting)));
      const items: { id?: number; kind: AgendaEntry['kind']; title: string; arendeId: number | null }[] = m.items.map((i) => ({
        id: i.id,
        kind: i.kind,
        title: i.title,
        arendeId: i.arendeId,
      }));
      const added: typeof items = [];
      for (const e of brought) {
        // The standard dagordning already has its "Anmälan av delegationsbeslut": the ärendeblad goes there.
        const standing = e.kind === 'delegation' ? items.find((i) => i.kind === 'delegation' && i.arendeId === null) : undefined;
        if (standing) standing.arendeId = e.arendeId;
        else added.push({ kind: e.kind, title: e.title, arendeId: e.arendeId });
      }
      items.splice(Math.max(0, items.length - 2), 0, ...added);
      const saved = await world.call('meetings.saveAgenda', { meetingId: m.id, items });
      for (const entry of brought) {
        const item = saved.items.find((i) => i.arendeId === entry.arendeId);
        if (item) entries.push({ entry, itemId: item.id });
      }
    });
    if (!meeting.held) return;

    const justerare = JUSTERARE[index % JUSTERARE.length] ?? 'Helena Strand';
    const justeringDag = weekday(addDays(meeting.heldOn, 5));
    world.tl.at(meeting.heldOn, async () => {
      const p = await world.call('protokoll.start', { meetingId });
      const saved = await world.call('protokoll.save', saveInput(p, justerare, justeringDag));
      for (const { entry, itemId } of entries) await entry.decided?.(saved.items.find((i) => i.id === itemId)?.paragraph ?? null);
    });
    world.tl.at(weekday(addDays(meeting.heldOn, 1)), async () => {
      await world.call('protokoll.send', { meetingId });
    });
    world.tl.at(justeringDag, async () => {
      for (const [name, role] of [
        [SEKRETERARE, 'Sekreterare'],
        [ORDFORANDE, 'Ordförande'],
        [justerare, 'Justerare'],
      ] as const) {
        await world.call('protokoll.sign', { meetingId, credentials: { ...(await certificate(name)), role } });
      }
    });
  });
}

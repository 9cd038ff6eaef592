import type { AnySession as Session } from './engines';
import type { Arendeblad } from '../../shared/contract/schemas/arendeblad';
import type { MeetingView, PacketJob } from '../../shared/contract/schemas/meetings';
import { createFilled } from './arendeblad';
import { value } from './envelope';

export async function newMeeting(s: Session, heldOn = '2026-12-10'): Promise<MeetingView> {
  return value(await s.api.call('meetings.save', { body: 'styrelse', heldOn, startsAt: '13:00', endsAt: '1600', place: 'Kansliet, Uppsala' }));
}

export function agenda(m: MeetingView): { id?: number; kind: MeetingView['items'][number]['kind']; title: string; arendeId: number | null }[] {
  return m.items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, arendeId: i.arendeId }));
}

/** Puts the ärendeblad on the dagordning before "Övriga frågor" and "Mötets avslutande". */
export async function addToAgenda(s: Session, m: MeetingView, blad: Arendeblad[]): Promise<MeetingView> {
  const items = agenda(m);
  items.splice(items.length - 2, 0, ...blad.map((b) => ({ kind: 'beslut' as const, title: b.rubrik, arendeId: b.arendeId })));
  return value(await s.api.call('meetings.saveAgenda', { meetingId: m.id, items }));
}

export async function runPacket(s: Session, meetingId: number): Promise<{ job: PacketJob; steps: string[] }> {
  let job = value(await s.api.call('meetings.packetStart', { meetingId }));
  const steps = [job.step];
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    job = value(await s.api.call('meetings.packetStatus', { jobId: job.jobId }));
    steps.push(job.step);
  }
  return { job, steps };
}

/** `n` ready ärendeblad, each with its template's bilagor and a PDF bilaga (another ärendeblad's PDF). */
export async function packetFixture(s: Session, n: number): Promise<Arendeblad[]> {
  const keys = ['tillaggsansokan', 'beviljande_av_ansokan', 'arsredovisning', 'medlemsavgifter', 'delarsrapport', 'verksamhetsplan_och_budget'] as const;
  const pdfBilaga = value(await s.api.call('arendeblad.pdf', { id: (await createFilled(s, 'delarsrapport')).id }));
  const blad: Arendeblad[] = [];
  for (let i = 0; i < n; i++) {
    const b = await createFilled(s, keys[i % keys.length] as (typeof keys)[number]);
    const pdf = value(await s.api.call('documents.add', { arendeId: b.arendeId, fileName: 'uppfoljning.pdf', contentBase64: pdfBilaga.contentBase64 }));
    blad.push(
      value(
        await s.api.call('arendeblad.save', {
          id: b.id,
          revision: b.revision,
          organ: b.organ,
          rubrik: `${b.rubrik} (${i + 1})`,
          datum: b.datum,
          content: { ...b.content, bilagor: [...b.content.bilagor, { documentId: pdf.id, title: 'Ekonomisk uppföljning' }] },
        }),
      ),
    );
  }
  return blad;
}

/**
 * The demo board sits 2023–2026. A test that meets on a later day gets a board for
 * that year: the same ordförande and two ledamöter, through the real API.
 */
export async function ensureBoardOn(s: Session, date: string): Promise<void> {
  const year = date.slice(0, 4);
  const periods = value(await s.api.call('periods.list', {}));
  if (periods.some((p) => p.startsOn <= date && date <= p.endsOn)) return;
  const period = value(await s.api.call('periods.save', { startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, label: year }));
  const members = value(await s.api.call('members.list', {}));
  const seats = [
    { name: 'Johanna Ek', role: 'ordforande' as const },
    { name: 'Peter Holmgren', role: null },
    { name: 'Helena Strand', role: null },
  ];
  for (const [i, seat] of seats.entries()) {
    const member = members[i];
    if (!member) throw new Error('demo members missing');
    value(await s.api.call('board.save', { periodId: period.id, memberId: member.id, seat: 'ordinarie', role: seat.role, person: { name: seat.name } }));
  }
}

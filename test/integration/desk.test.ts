import { describe, expect, it } from 'vitest';
import type { DeskLine } from '../../shared/contract/schemas/desk';
import { addDays } from '../../shared/domain/justering';
import { formatDate } from '../../shared/format/sv';
import { createFilled } from '../helpers/arendeblad';
import { value } from '../helpers/envelope';
import { application } from '../helpers/insatser';
import { addToAgenda, ensureBoardOn } from '../helpers/meetings';
import { ENGINES, engineSession } from '../helpers/engines';

const today = formatDate(new Date());

function line(lines: DeskLine[], key: string): DeskLine {
  const found = lines.find((l) => l.key === key);
  if (!found) throw new Error(`no desk line ${key}: ${lines.map((l) => l.key).join(', ')}`);
  return found;
}

describe.each(ENGINES)('Översikt as the desk (%s)', (engine) => {
  it('gathers what is late, due soon and waiting from the registers, late first, each with its link', async () => {
    const s = await engineSession(engine);
    // A board meeting in ten days with one ready ärendeblad and one still a blank template.
    const heldOn = addDays(today, 10);
    await ensureBoardOn(s, heldOn);
    const coming = value(await s.api.call('meetings.save', { body: 'styrelse', heldOn }));
    const ready = await createFilled(s, 'arsredovisning');
    const blank = value(await s.api.call('arendeblad.create', { template: 'tomt', rubrik: 'Samverkan kring unga' }));
    await addToAgenda(s, coming, [ready, blank]);
    // A meeting held twenty days ago with an ärende on its dagordning and no protokoll: justering is late.
    const heldBefore = addDays(today, -20);
    await ensureBoardOn(s, heldBefore);
    const past = value(await s.api.call('meetings.save', { body: 'arbetsutskott', heldOn: heldBefore }));
    await addToAgenda(s, past, [await createFilled(s, 'delarsrapport')]);
    // An ärendeblad being written, on no dagordning.
    const loose = value(await s.api.call('arendeblad.create', { template: 'tomt', rubrik: 'Lokal överenskommelse Tierp' }));
    // An ansökan whose insats starts in a week, not decided.
    const year = Number(addDays(today, 7).slice(0, 4));
    const a = await application(s, { name: 'Unga vuxna Heby', years: [{ year, soughtKr: 100_000 }], owner: 'Heby kommun', receivedOn: addDays(today, -30) });
    const starts = addDays(today, 7);
    value(
      await s.api.call('insatser.saveApplication', {
        id: a.id,
        kind: a.kind,
        name: a.name,
        kategori: a.kategori,
        parties: a.parties.map((p) => p.memberId),
        ownerMemberId: a.ownerMemberId,
        startsOn: starts,
        endsOn: `${year}-12-31`,
        years: [{ year, soughtKr: 100_000 }],
        sus: a.sus,
        lokusAgrees: a.lokusAgrees,
        receivedOn: a.receivedOn,
      }),
    );

    const desk = value(await s.api.call('desk.get', {}));
    expect(desk.today).toBe(today);
    const meeting = line(desk.lines, `sammantrade-${coming.id}`);
    expect(meeting).toMatchObject({ state: 'snart', dueOn: heldOn, link: ['sammantraden', String(coming.id)] });
    expect(meeting.text).toBe(`Förbundsstyrelsen ${heldOn}: 1 av 2 ärenden på dagordningen är inte klara för handlingarna.`);
    const protokoll = line(desk.lines, `protokoll-${past.id}`);
    expect(protokoll).toMatchObject({ state: 'sent', dueOn: addDays(heldBefore, 14), area: 'Protokoll' });
    expect(protokoll.text).toBe(`Arbetsutskottet ${heldBefore}: protokollet är inte skrivet. Justera senast ${addDays(heldBefore, 14)}.`);
    expect(line(desk.lines, `arendeblad-${loose.id}`)).toMatchObject({ state: 'vantar', link: ['arendeblad', String(loose.id)] });
    // The blank one on the coming meeting is told with the meeting, not twice.
    expect(desk.lines.some((l) => l.key === `arendeblad-${blank.id}`)).toBe(false);
    const ansokan = line(desk.lines, `ansokan-${a.id}`);
    expect(ansokan).toMatchObject({ state: 'snart', dueOn: starts, link: ['insatser', 'ansokan', String(a.id)] });
    expect(ansokan.text).toContain(`börjar ${starts}. Beslut behövs.`);

    // Late first, then soon, then waiting; by date within each.
    const order = desk.lines.map((l) => ['sent', 'snart', 'vantar'].indexOf(l.state));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    const soon = desk.lines.filter((l) => l.state === 'snart').map((l) => l.dueOn ?? '9999');
    expect(soon).toEqual([...soon].sort());

    // Once the protokoll is written it asks for justering instead; once the ansökan is decided it is gone.
    value(await s.api.call('protokoll.start', { meetingId: past.id }));
    value(await s.api.call('insatser.decide', { id: a.id, by: 'styrelse', outcome: 'bifall', decidedOn: today }));
    const after = value(await s.api.call('desk.get', {}));
    expect(line(after.lines, `protokoll-${past.id}`).text).toBe(
      `Arbetsutskottet ${heldBefore}: protokollet är ett utkast. Justera senast ${addDays(heldBefore, 14)}.`,
    );
    expect(after.lines.some((l) => l.key === `ansokan-${a.id}`)).toBe(false);
    await s.close();
  });

  it('says nothing of a meeting known only from the delegation register, and asks for the next mandate period near the end of one', async () => {
    const s = await engineSession(engine);
    // A board meeting from before Kansli, known only as where delegationsbeslut were reported.
    const older = value(await s.api.call('decisions.list', { unreportedOnly: true })).filter((d) => d.decidedOn <= addDays(today, -60));
    expect(older.length).toBeGreaterThan(0);
    value(await s.api.call('decisions.report', { ids: older.map((d) => d.id), meetingOn: addDays(today, -60), paragraph: '§ 9' }));
    const desk = value(await s.api.call('desk.get', {}));
    expect(desk.lines.filter((l) => l.area === 'Protokoll')).toEqual([]);
    const periods = value(await s.api.call('periods.list', {}));
    const current = periods.find((p) => p.startsOn <= today && today <= p.endsOn);
    const mandate = desk.lines.find((l) => l.key === 'mandatperiod');
    if (current && current.endsOn <= addDays(today, 120)) expect(mandate?.text).toContain(`slutar ${current.endsOn}`);
    if (!current) expect(mandate?.text).toContain('Ingen mandatperiod');
    await s.close();
  });
});

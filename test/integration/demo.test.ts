import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDatabase, DEMO_ACTOR } from '../../electron/services/demo/demo-year';
import { openSession, type Session } from '../../electron/services/session';
import { startSession } from '../../electron/services/start-session';
import type { ProtokollView } from '../../shared/contract/schemas/protokoll';
import { addDays } from '../../shared/domain/justering';
import { value } from '../helpers/envelope';
import { pdfsig, pdftotext } from '../helpers/pdf-tools';
import { kansli, ROOT, TSX_NODE } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

const CLI = path.join(ROOT, 'electron', 'host', 'cli.ts');

/**
 * The demo förbund a new installation opens with: a year of work up to "today", written
 * through the services. Made for a fixed day so the figures can be checked, and for a day
 * in a new year and mandate period to show it follows the date.
 */
const TODAY = '2026-12-07';

async function protokollOf(s: Session, meetingId: number): Promise<ProtokollView> {
  const { protokoll } = value(await s.api.call('protokoll.get', { meetingId }));
  if (!protokoll) throw new Error(`meeting ${meetingId} has no protokoll`);
  return protokoll;
}

async function demoOn(day: string): Promise<Session> {
  const dir = tempDir();
  const file = path.join(dir, 'kansli.sqlite');
  await createDemoDatabase(file, { appVersion: '0.0.0-test', dataDir: path.join(dir, 'data'), now: () => new Date(`${day}T09:30:00Z`) });
  return openSession(file, { appVersion: '0.0.0-test', actor: 'testare', dataDir: path.join(dir, 'data'), now: () => new Date(`${day}T09:30:00Z`) });
}

describe('the demo förbund', () => {
  let s: Session;
  beforeAll(async () => {
    s = await demoOn(TODAY);
  }, 120_000);
  afterAll(() => s?.close());

  it('holds the year’s board meetings, each protokoll justerat with three signatures and anslaget, §§ numbered on through the year', async () => {
    const meetings = value(await s.api.call('meetings.list', {}))
      .filter((m) => m.body === 'styrelse')
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
    const held = meetings.filter((m) => m.heldOn < TODAY);
    expect(held.map((m) => m.heldOn)).toEqual(['2025-12-17', '2026-02-12', '2026-03-19', '2026-06-11', '2026-09-17', '2026-10-22', '2026-11-26']);
    let lastParagraph = 0;
    for (const m of held) {
      const p = await protokollOf(s, m.id);
      expect(p.status, m.heldOn).toBe('anslaget');
      expect(p.justeratOn && p.justeratOn <= addDays(m.heldOn, 14)).toBeTruthy();
      const paragraphs = p.items.map((i) => i.paragraph ?? 0);
      if (m.heldOn.startsWith('2026')) expect(paragraphs[0]).toBe(lastParagraph + 1);
      lastParagraph = m.heldOn.startsWith('2026') ? (paragraphs.at(-1) ?? 0) : 0;
    }
    const november = held.at(-1);
    const p = await protokollOf(s, november?.id ?? 0);
    const pdf = Buffer.from(value(await s.api.call('documents.get', { id: p.documentId ?? 0 })).contentBase64, 'base64');
    expect(pdfsig(pdf).match(/Signature is Valid/g)).toHaveLength(3);
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Verksamhetsplan och budget 2027');
    // The next meeting is being prepared: on its dagordning the ansökan waiting for the board.
    const next = meetings.find((m) => m.heldOn >= TODAY);
    expect(next?.heldOn).toBe('2026-12-17');
    const agenda = value(await s.api.call('meetings.get', { id: next?.id ?? 0 }));
    expect(agenda.items.map((i) => i.title)).toEqual(expect.arrayContaining(['Ansökan om medel – Arbetsträning Tierp', 'Anmälan av delegationsbeslut']));
  });

  it('reports the delegationsbeslut at the meeting after them, with the § of the anmälan', async () => {
    const decisions = value(await s.api.call('decisions.list', {}));
    const reported = decisions.filter((d) => d.reported !== null);
    expect(reported.length).toBe(3);
    for (const d of reported) {
      const p = await protokollOf(s, d.reported?.meeting.id ?? 0);
      const item = p.items.find((i) => i.kind === 'delegation');
      expect(d.reported?.paragraph).toBe(`§ ${item?.paragraph}`);
      expect(d.decidedOn < (d.reported?.meeting.heldOn ?? '')).toBe(true);
    }
    // Made after the last meeting's papers were written (two weeks before it): waiting for the next.
    const waiting = decisions.filter((d) => d.reported === null);
    expect(waiting.length).toBe(2);
    expect(waiting.every((d) => d.decidedOn > addDays('2026-11-26', -14))).toBe(true);
  });

  it('numbers the diarium in the order things came in, and settles what the board decided', async () => {
    const arenden = value(await s.api.call('arenden.list', {}));
    for (const year of [2025, 2026]) {
      const dated = arenden
        .filter((a) => a.year === year && a.receivedOn !== null)
        .sort((a, b) => a.diarienummer.localeCompare(b.diarienummer, 'sv', { numeric: true }));
      const days = dated.map((a) => a.receivedOn ?? '');
      expect(days, `${year}`).toEqual([...days].sort());
    }
    const delarsrapport = arenden.find((a) => a.title === 'Delårsrapport 2026');
    expect(delarsrapport).toMatchObject({ status: 'beslutat', decidedOn: '2026-10-22' });
    expect(arenden.find((a) => a.title === 'Protokoll förbundsstyrelsen 2026-10-22')?.status).toBe('avslutat');
    expect(arenden.filter((a) => a.voided !== null)).toHaveLength(1);
  });

  it('has ansökningar decided and waiting, and insatser followed up with rekvisitioner, deltagare and utfall', async () => {
    const applications = value(await s.api.call('insatser.applications', {}));
    const statuses = applications.map((a) => a.status);
    expect(statuses).toEqual(expect.arrayContaining(['beviljad', 'delvis_beviljad', 'avslagen', 'under_beredning', 'inkommen']));
    const insatser = value(await s.api.call('insatser.list', {}));
    expect(insatser.filter((i) => i.status === 'pagaende').length).toBeGreaterThanOrEqual(4);
    const enkoping = insatser.find((i) => i.name === 'Samverkansteam Enköping');
    const detail = value(await s.api.call('insatser.detail', { id: enkoping?.id ?? 0 }));
    expect(detail.requisitions.length).toBeGreaterThanOrEqual(4);
    expect(detail.participants.find((p) => p.year === 2025)?.deltagare).toBeGreaterThan(0);
    expect(detail.reports.map((r) => r.kind)).toContain('arsrapport');
    // Each ansökan decided at a meeting has its ärendeblad finished, with the ansökan as bilaga.
    const blad = value(await s.api.call('arendeblad.list', {}));
    for (const b of blad) expect(value(await s.api.call('arendeblad.get', { id: b.id })).problems, b.rubrik).toEqual([]);
  });

  it('keeps the books: budget fastställd, medlemsavgift split by folkmängd, utfall month by month, last year closed with its bokslut and årsredovisning', async () => {
    const fee = value(await s.api.call('medlemsavgifter.get', { year: 2026 }));
    expect(fee).toMatchObject({ status: 'faststalld', totalKr: 24_000_000, statKr: 12_000_000, regionKr: 6_000_000, kommunerKr: 6_000_000 });
    expect(fee.shares.reduce((t, m) => t + m.amountKr, 0)).toBe(24_000_000);
    const budget = value(await s.api.call('budget.get', { year: 2027 }));
    expect(budget.versions.map((v) => v.kind)).toContain('faststalld');
    const bmu = value(await s.api.call('ekonomi.budgetMotUtfall', { year: 2026 }));
    const fees = bmu.posts.find((p) => p.post === 'medlemsavgifter');
    expect(fees?.utfallKr).toBe(24_000_000);
    const bokslut = value(await s.api.call('bokslut.get', { year: 2025 }));
    expect(bokslut.checks.filter((c) => !c.ok)).toEqual([]);
    expect(bokslut.notes.find((n) => n.number === 3)?.rows.map((r) => r.label)).toContain('Samverkansteam Enköping');
    const stored = value(await s.api.call('arenden.list', { year: 2026 })).find((a) => a.title === 'Årsredovisning 2025');
    const documents = value(await s.api.call('arenden.get', { id: stored?.id ?? 0 })).documents;
    // Approved at the March meeting and signed there by the eleven ordinarie ledamöter.
    const current = documents.filter((d) => d.supersededBy === null);
    expect(current).toHaveLength(1);
    const pdf = Buffer.from(value(await s.api.call('documents.get', { id: current[0]?.id ?? 0 })).contentBase64, 'base64');
    expect(pdftotext(pdf)).toContain('Resultaträkning');
    expect(pdfsig(pdf).match(/Signature is Valid/g)).toHaveLength(11);
    const plans = value(await s.api.call('verksamhetsplan.list', {}));
    expect(plans.filter((p) => p.status === 'faststalld').map((p) => p.firstYear)).toEqual(expect.arrayContaining([2025, 2026, 2027]));
  });

  it('has a riskanalys and internkontrollplan for the year, the controls done on their days, and an avvikelse with its åtgärd', async () => {
    const risks = value(await s.api.call('internkontroll.risks', { year: 2026 }));
    expect(risks.risks.length).toBe(5);
    const plan = value(await s.api.call('internkontroll.plan', { year: 2026 }));
    const occasions = plan.controls.flatMap((c) => c.occasions);
    expect(occasions.filter((o) => o.dueOn < addDays(TODAY, -3)).every((o) => o.done)).toBe(true);
    expect(plan.overdue).toBe(0);
    const deviations = value(await s.api.call('internkontroll.deviations', { year: 2025 }));
    expect(deviations.length).toBe(1);
  });

  it('shows on Översikt what is due now, the log naming who did the work and verifying whole', async () => {
    const desk = value(await s.api.call('desk.get', {}));
    const texts = desk.lines.map((l) => l.text).join('\n');
    expect(texts).toContain('Förbundsstyrelsen 2026-12-17');
    expect(texts).toContain('Arbetsträning Tierp');
    expect(texts).toContain('Mandatperioden 2023–2026 slutar 2026-12-31');
    expect(texts).not.toMatch(/inte klar|inte signerad|Ingen delårsrapport|Inga saldon|Ingen fastställd verksamhetsplan/);
    const verified = value(await s.api.call('audit.verify', {}));
    expect(verified.ok).toBe(true);
    const log = value(await s.api.call('audit.list', { limit: 5 }));
    expect(log.every((e) => e.actor === DEMO_ACTOR)).toBe(true);
  });
});

describe('the demo förbund on another day', () => {
  it('follows the date: in February of a new term it has the new mandate period with the board, and its meetings and books end there', async () => {
    const s = await demoOn('2027-02-20');
    const periods = value(await s.api.call('periods.list', {}));
    const current = periods.find((p) => p.startsOn <= '2027-02-20' && '2027-02-20' <= p.endsOn);
    expect(current).toMatchObject({ startsOn: '2027-01-01', endsOn: '2030-12-31' });
    const board = value(await s.api.call('board.list', { periodId: current?.id ?? 0 }));
    expect(board.rows.flatMap((r) => r.ordinarie).find((a) => a.role === 'ordforande')?.person.name).toBe('Johanna Ek');
    const meetings = value(await s.api.call('meetings.list', {})).filter((m) => m.body === 'styrelse');
    expect(meetings.every((m) => m.heldOn <= '2027-04-16')).toBe(true);
    expect(meetings.map((m) => m.heldOn)).toContain('2027-02-12');
    const utfall = value(await s.api.call('ekonomi.budgetMotUtfall', { year: 2027 }));
    // January is booked (the first quarter's medlemsavgifter); February has not ended.
    expect(utfall.posts.find((p) => p.post === 'medlemsavgifter')?.utfallKr).toBe(24_000_000 / 4);
    expect(utfall.posts.find((p) => p.post === 'forvaltning_lokaler')?.utfallKr).toBe(Math.round(340_000 / 12));
    s.close();
  }, 120_000);

  it('leaves nothing behind when it cannot be made, and the first start of the host makes it where the file is new', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'kansli.sqlite');
    // A clock set to 1991: the demo's years would lie before 1990, which the services refuse part-way through.
    await expect(
      createDemoDatabase(file, { appVersion: '0.0.0-test', dataDir: path.join(dir, 'data'), now: () => new Date('1991-06-01T09:00:00Z') }),
    ).rejects.toThrow(/Demoförbundet kunde inte skapas/);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('kansli.sqlite'))).toEqual([]);

    const s = await startSession(file, { create: 'demo', appVersion: '0.0.0-test', dataDir: path.join(dir, 'data') });
    expect(value(await s.api.call('insatser.list', {})).length).toBeGreaterThan(3);
    s.close();
    // The second start opens what is there.
    const again = await startSession(file, { create: 'demo', appVersion: '0.0.0-test', dataDir: path.join(dir, 'data') });
    expect(value(await again.api.call('insatser.list', {})).length).toBeGreaterThan(3);
    again.close();
  }, 120_000);

  it('survives a kill -9 while it is being made: the next start clears what was left and makes it whole', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'kansli.sqlite');
    const env = { ...process.env, KANSLI_DATA_DIR: path.join(dir, 'data') };
    const child = spawn(process.execPath, [...TSX_NODE, CLI, '--db', file, 'call', 'members.list'], { cwd: ROOT, env, stdio: 'ignore' });
    const writing = () => fs.readdirSync(dir).filter((f) => f.includes('.skrivs-'));
    // Killed once the demo's year is being written (the file has grown past its registers).
    await expect
      .poll(() => writing().some((f) => !f.endsWith('-shm') && fs.statSync(path.join(dir, f)).size > 600_000), { timeout: 60_000, interval: 50 })
      .toBe(true);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(fs.existsSync(file)).toBe(false);
    expect(writing().length).toBeGreaterThan(0);

    const run = kansli(['--db', file, 'call', 'insatser.list'], { env });
    expect(run.code).toBe(0);
    expect(run.json<unknown[]>().length).toBeGreaterThan(3);
    expect(writing()).toEqual([]);
  }, 120_000);
});

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AUDIT_ENTITY_LABELS, type AuditEntity } from '../../shared/contract/schemas/audit';
import { writeSie } from '../../shared/domain/sie4';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { createFilled } from '../helpers/arendeblad';
import { artifactPath } from '../helpers/browser';
import { firstOf, value } from '../helpers/envelope';
import { ensureBoardOn, newMeeting } from '../helpers/meetings';
import { demoMemberIds } from '../helpers/session';
import { tempDir } from '../helpers/temp';

const YEAR = 2026;

/** A small SIE 4 file: one account the register does not know and one object (a project). */
function sieFile(): string {
  const bytes = writeSie({
    program: 'Test',
    companyName: 'Samordningsförbundet',
    generatedOn: `${YEAR}-06-10`,
    fiscalYear: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
    accounts: [
      { number: '1930', name: 'Företagskonto' },
      { number: '6110', name: 'Kontorsmaterial' },
    ],
    dimensions: [{ number: 6, name: 'Projekt' }],
    objects: [{ dimension: 6, id: 'P7', name: 'Kansliets projekt' }],
    verifications: [
      {
        series: 'A',
        number: '1',
        date: `${YEAR}-03-02`,
        text: 'Pärmar och papper',
        transactions: [
          { account: '6110', amountOre: 125_050, objects: [{ dimension: 6, id: 'P7' }] },
          { account: '1930', amountOre: -125_050 },
        ],
      },
    ],
  });
  return Buffer.from(bytes).toString('base64');
}

/**
 * Creates, changes or removes a record of every kind the audit log names, through the
 * same API the screens use. Returns the kinds it touched.
 */
async function touchEveryKind(s: Session): Promise<AuditEntity[]> {
  // A backup restored first: the log says the database was replaced (and by which copy).
  const backup = value(await s.api.call('backup.create', { folder: tempDir() }));
  value(await s.api.call('backup.restore', { file: path.resolve(backup.file) }));

  value(await s.api.call('user.set', { name: 'Eva Lind' }));
  const forbund = value(await s.api.call('forbund.get', {}));
  value(await s.api.call('forbund.save', { name: forbund.name, orgNr: forbund.orgNr ?? '', address: 'Kungsgatan 1, 753 21 Uppsala', phone: '018-12 34 56' }));
  const m = await demoMemberIds(s);
  value(
    await s.api.call('members.save', {
      name: 'Sala kommun',
      shortName: 'Sala',
      kind: 'kommun',
      orgNr: '2120002080',
      populations: [{ year: 2017, population: 22_070 }],
    }),
  );
  const person = value(await s.api.call('people.save', { name: 'Karin Berg', party: 'C', title: 'Kommunalråd', organisation: 'Heby kommun' }));
  const period = value(await s.api.call('periods.save', { startsOn: '2027-01-01', endsOn: '2030-12-31' }));
  value(await s.api.call('board.save', { periodId: period.id, memberId: m.Heby, seat: 'ordinarie', role: null, person: { id: person.id, name: person.name } }));
  value(await s.api.call('groups.save', { name: 'Lokusgrupp Sala', kind: 'lokusgrupp', memberId: m.Heby, members: [{ personId: person.id }] }));

  const arende = value(await s.api.call('arenden.save', { title: 'Skrivelse om samverkan', kind: 'inkommande', receivedOn: `${YEAR}-03-01` }));
  const other = value(await s.api.call('arenden.save', { title: 'Svar på skrivelsen', kind: 'utgaende', receivedOn: `${YEAR}-03-09` }));
  value(await s.api.call('arenden.startSeries', { year: YEAR + 1, next: 40 }));
  value(
    await s.api.call('documents.add', {
      arendeId: arende.id,
      fileName: 'skrivelse.txt',
      contentBase64: Buffer.from('Skrivelse från Heby kommun').toString('base64'),
    }),
  );
  value(await s.api.call('links.add', { arendeId: other.id, targetKind: 'arende', targetId: arende.id }));
  const delegation = value(
    await s.api.call('delegations.save', {
      code: '7.1',
      matter: 'Inköp till kansliet',
      delegate: 'Förbundschef',
      limitKr: 50_000,
      validFrom: `${YEAR}-01-01`,
      reportToBoard: true,
    }),
  );
  value(
    await s.api.call('decisions.save', {
      delegationId: delegation.id,
      decidedOn: `${YEAR}-03-10`,
      decidedBy: 'Förbundschef',
      title: 'Inköp av pärmar',
      amountKr: 1_250,
    }),
  );

  await createFilled(s, 'tillaggsansokan');
  await ensureBoardOn(s, `${YEAR}-12-10`);
  const meeting = await newMeeting(s, `${YEAR}-12-10`);
  value(await s.api.call('protokoll.start', { meetingId: meeting.id }));

  const groups = value(await s.api.call('insatser.priorityGroups', { year: YEAR }));
  value(await s.api.call('insatser.savePriorityGroups', { year: YEAR, names: [...groups.map((g) => g.name), 'Unga som varken arbetar eller studerar'] }));
  const ansokan = value(
    await s.api.call('insatser.saveApplication', {
      kind: 'ny',
      name: 'Jobbspåret Sala',
      kategori: 'individ',
      parties: [m.Heby, m.FK],
      ownerMemberId: m.Heby,
      effektmal: ['Minst en tredjedel av de avslutade går till arbete eller studier'],
      startsOn: `${YEAR}-01-01`,
      endsOn: `${YEAR}-12-31`,
      years: [{ year: YEAR, soughtKr: 300_000, ownKr: 0, participants: 12 }],
      receivedOn: `${YEAR}-01-20`,
      sus: true,
      lokusAgrees: true,
    }),
  );
  const granted = value(
    await s.api.call('insatser.decide', { id: ansokan.id, outcome: 'bifall', granted: [], reason: '', by: 'styrelse', decidedOn: `${YEAR}-02-15` }),
  );
  const insatsId = granted.insatsId ?? 0;
  value(await s.api.call('insatser.update', { id: insatsId, status: 'pagaende', styrgrupp: 'Heby kommun (ordf.)' }));
  value(await s.api.call('insatser.targets', { year: YEAR, workStudyTarget: 0.34, guideline: { individ: 60, struktur: 30, kompetens: 10 } }));
  value(
    await s.api.call('insatser.saveRequisition', {
      insatsId,
      paidOn: `${YEAR}-04-30`,
      amountKr: 75_000,
      periodFrom: `${YEAR}-01-01`,
      periodTo: `${YEAR}-04-30`,
    }),
  );
  value(
    await s.api.call('insatser.saveParticipants', { insatsId, year: YEAR, deltagare: 12, kvinnor: 7, man: 5, avslutade: 4, tillArbete: 1, tillStudier: 1 }),
  );
  const goal = firstOf(value(await s.api.call('insatser.detail', { id: insatsId })).goals);
  value(await s.api.call('insatser.goalOutcome', { id: goal.id, outcome: 'delvis', note: '2 av 4 avslutade' }));
  value(await s.api.call('insatser.report', { insatsId, kind: 'avvikelse', receivedOn: `${YEAR}-05-01`, text: 'Starten flyttades en månad.' }));

  value(await s.api.call('medlemsavgifter.save', { year: 2018, totalKr: 21_966_000, status: 'preliminar', dueOn: '2018-04-30' }));
  value(await s.api.call('budget.save', { year: YEAR + 1, lines: [{ post: 'fortroendevalda', amountKr: 450_000 }] }));
  value(await s.api.call('utfall.save', { bookedOn: `${YEAR}-03-15`, post: 'forvaltning_ovrigt', amountKr: 900, text: 'Porto' }));
  value(
    await s.api.call('utfall.import', {
      fileName: 'bokforing.se',
      contentBase64: sieFile(),
      accounts: [{ account: '6110', name: 'Kontorsmaterial', post: 'forvaltning_ovrigt' }],
      objects: [{ dimension: 6, objectId: 'P7', name: 'Kansliets projekt', post: 'forvaltning_ovrigt' }],
    }),
  );
  value(await s.api.call('years.close', { year: 2015 }));
  value(await s.api.call('ekonomi.saveSettings', { reservfondKr: 1_000_000, guidelinePercent: 20, openingYear: 2017, openingEquityKr: 12_439_761 }));
  value(
    await s.api.call('ekonomi.saveHistory', {
      year: 2014,
      anslagKr: 22_000_000,
      samverkanKr: 20_440_000,
      fortroendevaldaKr: 702_000,
      forvaltningKr: 4_424_000,
    }),
  );

  const scale = value(await s.api.call('internkontroll.scale', {}));
  value(await s.api.call('internkontroll.saveScale', { ...scale, sannolikhet: scale.sannolikhet.map((w, i) => (i === 0 ? `${w} (sällan)` : w)) }));
  const risk = value(
    await s.api.call('internkontroll.saveRisk', {
      year: YEAR,
      title: 'Fakturor betalas utan avtal',
      process: 'Upphandling/avtal',
      sannolikhet: 2,
      konsekvens: 3,
      owner: 'Förbundschefen',
      hantering: 'kontroll',
    }),
  );
  const riskId = firstOf(risk.risks.filter((r) => r.title === 'Fakturor betalas utan avtal')).id;
  value(
    await s.api.call('internkontroll.saveControl', {
      year: YEAR,
      process: 'Upphandling/avtal',
      moment: 'fakturor följer ingångna avtal',
      riskId,
      metod: 'stickprov',
      frekvens: 'kvartal',
      ansvarig: 'Ekonomihandläggaren',
      checklist: ['Fakturan har ett avtal'],
    }),
  );
  const plan = value(await s.api.call('internkontroll.generateOccasions', { year: YEAR }));
  const control = firstOf(plan.controls.filter((c) => c.moment === 'fakturor följer ingångna avtal'));
  const occasionId = firstOf(control.occasions).id;
  const occasion = value(await s.api.call('internkontroll.occasion', { id: occasionId }));
  const item = firstOf(occasion.items);
  value(
    await s.api.call('internkontroll.saveOccasion', {
      id: occasionId,
      sample: 'faktura 2026-0187',
      items: [{ id: item.id, result: 'avvikelse', comment: 'Saknar avtal.' }],
    }),
  );
  value(
    await s.api.call('internkontroll.saveDeviation', {
      occasionId,
      itemId: item.id,
      description: 'Faktura utan avtal',
      action: 'Avtal tecknas',
      owner: 'Förbundschefen',
      dueOn: `${YEAR}-06-30`,
    }),
  );
  value(await s.api.call('internkontroll.copyYear', { fromYear: YEAR, toYear: YEAR + 1 }));
  value(await s.api.call('backup.saveSettings', { recent: 3, daily: 7, weekly: 4, monthly: 12 }));

  const draft = value(await s.api.call('verksamhetsplan.create', { firstYear: YEAR, lastYear: YEAR }));
  const planned = value(
    await s.api.call('verksamhetsplan.save', {
      id: draft.id,
      revision: draft.revision,
      title: draft.title,
      firstYear: YEAR,
      lastYear: YEAR,
      content: {
        goals: [
          {
            text: 'Fler går till arbete eller studier',
            matt: [{ id: 'm1', text: 'Andel till arbete eller studier', unit: 'andel', targets: [{ year: YEAR, value: 35 }] }],
          },
        ],
      },
    }),
  );
  value(await s.api.call('verksamhetsplan.adopt', { id: planned.id, revision: planned.revision, adoptedOn: `${YEAR}-01-15`, paragraph: '§ 3' }));
  value(
    await s.api.call('bokslut.saveSaldon', {
      year: YEAR - 1,
      accounts: [
        { account: '3010', name: 'Medlemsavgifter', resKr: -1_000 },
        { account: '1930', name: 'Bank', ubKr: 1_000 },
      ],
    }),
  );
  value(await s.api.call('bokslut.saveMappings', { year: YEAR - 1, mappings: [{ account: '7690', line: 'drift' }] }));
  value(await s.api.call('bokslut.saveNote', { year: YEAR - 1, number: 1, label: 'Sidointäkter', rows: [{ label: 'Hyresintäkter', kr: 100 }] }));
  value(await s.api.call('statistik.saveSus', { year: YEAR, figures: { deltagare: 20, kvinnor: 11 } }));
  const stat = value(await s.api.call('statistik.saveIndikator', { year: YEAR, name: 'Styrelseenkät', tillfragade: 22, besvarade: 14 }));
  value(await s.api.call('statistik.saveEvent', { heldOn: `${YEAR}-03-14`, title: 'Seminarium', deltagare: 30 }));
  value(await s.api.call('statistik.saveDialog', { heldOn: `${YEAR}-05-20`, title: 'Medlemsdialog', memberIds: [] }));
  value(await s.api.call('statistik.saveIndikator', { id: stat.indikatorer[0]!.id, year: YEAR, name: 'Styrelseenkät', tillfragade: 22, besvarade: 15 }));
  value(await s.api.call('arshjul.save', { year: YEAR, dates: [{ key: 'delarsrapport', monthDay: '09-30' }] }));
  value(await s.api.call('delarsrapport.save', { year: YEAR, toMonth: 8, prognos: [{ post: 'sidointakter', prognosKr: 10_000, kommentar: '' }] }));
  value(await s.api.call('arsredovisning.saveTexts', { year: YEAR - 1, texts: { arets_verksamhet: 'Förbundet finansierade tolv insatser.' } }));
  value(
    await s.api.call('maluppfyllelse.save', {
      planId: planned.id,
      year: YEAR,
      entries: [{ mattId: 'm1', value: 36, status: 'uppfyllt', kommentar: 'Enligt SUS.' }],
    }),
  );

  const kinds = (s.db.sqlite.prepare('SELECT DISTINCT entity FROM audit_log').all() as { entity: AuditEntity }[]).map((r) => r.entity);
  return kinds;
}

let app: E2EApp;
let page: Page;
let touched: AuditEntity[] = [];

beforeAll(async () => {
  app = await openApp(async (s) => {
    touched = await touchEveryKind(s);
  });
  page = app.page;
});

afterAll(() => closeApp(app));

describe('the Granskningslogg after a record of every kind has been touched', () => {
  it('has an entry for every kind of record the log knows', () => {
    expect(Object.keys(AUDIT_ENTITY_LABELS).filter((k) => !touched.includes(k as AuditEntity))).toEqual([]);
  });

  it('shows every entry in Swedish: the kind of record, its name, and each change in words', async () => {
    await page.goto(`${app.host.url}#/register/granskningslogg`);
    const entries = page.getByTestId('audit-row');
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBeGreaterThan(40);
    // Older entries come in pages: open them all.
    const more = page.getByRole('button', { name: 'Visa fler' });
    while ((await more.count()) > 0 && (await more.isEnabled())) {
      const before = await entries.count();
      await more.click();
      await expect.poll(() => entries.count()).toBeGreaterThan(before);
    }
    const n = await entries.count();
    for (let i = 0; i < n; i++) {
      const show = entries.nth(i).getByRole('button', { name: 'Visa ändringarna' });
      if ((await show.count()) > 0) await show.click();
    }
    const shown = (await page.getByRole('main').innerText()).replace(/\/tmp\/\S+/g, '').replace(/\u00a0/g, ' ');
    await page.screenshot({ path: artifactPath('granskningslogg-alla-slag.png'), fullPage: true });
    for (const kind of touched) expect(shown, kind).toContain(AUDIT_ENTITY_LABELS[kind]);
    // No JSON, no snake_case or camelCase field names, no "kind:12" codes (kB is a unit, not a name).
    expect(shown.match(/[{}"]|\b[a-z]+_[a-z_]+\b|\b(?!kB\b)[a-z]+[A-Z][a-zA-Z]*\b|\b[a-z]+:\d/g) ?? []).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxToText } from '../../electron/services/documents';
import { sie003 } from '../helpers/bokslut';
import { artifactPath } from '../helpers/browser';
import { makeTestCertificate } from '../helpers/certs';
import { failure, value } from '../helpers/envelope';
import { pdfsig, pdftotext, writeTemp } from '../helpers/pdf-tools';
import { tempDir } from '../helpers/temp';
import { newPlan } from '../helpers/verksamhetsplan';
import { application } from '../helpers/insatser';
import { ENGINES, engineSession, type AnySession } from '../helpers/engines';

const YEAR = 2025;

/** A year's books (seed 003's figures), an adopted plan with its måluppfyllelse, and this year's texts. */
async function yearOfWork(s: AnySession): Promise<void> {
  value(await s.api.call('bokslut.import', { fileName: `bokslut ${YEAR}.se`, contentBase64: sie003({ year: YEAR }) }));
  const draft = await newPlan(s, { firstYear: YEAR, lastYear: YEAR });
  const plan = value(
    await s.api.call('verksamhetsplan.save', {
      id: draft.id,
      revision: draft.revision,
      title: `Verksamhetsplan ${YEAR}`,
      firstYear: YEAR,
      lastYear: YEAR,
      content: {
        goals: [
          {
            text: 'Att stödja vidareutveckling av samverkan mellan parterna',
            subGoals: [
              {
                text: 'att minst 200 medarbetare under året får ökad kunskap om samverkan',
                matt: [{ id: 'm1', text: 'Medarbetare', targets: [{ year: YEAR, value: 200 }] }],
              },
            ],
          },
        ],
      },
    }),
  );
  value(await s.api.call('verksamhetsplan.adopt', { id: plan.id, revision: plan.revision, adoptedOn: `${YEAR - 1}-11-20` }));
  value(
    await s.api.call('maluppfyllelse.save', {
      planId: plan.id,
      year: YEAR,
      entries: [{ mattId: 'm1', value: 183, resultText: '183 medarbetare i förbundets seminarier.', status: 'delvis' }],
    }),
  );
  value(await s.api.call('statistik.saveSus', { year: YEAR, figures: { deltagare: 196, kvinnor: 111, man: 84 } }));
  // The risk module's year: one risk, its control once a year, done without avvikelse.
  const risks = value(
    await s.api.call('internkontroll.saveRisk', {
      year: YEAR,
      process: 'Upphandling/avtal',
      title: 'Fakturor betalas utan avtal',
      sannolikhet: 2,
      konsekvens: 3,
      owner: 'Förbundschefen',
      hantering: 'kontroll',
    }),
  );
  value(
    await s.api.call('internkontroll.saveControl', {
      year: YEAR,
      process: 'Upphandling/avtal',
      moment: 'fakturor följer ingångna avtal',
      riskId: risks.risks[0]!.id,
      metod: 'stickprov',
      frekvens: 'ar',
      ansvarig: 'Ekonomihandläggaren',
      checklist: ['Fakturan har ett avtal'],
    }),
  );
  const occasion = value(await s.api.call('internkontroll.generateOccasions', { year: YEAR })).controls[0]!.occasions[0]!;
  const checklist = value(await s.api.call('internkontroll.occasion', { id: occasion.id }));
  value(
    await s.api.call('internkontroll.saveOccasion', {
      id: occasion.id,
      sample: 'fakturor 2025-0112, 2025-0187',
      items: [{ id: checklist.items[0]!.id, result: 'ok', comment: null }],
    }),
  );
  value(await s.api.call('internkontroll.signOff', { id: occasion.id, doneOn: `${YEAR}-12-10` }));
  value(await s.api.call('statistik.saveEvent', { heldOn: `${YEAR}-03-14`, title: 'Seminarium om jämlikhet', deltagare: 57 }));
  value(
    await s.api.call('arsredovisning.saveTexts', {
      year: YEAR,
      texts: {
        inledning: 'Samordningsförbundet bedriver finansiell samordning inom rehabiliteringsområdet enligt lag (2003:1210).',
        arets_verksamhet: 'Under året har förbundet finansierat individ- och strukturinriktade insatser.',
      },
    }),
  );
}

describe.each(ENGINES)('årsredovisning (%s)', (engine) => {
  it("assembles the report in seed 003's order with a table of contents, and every ordinarie ledamot signs it in turn", async () => {
    const s = await engineSession(engine);
    try {
      await yearOfWork(s);
      const view = value(await s.api.call('arsredovisning.get', { year: YEAR }));
      expect(view.ready).toBe(true);
      expect(view.signedOn.startsWith(String(YEAR + 1))).toBe(true);
      expect(view.signers.length).toBeGreaterThan(2);
      expect(view.texts.find((t) => t.key === 'redovisningsprinciper')).toMatchObject({ carried: true });
      expect(view.texts.find((t) => t.key === 'inledning')).toMatchObject({ carried: false });

      const file = value(await s.api.call('arsredovisning.pdf', { year: YEAR }));
      const pdf = Buffer.from(file.contentBase64, 'base64');
      execFileSync('pdftoppm', ['-png', '-r', '50', writeTemp(pdf), artifactPath(`arsredovisning-${YEAR}`)]);
      const text = pdftotext(pdf).replace(/\s+/g, ' ');
      const order = [
        'Innehåll',
        'Förvaltningsberättelse',
        `Måluppfyllelse ${YEAR}`,
        `Insatser ${YEAR}`,
        'Kompetenshöjande insatser med syfte att främja samverkan',
        'Riskanalys och internkontrollplan',
        'Ekonomisk redogörelse',
        'Resultaträkning',
        'Balansräkning',
        'Kassaflödesanalys',
        'Redovisningsprinciper',
        'Underskrifter',
      ];
      const body = text.slice(text.indexOf('Förvaltningsberättelse Samordningsförbundet bedriver'));
      let at = -1;
      for (const part of order.slice(1)) {
        const next = body.indexOf(part, at + 1);
        expect(next, part).toBeGreaterThan(at);
        at = next;
      }
      // The table of contents carries real page numbers.
      expect(text).toMatch(/Innehåll Förvaltningsberättelse \d+ Måluppfyllelse 2025 \d+ Statistik 2025 \d+/);
      expect(text).toContain('Årets resultat −2 884 369');
      expect(text).toMatch(/Grupper Grupp Slag Medlemmar/);
      expect(text).toMatch(/Kansliet: [^.]+förbundschef/);
      expect(text).toContain('Under 2025 deltog 196 personer i förbundets individinsatser');
      expect(text).toContain('Kön: Kvinnor 111 57 %');
      expect(text).toContain('Under 2025 anordnade förbundet ett kompetenshöjande tillfälle med sammanlagt 57 deltagare.');
      expect(text).toContain('att minst 200 medarbetare under året får ökad kunskap');
      // The riskanalys and the internkontroll's follow-up, from the risk module.
      expect(text).toContain('Riskanalysen för 2025 omfattar en risk.');
      expect(text).toContain(
        'Internkontrollplanen anger att kontroll ska ske att fakturor följer ingångna avtal. Stickprov har gjorts vid ett tillfälle under perioden (fakturor 2025-0112, 2025-0187). Kontrollerna visar en korrekt hantering.',
      );
      for (const signer of view.signers) expect(text).toContain(signer.name);

      const docx = await docxToText(Buffer.from(value(await s.api.call('arsredovisning.docx', { year: YEAR })).contentBase64, 'base64'));
      expect(docx).toContain('Kassaflödesanalys');
      expect(docx).toContain(view.signers[0]!.name);

      // Stored in the diarium and signed by two ledamöter in turn: both signatures valid.
      const stored = value(await s.api.call('arsredovisning.store', { year: YEAR }));
      let documentId = stored.id;
      for (const signer of view.signers.slice(0, 2)) {
        const cert = makeTestCertificate(tempDir(), { commonName: signer.name, organization: signer.appointedBy, password: 'hemligt', days: 365 });
        const signed = value(
          await s.api.call('documents.sign', {
            documentId,
            credentials: { certificateBase64: fs.readFileSync(cert.p12Path).toString('base64'), password: 'hemligt', role: 'Ledamot' },
          }),
        );
        documentId = signed.id;
      }
      // The same ledamot cannot sign twice: their own box is taken.
      const again = makeTestCertificate(tempDir(), { commonName: view.signers[0]!.name, organization: 'x', password: 'hemligt', days: 365 });
      const twice = failure(
        await s.api.call('documents.sign', {
          documentId,
          credentials: { certificateBase64: fs.readFileSync(again.p12Path).toString('base64'), password: 'hemligt', role: 'Ledamot' },
        }),
      );
      expect(twice.message).toBe(`${view.signers[0]!.name} har redan signerat ”Årsredovisning ${YEAR} (signerad)”.`);
      const verification = value(await s.api.call('pdf.verify', { documentId }));
      expect(verification.valid).toBe(true);
      expect(verification.signatures.map((x) => x.signerName)).toEqual(view.signers.slice(0, 2).map((x) => x.name));
      const signedBytes = Buffer.from(value(await s.api.call('documents.get', { id: documentId })).contentBase64, 'base64');
      expect(pdfsig(signedBytes)).toContain('Signature #2');
    } finally {
      await s.close();
    }
  });

  it('reports the samverkansinsatser grouped as långsiktig samverkan, projekt and övriga, the year beside the year before and the life so far', async () => {
    const s = await engineSession(engine);
    try {
      await yearOfWork(s);
      const grant = async (name: string, kategori: 'individ' | 'struktur', kr2024: number, kr2025: number) => {
        const app = await application(s, {
          name,
          kategori,
          years: [
            { year: YEAR - 1, soughtKr: kr2024 },
            { year: YEAR, soughtKr: kr2025 },
          ],
          decidedOn: `${YEAR - 2}-12-01`,
        });
        return app.insatsId!;
      };
      const book = async (insatsId: number, bookedOn: string, amountKr: number) =>
        value(await s.api.call('utfall.save', { bookedOn, post: 'samverkan_individ', amountKr, insatsId }));
      const heby = await grant('Lokus Heby', 'individ', 1_800_000, 2_245_000);
      const vagval = await grant('Kunskapsstöd vägval', 'individ', 400_000, 1_390_000);
      const utvardering = await grant('Utvärdering förbundet', 'struktur', 400_000, 500_000);
      const uppsala = await grant('Lokus Uppsala', 'individ', 0, 15_000_000);
      // A new insats starts by its kategori: individinriktad → projekt, the others → övriga; Lokus Heby is långsiktig samverkan.
      expect(value(await s.api.call('insatser.detail', { id: vagval })).form).toBe('projekt');
      expect(value(await s.api.call('insatser.detail', { id: utvardering })).form).toBe('ovrig');
      const moved = value(await s.api.call('insatser.update', { id: heby, status: 'pagaende', form: 'langsiktig', styrgrupp: '' }));
      expect(moved.form).toBe('langsiktig');
      value(await s.api.call('insatser.update', { id: uppsala, status: 'pagaende', form: 'langsiktig', styrgrupp: '' }));
      await book(heby, `${YEAR - 1}-12-31`, 1_596_000);
      await book(heby, `${YEAR}-06-30`, 1_000_000);
      await book(heby, `${YEAR}-12-31`, 1_021_000);
      await book(vagval, `${YEAR - 1}-12-31`, 372_000);
      await book(vagval, `${YEAR}-12-31`, 1_265_000);
      await book(utvardering, `${YEAR - 1}-12-31`, 400_000);
      await book(utvardering, `${YEAR}-12-31`, 500_000);
      // The books' samverkansinsatser (Not 3, −18 042 335 kr in the bokslut) are the sum of the insatser.
      await book(uppsala, `${YEAR}-12-31`, 14_256_335);

      const pdf = Buffer.from(value(await s.api.call('arsredovisning.pdf', { year: YEAR })).contentBase64, 'base64');
      execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '5', '-l', '5', writeTemp(pdf), artifactPath(`arsredovisning-insatser-${YEAR}`)]);
      const text = pdftotext(pdf).replace(/\s+/g, ' ');
      // Insats · budget 2025 · utfall 2025 · utfall 2024 · kvot 2025 · kvot over the life up to 2025-12-31, in tkr.
      expect(text).toContain('Långsiktig samverkan, belopp i tkr');
      expect(text).toContain('Lokus Heby 2 245 2 021 1 596 90 % 89 %');
      expect(text).toContain('Lokus Uppsala 15 000 14 256 0 95 % 95 %');
      expect(text).toContain('Summa långsiktig samverkan 17 245 16 277 1 596 94 %');
      expect(text).toContain('Kunskapsstöd vägval 1 390 1 265 372 91 % 91 %');
      expect(text).toContain('Övriga utvecklingsinsatser, belopp i tkr');
      expect(text).toContain('Utvärdering förbundet 500 500 400 100 % 100 %');
      expect(text.indexOf('Långsiktig samverkan, belopp')).toBeLessThan(text.indexOf('Projektverksamhet, belopp'));
      expect(text.indexOf('Projektverksamhet, belopp')).toBeLessThan(text.indexOf('Övriga utvecklingsinsatser, belopp'));
      expect(text).toContain('förbrukade totalt 18 042 tkr 2025, att jämföra med 2 368 tkr 2024');

      // The change is in the log with its Swedish label.
      const log = value(await s.api.call('audit.list', { entity: 'insats', entityId: heby }));
      expect(JSON.stringify(log)).toContain('Långsiktig samverkan');
      // A form the schema does not know is refused and changes nothing.
      const refused = failure(await s.api.call('insatser.update', { id: heby, status: 'pagaende', form: 'annat', styrgrupp: '' } as never));
      expect(refused.message).toContain('Välj hur insatsen redovisas');
      expect(value(await s.api.call('insatser.detail', { id: heby })).form).toBe('langsiktig');
    } finally {
      await s.close();
    }
  });

  it("carries last year's texts, and refuses a year without a bokslut naming what is missing", async () => {
    const s = await engineSession(engine);
    try {
      await yearOfWork(s);
      const next = value(await s.api.call('arsredovisning.get', { year: YEAR + 1 }));
      expect(next.texts.find((t) => t.key === 'inledning')).toMatchObject({ carried: true, text: expect.stringContaining('finansiell samordning') });
      expect(next.ready).toBe(false);
      const refused = failure(await s.api.call('arsredovisning.pdf', { year: YEAR + 1 }));
      expect(refused.message).toContain(`Årsredovisningen för ${YEAR + 1} kan inte göras ännu. Det finns inget bokslut för ${YEAR + 1}`);
      expect(failure(await s.api.call('arsredovisning.pdf', { year: 2017 })).message).toContain('Ingen ordinarie ledamot i styrelseregistret 2018-03-15');
    } finally {
      await s.close();
    }
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openSession } from '../../electron/services/session';
import { createFilled } from '../helpers/arendeblad';
import { makeTestCertificate } from '../helpers/certs';
import { value } from '../helpers/envelope';
import { addToAgenda, newMeeting, packetFixture, runPacket } from '../helpers/meetings';

type Timer = (n: number, fn: () => Promise<unknown> | unknown) => Promise<number[]>;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Documents: render one ärendeblad as PDF/A, sign it, verify it; and, for the same
 * ärendeblad as DOCX, what `libreoffice --headless --convert-to pdf` takes (what a
 * kansli does today), side by side as a ratio.
 */
export async function benchDocuments(dir: string, time: Timer, stats: (s: number[]) => string): Promise<void> {
  const session = openSession(path.join(dir, 'dokument.sqlite'), { create: 'demo', appVersion: 'bench' });
  const blad = await createFilled(session, 'tillaggsansokan');
  const cert = makeTestCertificate(dir, { commonName: 'Åsa Öberg', organization: 'Samordningsförbundet', password: 'bench', days: 30 });
  const credentials = { certificateBase64: fs.readFileSync(cert.p12Path).toString('base64'), password: 'bench', role: 'Förbundschef' };

  await time(3, () => session.api.call('arendeblad.pdf', { id: blad.id }));
  const render = await time(30, () => session.api.call('arendeblad.pdf', { id: blad.id }));
  console.log(`Ärendeblad som PDF/A (${blad.rubrik}): ${stats(render)}`);
  // Each round signs a new version: a signed version is frozen and is not signed twice.
  const sign: number[] = [];
  for (let i = 0; i < 10; i++) {
    if (i > 0) {
      const current = value(await session.api.call('arendeblad.get', { id: blad.id }));
      value(await session.api.call('arendeblad.newVersion', { id: blad.id, revision: current.revision }));
    }
    const t = performance.now();
    value(await session.api.call('arendeblad.sign', { id: blad.id, credentials }));
    sign.push(performance.now() - t);
  }
  console.log(`Skapa + signera (PAdES) + spara i diariet: ${stats(sign)}`);
  const signed = value(await session.api.call('arendeblad.get', { id: blad.id })).signed[0];
  if (signed) console.log(`Kontrollera signaturen: ${stats(await time(30, () => session.api.call('pdf.verify', { documentId: signed.documentId })))}`);

  const docx = value(await session.api.call('arendeblad.docx', { id: blad.id }));
  const docxFile = path.join(dir, 'arendeblad.docx');
  fs.writeFileSync(docxFile, Buffer.from(docx.contentBase64, 'base64'));
  const office = ['libreoffice', 'soffice'].find((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!office) {
    console.log('LibreOffice saknas (apt-get install -y libreoffice-writer-nogui): ingen jämförelse.');
  } else {
    const profile = `file://${path.join(dir, 'lo-profil')}`;
    const convert = () => {
      const run = spawnSync(office, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxFile], { stdio: 'ignore' });
      if (run.status !== 0) throw new Error('libreoffice misslyckades');
    };
    convert(); // the first start writes a profile
    const lo = await time(5, convert);
    console.log(`libreoffice --headless --convert-to pdf, samma ärendeblad som DOCX: ${stats(lo)}`);
    console.log(`  Kansli är ${(median(lo) / median(render)).toFixed(0)} gånger snabbare (median mot median)`);
  }
  session.close();
}

/** The board packet of 30 ärenden with bilagor, built as the screen builds it (start, then follow). */
export async function benchPacket(dir: string, stats: (s: number[]) => string): Promise<void> {
  const session = openSession(path.join(dir, 'utskick.sqlite'), { create: 'demo', appVersion: 'bench' });
  const meeting = await newMeeting(session);
  await addToAgenda(session, meeting, await packetFixture(session, 30));
  const samples: number[] = [];
  let pages = 0;
  let size = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const { job } = await runPacket(session, meeting.id);
    samples.push(performance.now() - t);
    pages = job.file?.pages ?? 0;
    size = Math.round(((job.file?.contentBase64.length ?? 0) * 3) / 4);
  }
  console.log(`Utskick med 30 ärenden och bilagor (${pages} sidor, ${(size / 1024 / 1024).toFixed(1)} MiB): ${stats(samples)}`);
  session.close();
}

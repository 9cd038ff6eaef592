import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openSession } from '../../electron/services/session';
import { BUDGET_POSTS } from '../../shared/domain/budget-posts';

type Stats = (samples: number[]) => string;
type Time = (n: number, fn: () => Promise<unknown> | unknown) => Promise<number[]>;

/**
 * The economy at scale: 20 years (2007–2026, 2007–2024 closed), 2 000 insatser each
 * granted for three years, a budget and a fee every year, and 200 000 utfall rows.
 * Times the budget-mot-utfall table, the beslutsutrymme (which walks every year from
 * the opening equity) and the förbrukning history.
 */
export async function benchEkonomi(dir: string, time: Time, stats: Stats): Promise<string> {
  const session = openSession(path.join(dir, 'ekonomi.sqlite'), { create: 'demo', appVersion: 'bench' });
  const db = session.db.sqlite;
  const FIRST = 2007;
  const LAST = 2026;
  const INSATSER = 2_000;
  const ROWS = 200_000;
  const at = new Date().toISOString();
  const t0 = performance.now();
  db.transaction(() => {
    const owner = (db.prepare("SELECT id FROM members WHERE kind = 'kommun' ORDER BY id LIMIT 1").get() as { id: number }).id;
    const arende = db.prepare(
      "INSERT INTO arenden (year, seq, diarienummer, title, kind, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'beslutsarende', 'beslutat', ?, ?)",
    );
    const insats = db.prepare(
      "INSERT INTO insatser (name, kategori, owner_member_id, starts_on, ends_on, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'avslutad', ?, ?)",
    );
    const app = db.prepare(
      "INSERT INTO applications (arende_id, kind, insats_id, name, kategori, owner_member_id, starts_on, ends_on, sus, lokus_agrees, received_on, status, decided_on, decided_by, created_at, updated_at) VALUES (?, 'ny', ?, ?, ?, ?, ?, ?, 1, 1, ?, 'beviljad', ?, 'styrelse', ?, ?)",
    );
    const year = db.prepare('INSERT INTO application_years (application_id, year, sought_kr, granted_kr) VALUES (?, ?, ?, ?)');
    const kategorier = ['individ', 'struktur', 'kompetens'] as const;
    for (let i = 0; i < INSATSER; i++) {
      const start = FIRST + (i % (LAST - FIRST - 1));
      const kategori = kategorier[i % 3]!;
      const a = arende.run(start, 5_000 + i, `${start}/B${i}`, `Insats ${i}`, at, at).lastInsertRowid;
      const ins = insats.run(`Insats ${i}`, kategori, owner, `${start}-01-01`, `${start + 2}-12-31`, at, at).lastInsertRowid;
      const ap = app.run(
        a,
        ins,
        `Insats ${i}`,
        kategori,
        owner,
        `${start}-01-01`,
        `${start + 2}-12-31`,
        `${start - 1}-10-01`,
        `${start - 1}-12-01`,
        at,
        at,
      ).lastInsertRowid;
      for (let y = start; y <= start + 2; y++) year.run(ap, y, 300_000, 300_000);
    }
    const fee = db.prepare(
      "INSERT INTO medlemsavgifter (year, total_kr, population_year, status, created_at, updated_at) VALUES (?, ?, ?, 'faststalld', ?, ?)",
    );
    const budget = db.prepare("INSERT INTO budgets (year, kind, revision, decided_on, created_at, updated_at) VALUES (?, 'faststalld', 0, ?, ?, ?)");
    const line = db.prepare('INSERT INTO budget_lines (budget_id, post, amount_kr) VALUES (?, ?, ?)');
    for (let y = FIRST; y <= LAST; y++) {
      fee.run(y, 22_000_000, y - 1, at, at);
      const b = budget.run(y, `${y - 1}-11-25`, at, at).lastInsertRowid;
      BUDGET_POSTS.forEach((post, k) => line.run(b, post, post === 'medlemsavgifter' ? 22_000_000 : 500_000 + k * 100_000));
    }
    const utfall = db.prepare('INSERT INTO utfall (year, booked_on, post, insats_id, amount_ore, account, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insatsIds = db.prepare('SELECT id, kategori, starts_on FROM insatser').all() as { id: number; kategori: string; starts_on: string }[];
    for (let r = 0; r < ROWS; r++) {
      const y = FIRST + (r % (LAST - FIRST + 1));
      const date = `${y}-${String(1 + (r % 12)).padStart(2, '0')}-${String(1 + (r % 28)).padStart(2, '0')}`;
      if (r % 2 === 0) {
        const ins = insatsIds[r % INSATSER]!;
        utfall.run(y, date, `samverkan_${ins.kategori}`, ins.id, 1_234_500 + r, '4010', null, at);
      } else {
        const post = BUDGET_POSTS[r % BUDGET_POSTS.length]!;
        utfall.run(y, date, post, null, 56_700 + r, null, null, at);
      }
    }
    const close = db.prepare("INSERT INTO closed_years (year, closed_on, closed_by) VALUES (?, ?, 'bench')");
    for (let y = FIRST; y <= LAST - 2; y++) close.run(y, `${y + 1}-03-01`);
    db.prepare(
      'INSERT INTO economy_settings (id, reservfond_kr, guideline_permille, opening_year, opening_equity_kr, updated_at) VALUES (1, 1000000, 200, ?, 12000000, ?)',
    ).run(FIRST, at);
  })();
  db.exec('ANALYZE');
  console.log(
    `Ekonomi: ${LAST - FIRST + 1} år, ${INSATSER} insatser, ${ROWS.toLocaleString('sv-SE')} utfallsrader byggda på ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const call = async (method: string, input: unknown) => {
    const r = await session.api.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  await call('ekonomi.budgetMotUtfall', { year: 2025 });
  console.log(
    `  budget mot utfall 2025 (helår, per post och insats, med 2024 bredvid): ${stats(await time(20, () => call('ekonomi.budgetMotUtfall', { year: 2025 })))}`,
  );
  console.log(`  budget mot utfall jan–aug 2025: ${stats(await time(20, () => call('ekonomi.budgetMotUtfall', { year: 2025, fromMonth: 1, toMonth: 8 })))}`);
  console.log(
    `  beslutsutrymme 2025–2029 (från eget kapital 2007, 18 stängda år): ${stats(await time(20, () => call('ekonomi.beslutsutrymme', { fromYear: 2025, years: 5 })))} (mål p50 < 15 ms)`,
  );
  console.log(`  förbrukning i förhållande till medlemsintäkt, 20 år: ${stats(await time(20, () => call('ekonomi.history', {})))}`);
  console.log(`  utfall.list 2025 (första 200 av ${(ROWS / 20).toLocaleString('sv-SE')}): ${stats(await time(20, () => call('utfall.list', { year: 2025 })))}`);
  // The årsredovisning 2025 over the same 20 years: the bokslut's balances (seed 003's figures), then the whole report.
  // The books of 2025 as balances: each post's utfall on one account, the medlemsavgifter as the fee register says
  // (so Not 2 and Not 3 hold), the result in the bank against eget kapital.
  const fee2025 = (await call('medlemsavgifter.save', { year: 2025, totalKr: 22_000_000, status: 'faststalld', dueOn: '2025-04-30' })) as { totalKr: number };
  const account: Record<string, string> = {
    sidointakter: '3990',
    finansiella_intakter: '8220',
    samverkan_individ: '4010',
    samverkan_struktur: '4010',
    samverkan_kompetens: '4010',
    samverkan_ej_fordelat: '4010',
    utveckling: '4510',
    fortroendevalda: '7690',
    forvaltning_personal: '7010',
    forvaltning_lokaler: '5010',
    forvaltning_ovrigt: '5410',
    avskrivningar: '7832',
    finansiella_kostnader: '8410',
  };
  const res = new Map<string, number>([['3010', -fee2025.totalKr]]);
  for (const r of db.prepare('SELECT post, SUM(amount_ore) AS ore FROM utfall_post_months WHERE year = 2025 GROUP BY post').all() as {
    post: string;
    ore: number;
  }[]) {
    const a = account[r.post];
    if (!a) continue;
    const income = r.post === 'sidointakter' || r.post === 'finansiella_intakter';
    res.set(a, (res.get(a) ?? 0) + (income ? -1 : 1) * Math.round(r.ore / 100));
  }
  const result = -[...res.values()].reduce((t, v) => t + v, 0);
  await call('bokslut.saveSaldon', {
    year: 2025,
    accounts: [
      ...[...res].map(([a, kr]) => ({ account: a, resKr: kr })),
      { account: '1930', name: 'Bank', ibKr: 50_000_000, ubKr: 50_000_000 + result },
      { account: '2091', name: 'Eget kapital', ibKr: -50_000_000, ubKr: -50_000_000 },
    ],
  });
  const report = { year: 2025, signedOn: '2026-03-15' };
  await call('arsredovisning.pdf', report);
  const annual = await time(5, () => call('arsredovisning.pdf', report));
  console.log(`  årsredovisning 2025 som PDF/A (20 års data, ${INSATSER} insatser): ${stats(annual)} (mål < 2 s)`);
  const office = ['libreoffice', 'soffice'].find((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
  if (office) {
    const docx = (await call('arsredovisning.docx', report)) as { contentBase64: string };
    const docxFile = path.join(dir, 'arsredovisning.docx');
    fs.writeFileSync(docxFile, Buffer.from(docx.contentBase64, 'base64'));
    const profile = `file://${path.join(dir, 'lo-profil-ar')}`;
    const convert = () => {
      if (
        spawnSync(office, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxFile], { stdio: 'ignore' }).status !==
        0
      )
        throw new Error('libreoffice misslyckades');
    };
    convert();
    console.log(`  libreoffice --headless --convert-to pdf, samma årsredovisning som DOCX: ${stats(await time(3, convert))}`);
  } else console.log('  LibreOffice saknas: ingen jämförelse för årsredovisningen.');
  const mem = process.memoryUsage();
  console.log(`  minne efteråt: heap ${(mem.heapUsed / 1024 / 1024).toFixed(0)} MiB, rss ${(mem.rss / 1024 / 1024).toFixed(0)} MiB`);
  session.close();
  return session.db.path;
}

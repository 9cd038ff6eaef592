import type { Block } from '../contract/schemas/arendeblad';
import type { FeeView } from '../contract/schemas/ekonomi';
import { formatInteger, formatKr, formatPercent } from '../format/sv';
import type { TemplateData } from './arendeblad-templates';
import { BUDGET_POSTS, POST_INFO } from './budget-posts';
import { countWord, longDate, p, sec, skeleton, yymmdd, type Built } from './template-kit';

/**
 * The economy's ärendeblad, written from the data as the papers write them (seed 003):
 * "Fastställande av medlemsavgifter 2018" (or the preliminary "Medlemsavgifter 2019"),
 * "Ekonomisk information per 180302" with the beslutsutrymme table, and "Verksamhetsplan
 * och budget". What the database does not know is left as a «fält».
 */

const tkr = (kr: number) => formatInteger(Math.sign(kr) * Math.round(Math.abs(kr) / 1000));

/** "Håbo kommun" → "Håbo", as the fee table lists the kommuner. */
function kommunShort(name: string): string {
  return name.replace(/s? kommun$/i, '').trim() || name;
}

function feeTables(f: FeeView, regionName: string, countyName: string): Block[] {
  const prev = f.previous;
  const cols = prev ? ['', String(f.year), String(prev.year)] : ['', String(f.year)];
  const row = (label: string, kr: number | null, prevKr: number | null | undefined) =>
    prev ? [label, kr === null ? '' : formatInteger(kr), prevKr == null ? '' : formatInteger(prevKr)] : [label, kr === null ? '' : formatInteger(kr)];
  const parts: Block = {
    type: 'tabell',
    caption: `Medlemsavgifter ${f.year} per medlem`,
    header: cols,
    rows: [
      row('Fördelning total medlemsavgift', f.totalKr, prev?.totalKr),
      row(f.statLabel, f.statKr, prev?.statKr),
      row(regionName, f.regionKr, prev?.regionKr),
      row(`Kommunerna${countyName ? ` i ${countyName}` : ''}`, f.kommunerKr, prev?.kommunerKr),
    ],
    sumRow: false,
    note: '',
  };
  const kommuner = f.shares.filter((s) => s.kind === 'kommun');
  const header = prev
    ? ['Kommun', `Folkmängd 1 nov ${f.populationYear}`, 'Andel', String(f.year), String(prev.year)]
    : ['Kommun', `Folkmängd 1 nov ${f.populationYear}`, 'Andel', String(f.year)];
  const rows = kommuner
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map((k) => {
      const base = [
        kommunShort(k.name),
        k.population === null ? '' : formatInteger(k.population),
        k.populationShare === null ? '' : formatPercent(k.populationShare, 2),
        formatInteger(k.amountKr),
      ];
      return prev ? [...base, k.previousKr === null ? '' : formatInteger(k.previousKr)] : base;
    });
  const sum = ['Summa', f.populationTotal === null ? '' : formatInteger(f.populationTotal), formatPercent(1, 2), formatInteger(f.kommunerKr ?? 0)];
  rows.push(prev ? [...sum, formatInteger(prev.kommunerKr)] : sum);
  const split: Block = {
    type: 'tabell',
    caption: 'Fördelning mellan kommunerna*',
    header,
    rows,
    sumRow: true,
    note: `*baseras på folkmängd 1 november ${f.populationYear}, SCB`,
  };
  return [parts, split];
}

/** Before the total is set: the kommuner's folkmängd and shares, the amounts left for the writer. */
function populationTable(f: FeeView): Block[] {
  const kommuner = f.shares.filter((s) => s.kind === 'kommun').sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  if (kommuner.length === 0) return [p('«Tabell över medlemsavgifterna per medlem.»')];
  const total = kommuner.reduce((s, k) => s + (k.population ?? 0), 0);
  const rows = kommuner.map((k) => [
    kommunShort(k.name),
    k.population === null ? '«folkmängd»' : formatInteger(k.population),
    k.populationShare === null ? '«andel»' : formatPercent(k.populationShare, 2),
    '«belopp»',
  ]);
  rows.push(['Summa', formatInteger(total), formatPercent(1, 2), '«belopp»']);
  return [
    {
      type: 'tabell',
      caption: 'Fördelning mellan kommunerna*',
      header: ['Kommun', `Folkmängd 1 nov ${f.populationYear}`, 'Andel', String(f.year)],
      rows,
      sumRow: true,
      note: `*baseras på folkmängd 1 november ${f.populationYear}, SCB`,
    },
  ];
}

/** "Uppsala län" from "Samordningsförbundet Uppsala län", when the name says it. */
function countyOf(forbund: string): string {
  const m = /(\S+ län)\b/.exec(forbund);
  return m ? m[1]! : '';
}

export function feesBlad(d: TemplateData): Built {
  const f = d.fees;
  const year = f?.year ?? d.year;
  const region = d.members.find((m) => m.kind === 'region')?.name ?? 'Regionen';
  const county = countyOf(d.forbund);
  const kommunCount = d.members.filter((m) => m.kind === 'kommun').length;
  const kommunText = kommunCount === 1 ? 'kommunen står för' : `${county ? 'länets' : 'de'} ${countWord(kommunCount)} kommuner delar på`;
  const preliminary = f?.status !== 'faststalld';
  const stat = f?.statKr == null ? '«belopp» kr' : formatKr(f.statKr);
  const blocks: Block[] = [];
  if (preliminary && f?.totalKr != null) {
    blocks.push(
      p(
        `Tilldelningen från staten inför nästkommande år brukar fastställas av Försäkringskassan under hösten. I den processen behöver förbundet veta vilket belopp övriga medlemmar, dvs. ${region} och kommunerna, kan möta upp.`,
      ),
      p(
        `I tabellen nedan visas effekten per medlem vid en total medlemsavgift på ${formatKr(f.totalKr)}${f.previous ? `, jämfört med ${f.previous.year} års tilldelning` : ''}. Vid befolkningsförändringar kan beloppen förändras något mellan kommunerna eftersom fördelningen baseras på folkmängden den 1 november året innan.`,
      ),
    );
  } else {
    blocks.push(
      p(
        `Tilldelningen från staten via Försäkringskassan har för år ${year} fastställts till ${stat} vilket motsvarar 50 % av medlemsavgiften. ${region} står för 25 % medan ${kommunText} resterande 25 %.`,
      ),
    );
  }
  blocks.push(
    ...(f && f.totalKr !== null && f.problems.length === 0
      ? feeTables(f, region, county)
      : f
        ? populationTable(f)
        : [p('«Tabell över medlemsavgifterna per medlem.»')]),
  );
  const punkter =
    preliminary && f?.totalKr != null
      ? ['lägga informationen till handlingarna']
      : [
          `medlemsavgift till ${d.forbund} för ${year} fastställs enligt tabell nedan`,
          `medlemsavgiften betalas in senast ${f?.dueOn ? longDate(f.dueOn) : `«datum» ${year}`} mot faktura`,
        ];
  return {
    rubrik: preliminary && f?.totalKr != null ? `Medlemsavgifter ${year}` : `Fastställande av medlemsavgifter ${year}`,
    content: skeleton(d, punkter, [sec('Ärendet', ...blocks)]),
  };
}

export function ekonomiskInformation(d: TemplateData): Built {
  const b = d.beslutsutrymme;
  const arendet: Block[] = [
    p(
      'Kansliet informerar om beslutsutrymme för ytterligare insatser finansierade av förbundet, dels med utgångspunkt i beslut som redan är fattade av styrelsen, dels utifrån finansiella effekter av ärenden som går upp till beslut under styrelsemötet.',
    ),
  ];
  if (!b || b.rows.length === 0) {
    arendet.push(p('«Aktuellt beslutsutrymme och effekten av inkomna ej beslutade ansökningar.»'));
  } else {
    const rows = b.rows.slice(0, 9);
    const first = rows[0]!;
    const next = rows[1];
    arendet.push(
      p(
        `I tabellen visas beslutsutrymmet med hänsyn tagen endast till redan beslutade insatser, se raden ”Beslutsutrymme efter aktuella finansieringsbeslut”. I beslutsutrymmet ingår det ackumulerade överskottet från tidigare år samt förväntade medlemsintäkter för kommande år. ${first.year} års ${first.source === 'utfall' ? 'resultat' : 'beräknade resultat'} på ${tkr(first.resultatKr)} tkr ${first.resultatKr < 0 ? 'minskar' : 'ökar'} det ackumulerade överskottet till ${tkr(first.efterAktuellaKr)} tkr${next ? ` och för ${next.year} beräknas det bli ${tkr(next.efterAktuellaKr)} tkr` : ''}.`,
      ),
    );
    if (b.pending.length === 0) {
      arendet.push(p('Det finns inga inkomna ansökningar som ännu inte är beslutade.'));
    } else {
      for (const a of b.pending) {
        const lastYear = a.byYear.at(-1)?.year;
        arendet.push(
          p(
            `${a.label}: ansökan är på ${formatKr(a.totalKr)} och den finansiella effekten illustreras i tabellen, se raden för ansökan. Vid bifall minskar beslutsutrymmet för ytterligare insatser med ${tkr(a.totalKr)} tkr${lastYear ? ` fram till och med år ${lastYear}` : ''}.`,
          ),
        );
      }
    }
    const line = (label: string, pick: (r: (typeof rows)[number]) => number) => [label, ...rows.map((r) => tkr(pick(r)))];
    const tableRows = [
      line('Finansiella anslag', (r) => r.anslagKr),
      line('Över-/underskott från tidigare år', (r) => r.fromEarlierKr),
      line('Totalt ingående beslutsutrymme', (r) => r.ingaendeKr),
      line('Samverkansinsatser', (r) => r.samverkanKr),
      line('Förtroendevalda och förvaltning (netto)', (r) => r.ovrigtNettoKr),
      line('ÅRETS RESULTAT', (r) => r.resultatKr),
      line('BESLUTSUTRYMME efter aktuella finansieringsbeslut', (r) => r.efterAktuellaKr),
      ...b.pending.map((a) => [
        a.label,
        ...rows.map((r) => {
          const kr = a.byYear.find((e) => e.year === r.year)?.kr ?? 0;
          return kr === 0 ? '' : tkr(kr);
        }),
      ]),
      line(b.pending.length > 0 ? 'BESLUTSUTRYMME efter ej beslutade ansökningar' : 'BESLUTSUTRYMME', (r) => r.efterPendingKr),
    ];
    arendet.push({
      type: 'tabell',
      caption: `Ekonomisk information ${rows[0]!.year}–${rows.at(-1)!.year} (belopp i tkr)`,
      header: ['', ...rows.map((r) => String(r.year))],
      rows: tableRows,
      sumRow: true,
      note: [
        rows.some((r) => r.source === 'utfall')
          ? `Utfall för ${rows
              .filter((r) => r.source === 'utfall')
              .map((r) => r.year)
              .join(', ')}; övriga år budget och beviljade insatser.`
          : 'Budget och beviljade insatser.',
        ...b.notes,
      ].join(' '),
    });
  }
  return {
    rubrik: `Ekonomisk information per ${yymmdd(d.datum)}`,
    content: skeleton(d, ['lägga informationen till handlingarna'], [sec('Ärendet', ...arendet)]),
  };
}

export function budgetBlad(d: TemplateData): Built {
  const next = d.year + 1;
  const b = d.budget;
  const arendet: Block[] = [
    p('Enligt förbundsordningen ska styrelsen varje år fastställa verksamhetsplan och budget för nästkommande år. Förslaget finns i bilaga 1.'),
  ];
  const bedomning: Block[] = [];
  const forslag = b?.next.versions.find((v) => v.kind === 'forslag') ?? null;
  if (!b || !forslag) {
    arendet.push(p('«Inriktning, prioriterade målgrupper och budgetens huvuddrag.»'));
    bedomning.push(p('«Bedömning av budgeten i förhållande till god ekonomisk hushållning.»'));
  } else {
    const current = b.current.versions.at(-1) ?? null;
    const amount = (v: typeof forslag | null, post: (typeof BUDGET_POSTS)[number]) => v?.lines.find((l) => l.post === post)?.amountKr ?? 0;
    const posts = BUDGET_POSTS.filter((post) => amount(forslag, post) !== 0 || amount(current, post) !== 0);
    const rows = posts.map((post) => [POST_INFO[post].label, tkr(amount(forslag, post)), current ? tkr(amount(current, post)) : '']);
    rows.push(['Summa intäkter', tkr(forslag.intakterKr), current ? tkr(current.intakterKr) : '']);
    rows.push(['Summa kostnader', tkr(forslag.kostnaderKr), current ? tkr(current.kostnaderKr) : '']);
    rows.push(['Resultat', tkr(forslag.resultKr), current ? tkr(current.resultKr) : '']);
    arendet.push({
      type: 'tabell',
      caption: `Budget ${next} (belopp i tkr)`,
      header: ['Post', `Förslag ${next}`, `Budget ${d.year}`],
      rows,
      sumRow: true,
      note: '',
    });
    bedomning.push(
      p(
        forslag.resultKr >= 0
          ? `Budgeten för ${next} är i balans med ett överskott på ${tkr(forslag.resultKr)} tkr.`
          : `Budgeten för ${next} har ett underskott på ${tkr(-forslag.resultKr)} tkr. ${forslag.balanceReason ?? '«Skäl till underskottet, t.ex. att överskott från tidigare år används till insatser för målgruppen.»'}`,
      ),
    );
  }
  return {
    rubrik: `Verksamhetsplan och budget ${next}`,
    content: skeleton(
      d,
      [`fastställa verksamhetsplan med budget för ${next}`, `notera planeringsramarna för ${next + 1}–${next + 2}`],
      [sec('Ärendet', ...arendet), sec('Bedömning', ...bedomning)],
      [`Verksamhetsplan och budget ${next}`],
    ),
  };
}

import type { ArendebladContent, Block, TemplateInfo, TemplateKey } from '../contract/schemas/arendeblad';
import type { BeslutsutrymmeView, BudgetYearView, FeeView } from '../contract/schemas/ekonomi';
import { budgetBlad, ekonomiskInformation, feesBlad } from './ekonomi-templates';
import { riskanalysBlad, uppfoljningBlad, type FollowUpTemplateData, type RiskTemplateData } from './internkontroll-templates';
import { countWord, h, joinSv, p, sec, skeleton, type Built } from './template-kit';

export { countWord, joinSv, proposalIntro } from './template-kit';
import type { Overview, OverviewRow } from '../contract/schemas/insatser';
import { formatInteger, formatKr, formatPercent } from '../format/sv';

/**
 * The ärendeblad a förbund brings every year, as pure functions of what the database
 * knows. What it does not know is left as a «fält» for the writer; a PDF is not made
 * while one is left (see arendebladProblems). Later issues add data (applications,
 * fees, budget, risks) through TemplateData; the templates already take it.
 */

export const PLACEHOLDER = /«[^«»]{1,300}»/g;

export interface TemplateMember {
  name: string;
  kind: 'stat' | 'region' | 'kommun';
  /** Folkmängd 1 november the year before the fee year, when registered. */
  population: number | null;
}

export interface TemplateDecision {
  diarienummer: string;
  decidedOn: string;
  title: string;
  delegationCode: string;
  decidedBy: string;
  amountKr: number | null;
}

export interface TemplateApplication {
  insats: string;
  amountKr: number;
  from: string;
  to: string;
  /** Samverkansparter, the insatsägare first as the papers write them. */
  parter: string[];
  insatsagare: string;
  syfte?: string | null;
  malgrupp?: string | null;
  effektmal?: string[];
  insatsmal?: string[];
  /** The year's prioriterade målgrupper the application addresses. */
  priorityGroups?: string[];
  kategori?: 'individ' | 'struktur' | 'kompetens';
  sus?: boolean;
  lokusAgrees?: boolean;
}

/** The half-year's figures for the utvärderings-PM (see insats-figures.ts and the overview). */
export interface EvaluationData {
  /** "första halvåret 2026", "helåret 2026". */
  periodLabel: string;
  rows: (Omit<OverviewRow, 'insatsId' | 'kategori' | 'status'> & { styrgrupp: string | null })[];
  total: Overview['total'];
  workStudyTarget: number | null;
  split: { label: string; grantedKr: number; share: number; guideline: number }[];
  goals: { insats: string; kind: 'effektmål' | 'insatsmål'; text: string; outcome: string }[];
  avvikelser: { insats: string; date: string; text: string }[];
}

export interface TemplateData {
  /** The year the ärendeblad is written. */
  year: number;
  /** Its date, ÅÅÅÅ-MM-DD. */
  datum: string;
  forbund: string;
  organ: string;
  foredragande: { personId: number | null; name: string; title: string } | null;
  /** Members in register order (stat, region, kommuner A–Ö). */
  members: TemplateMember[];
  unreportedDecisions: TemplateDecision[];
  application?: TemplateApplication;
  /** The year's medlemsavgifter per member, when set (Ekonomi → Medlemsavgifter). */
  fees?: FeeView;
  /** The beslutsutrymme table from this year on. */
  beslutsutrymme?: BeslutsutrymmeView;
  /** Next year's budget (the förslag), with this year's beside it. */
  budget?: { next: BudgetYearView; current: BudgetYearView };
  /** The riskanalys and internkontrollplan to adopt. */
  risk?: RiskTemplateData;
  /** The internkontroll's results for the delårsrapport or the årsredovisning. */
  followUp?: FollowUpTemplateData;
  evaluation?: EvaluationData;
}

/** "2019-04-01 till 2021-03-31", as the papers write a period. */
export function formatPeriod(from: string, to: string): string {
  return `${from} till ${to}`;
}

/** The conditions every grant of the seeds carries. */
export const STANDARD_CONDITIONS = [
  'finansieringen av insatsen gäller under förutsättning att förbundet beviljas medel från medlemsorganisationerna framöver',
  'finansieringen av insatsen gäller under förutsättning att insatsen följer aktuell ansökan, gällande lagstiftning och av förbundet antagna styrdokument',
] as const;

const KATEGORI_TEXT = {
  individ: 'en individinriktad insats där deltagarna skrivs in i verksamheten',
  struktur: 'en strukturinriktad insats',
  kompetens: 'en kompetenshöjande insats för personal hos parterna',
} as const;

/** A sentence with its first letter in capitals, ending with a full stop. */
function sentence(text: string): string {
  const t = text.trim().replace(/[.\s]+$/, '');
  return t === '' ? t : `${t.charAt(0).toUpperCase()}${t.slice(1)}.`;
}

function lowerFirst(text: string): string {
  const t = text.trim().replace(/[.\s]+$/, '');
  return `${t.charAt(0).toLowerCase()}${t.slice(1)}`;
}

function grant(d: TemplateData, kind: 'ansökan' | 'tilläggsansökan'): Built {
  const a = d.application;
  const insats = a?.insats ?? '«insatsens namn»';
  const amount = a ? formatKr(a.amountKr) : '«belopp» kr';
  const period = a ? formatPeriod(a.from, a.to) : formatPeriod('«ÅÅÅÅ-MM-DD»', '«ÅÅÅÅ-MM-DD»');
  const parter = a ? joinSv(a.parter) : '«samverkansparter»';
  const agare = a?.insatsagare ?? '«insatsägare»';
  const verb = kind === 'ansökan' ? 'ansöker om medel till insatsen' : 'ansöker om medel till att förlänga pågående insats';
  const syfte = a?.syfte ? lowerFirst(a.syfte) : '«syfte»';
  const malgrupp = a?.malgrupp ? lowerFirst(a.malgrupp) : '«målgrupp»';
  const effektmal = a?.effektmal && a.effektmal.length > 0 ? joinSv(a.effektmal.map(lowerFirst)) : '«effektmål»';
  const insatsmal = a?.insatsmal && a.insatsmal.length > 0 ? joinSv(a.insatsmal.map(lowerFirst)) : '«insatsmål»';
  const bedomning: Block[] = [];
  if (a?.kategori)
    bedomning.push(
      p(`Insatser som beviljas kan vara individinriktade, strukturinriktade eller kompetenshöjande. Denna insats är ${KATEGORI_TEXT[a.kategori]}.`),
    );
  if (a?.priorityGroups && a.priorityGroups.length > 0) {
    bedomning.push(
      p(
        `I inriktningen för ${d.year} har styrelsen tydliggjort prioriterade målgrupper; ${joinSv(a.priorityGroups.map(lowerFirst))}. Insatsen riktar sig mot ${a.priorityGroups.length === 1 ? 'denna prioriterade målgrupp' : 'dessa prioriterade målgrupper'}.`,
      ),
    );
  } else {
    bedomning.push(
      p(
        `I inriktningen för ${d.year} har styrelsen tydliggjort prioriterade målgrupper. «Hur insatsen svarar mot inriktningen och de prioriterade målgrupperna.»`,
      ),
    );
  }
  if (a?.sus !== undefined && a.lokusAgrees !== undefined) {
    const sus = a.kategori === 'individ' ? (a.sus ? ' Deltagarna registreras i SUS.' : ' Deltagarna registreras inte i SUS.') : '';
    const lokus = a.lokusAgrees
      ? ' Ansökan har diskuterats av parterna i lokusgruppen och alla parter i lokusgruppen har ställt sig bakom ansökan.'
      : ' Alla parter i lokusgruppen har inte ställt sig bakom ansökan.';
    bedomning.push(
      p(
        `I ansökan anges resultat och mätbara mål som ligger i linje med förbundets inriktning. Uppföljning och utvärdering kommer att ske löpande.${sus}${lokus}`,
      ),
    );
  } else {
    bedomning.push(
      p(
        'I ansökan anges resultat och mätbara mål som ligger i linje med förbundets inriktning. «Uppföljning, SUS-registrering och lokusgruppens ställningstagande.»',
      ),
    );
  }
  bedomning.push(
    p('Utifrån insatsens inriktning, målgruppens behov och angivna mål bedöms detta som en adekvat kostnad inom ramen för förbundets inriktning.'),
  );
  return {
    rubrik: kind === 'ansökan' ? insats : `${insats} – tilläggsansökan`,
    content: skeleton(
      d,
      [
        `bevilja finansiellt stöd från förbundet enligt ${kind} till insatsen ${insats}`,
        `avsätta maximalt ${amount} som finansiering under perioden ${period}`,
        ...STANDARD_CONDITIONS,
      ],
      [
        sec(
          'Ärendet',
          h(kind === 'ansökan' ? 'Ansökan' : 'Tilläggsansökan'),
          p(`${parter} ${verb} ${insats}. ${agare} är insatsägare. Syftet med insatsen är ${syfte}. Målgrupp är ${malgrupp}.`),
          p(`Inom insatsen har angetts följande effektmål: ${effektmal}. Som insatsmål har angivits: ${insatsmal}.`),
        ),
        sec('Bedömning', ...bedomning),
      ],
      [kind === 'ansökan' ? `Ansökan ${insats}` : `Tilläggsansökan ${insats}`],
    ),
  };
}

/** Avslag: the decision and its reason. */
export function rejection(d: TemplateData, reason: string): Built {
  const a = d.application;
  const insats = a?.insats ?? '«insatsens namn»';
  return {
    rubrik: `${insats} – ansökan`,
    content: skeleton(
      d,
      [`avslå ansökan om finansiering av insatsen ${insats}`],
      [
        sec(
          'Ärendet',
          p(`${a ? joinSv(a.parter) : '«samverkansparter»'} ansöker om medel till insatsen ${insats}. ${a?.insatsagare ?? '«insatsägare»'} är insatsägare.`),
        ),
        sec('Bedömning', p(sentence(reason))),
      ],
      [`Ansökan ${insats}`],
    ),
  };
}

function decisionsReport(d: TemplateData): Built {
  const rows = d.unreportedDecisions.map((x) => [x.diarienummer, x.decidedOn, x.title, x.delegationCode, x.amountKr === null ? '' : formatInteger(x.amountKr)]);
  const table: Block =
    rows.length === 0
      ? p('Inga delegationsbeslut har fattats sedan förra sammanträdet.')
      : { type: 'tabell', caption: 'Delegationsbeslut att anmäla', header: ['Dnr', 'Datum', 'Beslut', 'Punkt', 'Belopp, kr'], rows, sumRow: false, note: '' };
  return {
    rubrik: 'Anmälan av delegationsbeslut',
    content: skeleton(
      d,
      ['lägga anmälan av delegationsbesluten till handlingarna'],
      [
        sec(
          'Ärendet',
          p(
            `Enligt förbundets delegationsordning ska beslut som fattats med stöd av delegation anmälas till ${d.organ.toLowerCase()}. Sedan förra sammanträdet har följande beslut fattats.`,
          ),
          table,
        ),
      ],
    ),
  };
}

const pct = (v: number | null) => (v === null ? '–' : formatPercent(v));

function evaluationPm(d: TemplateData): Built {
  const e = d.evaluation;
  const period = e?.periodLabel ?? '«period»';
  const blocks = {
    mal: [] as Block[],
    budget: [] as Block[],
    kvalitet: [] as Block[],
    statistik: [] as Block[],
  };
  if (e) {
    blocks.mal.push(
      e.goals.length === 0
        ? p('Inga mål har följts upp under perioden.')
        : {
            type: 'tabell',
            caption: 'Måluppfyllelse per insats',
            header: ['Insats', 'Mål', 'Utfall'],
            rows: e.goals.map((g) => [g.insats, `${g.kind === 'effektmål' ? 'Effektmål' : 'Insatsmål'}: ${g.text}`, g.outcome]),
            sumRow: false,
            note: '',
          },
    );
    blocks.budget.push({
      type: 'tabell',
      caption: `Beviljad budget och utfall ${period}`,
      header: ['Insats', 'Budget, kr', 'Utfall, kr', 'Förbrukningskvot'],
      rows: [
        ...e.rows.map((r) => [r.name, formatInteger(r.budgetKr), formatInteger(r.utfallKr), pct(r.kvot)]),
        ['Totalt', formatInteger(e.total.budgetKr), formatInteger(e.total.utfallKr), pct(e.total.kvot)],
      ],
      sumRow: true,
      note: 'Utfallet är de rekvisitioner som betalats ut under perioden.',
    });
    blocks.budget.push(
      e.avvikelser.length === 0
        ? p('Inga avvikelserapporter har kommit in under perioden.')
        : { type: 'punktlista', items: e.avvikelser.map((a) => `${a.insats} (${a.date}): ${a.text}`) },
    );
    const styr = e.rows.filter((r) => r.styrgrupp);
    if (styr.length > 0) blocks.kvalitet.push({ type: 'punktlista', items: styr.map((r) => `${r.name}: ${r.styrgrupp}`) });
    blocks.kvalitet.push(p('«Styrgruppernas möten, kontroller av metod och målgrupp, jämställdhets- och jämlikhetsarbete.»'));
    blocks.statistik.push(h('De beviljade insatsernas förhållande till förbundets mål'));
    blocks.statistik.push({
      type: 'tabell',
      caption: 'Fördelning per kategori mot riktlinjen',
      header: ['Kategori', 'Beviljat, kr', 'Andel', 'Riktlinje'],
      rows: e.split.map((x) => [x.label, formatInteger(x.grantedKr), formatPercent(x.share), formatPercent(x.guideline, 0)]),
      sumRow: false,
      note: '',
    });
    const share = e.total.workStudyShare;
    blocks.statistik.push(
      p(
        share === null
          ? 'Inga deltagare har avslutats under perioden.'
          : `Av de ${countWord(e.total.avslutade)} avslutade deltagarna gick ${formatPercent(share)} till arbete eller studier${e.workStudyTarget === null ? '' : `, mot förbundets mål ${formatPercent(e.workStudyTarget, 0)}`}.`,
      ),
    );
    if (e.total.workStudyShareKvinnor !== null || e.total.workStudyShareMan !== null) {
      blocks.statistik.push(
        p(
          `Uppdelat på kön gick ${pct(e.total.workStudyShareKvinnor)} av de avslutade kvinnorna och ${pct(e.total.workStudyShareMan)} av de avslutade männen till arbete eller studier.`,
        ),
      );
    }
    blocks.statistik.push(h('Kostnad och utfall för deltagare'));
    blocks.statistik.push({
      type: 'tabell',
      caption: 'Deltagare per insats',
      header: ['Insats', 'Deltagare', 'Kvinnor', 'Män', 'Avslutade', 'Arbete/studier', 'Kostnad/deltagare, kr'],
      rows: [
        ...e.rows.map((r) => [
          r.name,
          String(r.deltagare),
          String(r.kvinnor),
          String(r.man),
          String(r.avslutade),
          String(r.tillArbeteStudier),
          r.costPerParticipant === null ? '–' : formatInteger(r.costPerParticipant),
        ]),
        [
          'Totalt',
          String(e.total.deltagare),
          String(e.total.kvinnor),
          String(e.total.man),
          String(e.total.avslutade),
          String(e.total.tillArbeteStudier),
          e.total.costPerParticipant === null ? '–' : formatInteger(e.total.costPerParticipant),
        ],
      ],
      sumRow: true,
      note: `Deltagaruppgifterna är antal, aldrig uppgifter om enskilda${e.periodLabel.startsWith('första') ? ', och avser året hittills enligt senaste rapport' : ''}.`,
    });
  } else {
    for (const key of Object.keys(blocks) as (keyof typeof blocks)[]) blocks[key].push(p('«…»'));
  }
  return {
    rubrik: `Utvärderings-PM ${period}`,
    content: skeleton(
      d,
      [`lägga utvärderings-PM för ${period} till handlingarna`],
      [
        sec(
          'Bakgrund',
          p(
            `Detta utvärderings-PM bygger på information från aktuella insatser finansierade av ${d.forbund}. Informationen kommer dels från statistik i SUS, dels från uppgifter lämnade av representanter i respektive styrgrupp, och redovisas halvårsvis till styrelsen.`,
          ),
        ),
        sec('Utfall/resultat av i insatsen angivna mål', ...blocks.mal),
        sec('Utfall/resultat av i insatsen beviljad budget', ...blocks.budget),
        sec('Kvalitetssäkring av insatsen', ...blocks.kvalitet),
        sec('Statistik och kostnader', ...blocks.statistik),
      ],
    ),
  };
}

function simple(d: TemplateData, rubrik: string, punkter: string[], arendet: string[], bedomning: string[] = [], bilagor: string[] = []): Built {
  const sections = [sec('Ärendet', ...arendet.map(p))];
  if (bedomning.length > 0) sections.push(sec('Bedömning', ...bedomning.map(p)));
  return { rubrik, content: skeleton(d, punkter, sections, bilagor) };
}

export const TEMPLATES: Record<TemplateKey, { label: string; description: string; build: (d: TemplateData) => Built }> = {
  tomt: {
    label: 'Tomt ärendeblad',
    description: 'Förslag till beslut, Ärendet och Bedömning att fylla i.',
    build: (d) => simple(d, '«Rubrik»', [''], [''], ['']),
  },
  beviljande_av_ansokan: {
    label: 'Beviljande av ansökan',
    description: 'Bifall till en ansökan om finansiering av en insats, med förbundets standardvillkor.',
    build: (d) => grant(d, 'ansökan'),
  },
  tillaggsansokan: {
    label: 'Tilläggsansökan',
    description: 'Bifall till en tilläggsansökan för en pågående insats.',
    build: (d) => grant(d, 'tilläggsansökan'),
  },
  arsredovisning: {
    label: 'Årsredovisning',
    description: 'Godkännande av årsredovisningen för föregående år.',
    build: (d) =>
      simple(
        d,
        `Årsredovisning ${d.year - 1}`,
        [`godkänna ${d.forbund}s årsredovisning för verksamhetsåret ${d.year - 1}`, 'överlämna årsredovisningen till förbundets revisorer och medlemmar'],
        [
          `Styrelsen föreslås godkänna årsredovisning ${d.year - 1} för ${d.forbund}. Förslaget finns i bilaga 1.`,
          'Till ärendet har bilagts års- och slutrapporter från de insatser som har finansierats under året.',
        ],
        [],
        [`Årsredovisning ${d.year - 1}`, `Årsrapporter ${d.year - 1}`, `Slutrapporter ${d.year - 1}`],
      ),
  },
  delarsrapport: {
    label: 'Delårsrapport',
    description: 'Godkännande av delårsrapporten per den 31 augusti.',
    build: (d) =>
      simple(
        d,
        `Delårsrapport ${d.year}`,
        [
          `godkänna delårsrapporten för perioden ${formatPeriod(`${d.year}-01-01`, `${d.year}-08-31`)}`,
          'överlämna delårsrapporten till förbundets revisorer och medlemmar',
        ],
        [
          `Kansliet har upprättat delårsrapport för ${d.forbund} för perioden ${formatPeriod(`${d.year}-01-01`, `${d.year}-08-31`)}. «Periodens resultat och prognos för helåret.»`,
        ],
        ['«Bedömning av måluppfyllelse och ekonomi.»'],
        [`Delårsrapport ${d.year}`],
      ),
  },
  medlemsavgifter: {
    label: 'Medlemsavgifter',
    description: 'Fastställande av årets medlemsavgifter med fördelning per medlem efter folkmängd.',
    build: feesBlad,
  },
  ekonomisk_information: {
    label: 'Ekonomisk information',
    description: 'Information om beslutsutrymmet efter fattade och föreslagna finansieringsbeslut.',
    build: ekonomiskInformation,
  },
  verksamhetsplan_och_budget: {
    label: 'Verksamhetsplan och budget',
    description: 'Fastställande av nästa års verksamhetsplan med budget.',
    build: budgetBlad,
  },
  riskanalys_och_internkontrollplan: {
    label: 'Riskanalys och internkontrollplan',
    description: 'Antagande av nästa års riskanalys och internkontrollplan, med riskmatrisen.',
    build: riskanalysBlad,
  },
  uppfoljning_av_internkontroll: {
    label: 'Uppföljning av internkontroll',
    description: 'Redovisning av årets kontroller, resultat och avvikelser.',
    build: uppfoljningBlad,
  },
  anmalan_av_delegationsbeslut: {
    label: 'Anmälan av delegationsbeslut',
    description: 'De delegationsbeslut som ännu inte anmälts, hämtade ur registret.',
    build: decisionsReport,
  },
  utvarderings_pm: {
    label: 'Utvärderings-PM',
    description: 'Halvårets uppföljning av insatserna: mål, budget, kvalitet, statistik och kostnader.',
    build: evaluationPm,
  },
};

export function templateList(d: TemplateData): TemplateInfo[] {
  return (Object.keys(TEMPLATES) as TemplateKey[]).map((key) => ({
    key,
    label: TEMPLATES[key].label,
    description: TEMPLATES[key].description,
    suggestedTitle: TEMPLATES[key].build(d).rubrik,
  }));
}

export function buildFromTemplate(key: TemplateKey, d: TemplateData): Built {
  return TEMPLATES[key].build(d);
}

// ---------------------------------------------------------------------------
// Readiness: what stops a PDF. Pure, so the editor shows the same list.

/** An att-sats as the writer may type it ("att bevilja …") without the "att". */
export function stripAtt(text: string): string {
  return text.trim().replace(/^att\s+/i, '');
}

function placeholdersIn(text: string): string[] {
  return text.match(PLACEHOLDER) ?? [];
}

export interface ReadinessInput {
  /** Only beslutsärenden must have att-satser. */
  isDecision: boolean;
  rubrik: string;
  content: ArendebladContent;
}

export function arendebladProblems({ isDecision, rubrik, content }: ReadinessInput): string[] {
  const problems: string[] = [];
  const fields = new Map<string, string[]>();
  const note = (where: string, text: string) => {
    for (const ph of placeholdersIn(text)) fields.set(ph, [...(fields.get(ph) ?? []), where]);
  };
  note('rubriken', rubrik);
  const punkter = content.forslag.punkter.map(stripAtt);
  if (isDecision && punkter.filter((t) => t !== '').length === 0) {
    problems.push('Ett beslutsärende behöver minst en att-sats under Förslag till beslut.');
  }
  punkter.forEach((t, i) => {
    if (t === '' && punkter.length > 1) problems.push(`Att-sats ${i + 1} är tom.`);
    note(`att-sats ${i + 1}`, t);
  });
  for (const s of content.sections) {
    for (const b of s.blocks) {
      if (b.type === 'stycke' || b.type === 'underrubrik') note(s.heading || 'texten', b.text);
      else if (b.type === 'punktlista') b.items.forEach((t) => note(s.heading, t));
      else if (b.type === 'tabell') b.rows.forEach((r) => r.forEach((c) => note(`tabellen ${b.caption || s.heading}`.trim(), c)));
      else note(`bildtexten ${s.heading}`.trim(), b.caption);
    }
  }
  if (content.foredragande.name.trim() === '') problems.push('Ange föredragande.');
  note('föredragande', `${content.foredragande.name} ${content.foredragande.title}`);
  content.bilagor.forEach((b, i) => {
    if (b.title.trim() === '') problems.push(`Bilaga ${i + 1} saknar namn.`);
    note(`bilaga ${i + 1}`, b.title);
    if (b.documentId === null) problems.push(`Bilaga ${i + 1} (”${b.title}”) är inte kopplad till någon handling i diariet.`);
  });
  for (const [ph, where] of fields) problems.push(`Fyll i ${ph} (${[...new Set(where)].join(', ')}).`);
  return problems;
}

import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { Block, Section } from '../../../shared/contract/schemas/arendeblad';
import {
  ARSREDOVISNING_TEXT_LABELS,
  ARSREDOVISNING_TEXTS,
  DEFAULT_REDOVISNINGSPRINCIPER,
  type ArsredovisningText,
  type ArsredovisningView,
} from '../../../shared/contract/schemas/arsredovisning';
import type { BokslutView } from '../../../shared/contract/schemas/bokslut';
import { INSATS_FORMS, INSATS_FORM_LABELS, KATEGORI_LABELS } from '../../../shared/contract/schemas/insatser';
import { BOARD_ROLE_LABELS } from '../../../shared/contract/schemas/board';
import { MEMBER_KIND_LABELS } from '../../../shared/contract/kinds';
import { bokslutSections } from '../../../shared/domain/bokslut-document';
import { maluppfyllelseSections } from '../../../shared/domain/maluppfyllelse';
import { formatInteger, formatPercent } from '../../../shared/format/sv';
import { countWord } from '../../../shared/domain/template-kit';
import { forbrukningskvot } from '../../../shared/domain/insats-figures';
import { boardOn } from '../board';
import type { Scope } from '../context';
import { registerArende } from '../diarium';
import { storeDocument } from '../documents';
import { bokslutView } from '../ekonomi/bokslut';
import { budgetMotUtfall, history } from '../ekonomi/reports';
import { loadForbund, senderOf } from '../forbund';
import { handlersFor } from '../handler';
import { categorySplitOf, insatsLives } from '../insatser/uppfoljning';
import { listMembers } from '../members';
import { listGroups } from '../groups';
import { GROUP_KIND_LABELS } from '../../../shared/contract/schemas/groups';
import { refuse } from '../refuse';
import { maluppfyllelseView } from '../verksamhetsplan/maluppfyllelse';
import { adoptedPlanFor } from '../verksamhetsplan/plan';
import { statistikView } from '../statistik';
import { reportControls } from '../internkontroll/report';
import { riskYear } from '../internkontroll/risks';
import { followUpBlocks, riskAnalysisBlocks } from '../../../shared/domain/internkontroll-templates';
import { SUS_GROUPS, type StatistikView, type SusKey } from '../../../shared/contract/schemas/statistik';
import type { AnnualDoc } from '../pdf/arsredovisning-pdf';

/**
 * The årsredovisning assembled from the registers, the plan's måluppfyllelse, the insatser,
 * the economy and the bokslut, in seed 003's order, with the förvaltningsberättelse's texts
 * carried from last year until they are written for this one.
 */

const p = (text: string): Block => ({ type: 'stycke', text });
const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map(p);
const table = (caption: string, header: string[], rows: string[][], sumRow = false): Block => ({ type: 'tabell', caption, header, rows, sumRow, note: '' });
const kr = (v: number) => formatInteger(v);
const tkr = (v: number) => formatInteger(Math.sign(v) * Math.round(Math.abs(v) / 1000));

function defaultSignedOn(scope: Scope, year: number): string {
  const today = scope.now.toISOString().slice(0, 10);
  return today.startsWith(String(year + 1)) ? today : `${year + 1}-03-15`;
}

async function texts(scope: Scope, year: number): Promise<ArsredovisningView['texts']> {
  const rows = await scope.db.selectFrom('arsredovisning_texter').selectAll().where('year', '<=', year).orderBy('year', 'desc').execute();
  return ARSREDOVISNING_TEXTS.map((key) => {
    const own = rows.find((r) => r.key === key && r.year === year);
    const carried = rows.find((r) => r.key === key && r.year < year);
    const text = own?.text ?? carried?.text ?? (key === 'redovisningsprinciper' ? DEFAULT_REDOVISNINGSPRINCIPER : '');
    return { key, label: ARSREDOVISNING_TEXT_LABELS[key], text, carried: own === undefined && text !== '' };
  });
}

export async function arsredovisningView(scope: Scope, input: ParsedInput<'arsredovisning.get'>): Promise<ArsredovisningView> {
  return (await viewAndBokslut(scope, input)).view;
}

/** The view, and the bokslut it was judged on (the report sets the same one, read once). */
async function viewAndBokslut(scope: Scope, input: ParsedInput<'arsredovisning.get'>): Promise<{ view: ArsredovisningView; bokslut: BokslutView }> {
  const year = input.year;
  const signedOn = input.signedOn ?? defaultSignedOn(scope, year);
  const bokslut = await bokslutView(scope, year);
  const failed = bokslut.checks.filter((c) => !c.ok);
  const plan = await adoptedPlanFor(scope, year);
  const board = await boardOn(scope, signedOn);
  const parts = [
    {
      title: 'Bokslut (resultaträkning, balansräkning, kassaflödesanalys)',
      ready: bokslut.hasSaldon && failed.length === 0,
      note: !bokslut.hasSaldon
        ? `Det finns inget bokslut för ${year}: läs in saldona under Ekonomi → Bokslut.`
        : failed.length > 0
          ? `Bokslutets kontroller stämmer inte: ${failed.map((c) => c.message).join(' ')}`
          : `Saldon från ${bokslut.source?.fileName ?? 'inskrivna belopp'}; alla kontroller stämmer.`,
    },
    {
      title: 'Måluppfyllelse',
      ready: plan !== undefined,
      note: plan ? `Ur ${plan.title}.` : `Ingen fastställd verksamhetsplan gäller ${year}; avsnittet utelämnas.`,
    },
    {
      title: 'Underskrifter',
      ready: board.ordinarie.length > 0,
      note:
        board.ordinarie.length > 0
          ? `${board.ordinarie.length} ordinarie ledamöter ${signedOn}.`
          : `Ingen ordinarie ledamot i styrelseregistret ${signedOn}: lägg in styrelsen under Register → Styrelse.`,
    },
  ];
  const view = {
    year,
    signedOn,
    texts: await texts(scope, year),
    parts,
    signers: board.ordinarie.map((a) => ({ name: a.person.name, roleTitle: a.role ? BOARD_ROLE_LABELS[a.role] : null, appointedBy: a.memberName })),
    ready: parts[0]!.ready && parts[2]!.ready,
  };
  return { view, bokslut };
}

async function getArsredovisning(input: ParsedInput<'arsredovisning.get'>, scope: Scope): Promise<MethodResult<'arsredovisning.get'>> {
  return arsredovisningView(scope, input);
}

async function saveTexts(input: ParsedInput<'arsredovisning.saveTexts'>, scope: Scope): Promise<MethodResult<'arsredovisning.saveTexts'>> {
  const at = scope.now.toISOString();
  for (const key of ARSREDOVISNING_TEXTS) {
    const text = input.texts[key];
    if (text === undefined) continue;
    const before = await scope.db.selectFrom('arsredovisning_texter').select('text').where('year', '=', input.year).where('key', '=', key).executeTakeFirst();
    if (before?.text === text) continue;
    await scope.db
      .insertInto('arsredovisning_texter')
      .values({ year: input.year, key, text, updated_at: at, updated_by: scope.actor })
      .onConflict((oc) => oc.columns(['year', 'key']).doUpdateSet({ text, updated_at: at, updated_by: scope.actor }))
      .execute();
    await scope.audit({
      entity: 'arsredovisning',
      entityId: `${input.year}:${key}`,
      action: before ? 'update' : 'create',
      before: before ? { year: input.year, avsnitt: ARSREDOVISNING_TEXT_LABELS[key], text: before.text } : null,
      after: { year: input.year, avsnitt: ARSREDOVISNING_TEXT_LABELS[key], text },
    });
  }
  return arsredovisningView(scope, { year: input.year });
}

async function organisation(scope: Scope, year: number): Promise<Block[]> {
  const members = await listMembers({}, scope);
  const board = await boardOn(scope, `${year}-12-31`);
  const byMember = new Map<string, { ordinarie: string[]; ersattare: string[] }>();
  for (const a of [...board.ordinarie, ...board.ersattare]) {
    const m = byMember.get(a.memberName) ?? { ordinarie: [], ersattare: [] };
    (a.seat === 'ordinarie' ? m.ordinarie : m.ersattare).push(a.person.name);
    byMember.set(a.memberName, m);
  }
  const blocks: Block[] = [
    p(`Förbundets medlemmar ${year} var ${members.length}:`),
    table(
      'Medlemmar',
      ['Medlem', 'Slag'],
      members.map((m) => [m.name, MEMBER_KIND_LABELS[m.kind]]),
    ),
  ];
  if (byMember.size > 0) {
    blocks.push(
      table(
        `Styrelsen under ${year}`,
        ['Utsedd av', 'Ordinarie ledamot', 'Ersättare'],
        [...byMember].map(([member, m]) => [member, m.ordinarie.join(', ') || '–', m.ersattare.join(', ') || '–']),
      ),
    );
  }
  const groups = await listGroups({}, scope);
  if (groups.length > 0) {
    blocks.push(
      table(
        'Grupper',
        ['Grupp', 'Slag', 'Medlemmar'],
        groups.map((g) => [
          g.name,
          GROUP_KIND_LABELS[g.kind],
          g.members.map((m) => (m.organisation ? `${m.name} (${m.organisation})` : m.name)).join(', ') || '–',
        ]),
      ),
    );
  }
  const kansli = (await scope.db.selectFrom('people').select(['name', 'title']).where('title', 'is not', null).orderBy('name').execute()).filter((x) =>
    /förbundschef|kansli|handläggare|ekonom|controller|samordnare|strateg|administratör/i.test(x.title ?? ''),
  );
  if (kansli.length > 0) blocks.push(p(`Kansliet: ${kansli.map((x) => `${x.name}, ${(x.title ?? '').toLowerCase()}`).join('; ')}.`));
  return blocks;
}

/**
 * The samverkansinsatser as seed 003 reports them: grouped as långsiktig samverkan, projektverksamhet
 * and övriga utvecklingsinsatser, in tkr, the year and the year before, with förbrukningskvot for the
 * year and over the insats's life up to the year's end; then the budgetfördelning per kategori.
 */
async function insatserBlocks(scope: Scope, year: number): Promise<Block[]> {
  const lives = (await insatsLives(scope, year)).filter((l) => [year, year - 1].some((y) => l.budgetKr.has(y) || l.utfallKr.has(y)));
  if (lives.length === 0) return [p(`Inga insatser hade budget eller utfall ${year}.`)];
  const sum = (m: Map<number, number>) => [...m.values()].reduce((s, v) => s + v, 0);
  const kvot = (utfall: number, budget: number) => {
    const q = forbrukningskvot(utfall, budget);
    return q === null ? '–' : formatPercent(q, 0);
  };
  const blocks: Block[] = [];
  const totals = { utfall: 0, before: 0 };
  for (const form of INSATS_FORMS) {
    const rows = lives.filter((l) => l.form === form);
    if (rows.length === 0) continue;
    const lines = rows.map((l) => [
      l.name,
      tkr(l.budgetKr.get(year) ?? 0),
      tkr(l.utfallKr.get(year) ?? 0),
      tkr(l.utfallKr.get(year - 1) ?? 0),
      kvot(l.utfallKr.get(year) ?? 0, l.budgetKr.get(year) ?? 0),
      kvot(sum(l.utfallKr), sum(l.budgetKr)),
    ]);
    const utfall = rows.reduce((s, l) => s + (l.utfallKr.get(year) ?? 0), 0);
    const before = rows.reduce((s, l) => s + (l.utfallKr.get(year - 1) ?? 0), 0);
    const budget = rows.reduce((s, l) => s + (l.budgetKr.get(year) ?? 0), 0);
    totals.utfall += utfall;
    totals.before += before;
    lines.push([`Summa ${INSATS_FORM_LABELS[form].toLowerCase()}`, tkr(budget), tkr(utfall), tkr(before), kvot(utfall, budget), '']);
    blocks.push(
      table(
        `${INSATS_FORM_LABELS[form]}, belopp i tkr`,
        ['Insats', `Budget ${year}`, `Utfall ${year}`, `Utfall ${year - 1}`, `Kvot ${year}`, `Kvot t o m ${year}-12-31`],
        lines,
        true,
      ),
    );
  }
  blocks.push(p(`Samverkansinsatserna förbrukade totalt ${tkr(totals.utfall)} tkr ${year}, att jämföra med ${tkr(totals.before)} tkr ${year - 1}.`));
  const split = await categorySplitOf(scope, lives, year);
  blocks.push(
    table(
      `Budgetfördelning per kategori ${year}`,
      ['Kategori', 'Beviljat', 'Andel', 'Riktlinje'],
      split.map((s) => [KATEGORI_LABELS[s.kategori], kr(s.grantedKr), formatPercent(s.share, 0), formatPercent(s.guideline, 0)]),
    ),
  );
  return blocks;
}

/** The risk module's year: the riskanalys and the follow-up of the internkontrollplan to 31 December (nothing when the year has neither). */
async function riskBlocks(scope: Scope, year: number): Promise<Block[]> {
  const analysis = await riskYear(scope, year);
  const controls = await reportControls(scope, year, `${year}-12-31`);
  return [
    ...(analysis.risks.length > 0 ? riskAnalysisBlocks(analysis, year) : []),
    ...(controls.length > 0 ? followUpBlocks({ year, period: 'helar', controls }, year) : []),
  ];
}

/** SUS figures for the förbund, the indicators and surveys, the medlemsdialoger. */
function statistikBlocks(v: StatistikView, year: number): Block[] {
  const blocks: Block[] = [];
  const forbundet = v.sus.find((x) => x.insatsId === null);
  if (forbundet?.figures.deltagare !== undefined) {
    const total = forbundet.figures.deltagare;
    blocks.push(
      p(`Under ${year} deltog ${kr(total)} personer i förbundets individinsatser (uppföljningssystemet SUS; bara antal, inga uppgifter om enskilda).`),
    );
    const rows: string[][] = [];
    for (const group of Object.values(SUS_GROUPS)) {
      for (const [key, label] of Object.entries(group.keys)) {
        const n = forbundet.figures[key as SusKey];
        if (n !== undefined) rows.push([`${group.label}: ${label}`, kr(n), total > 0 ? formatPercent(n / total, 0) : '–']);
      }
    }
    if (rows.length > 0) blocks.push(table('Deltagare', ['', 'Antal', 'Andel'], rows));
  }
  if (v.indikatorer.length > 0) {
    blocks.push(
      table(
        'Indikatorer och enkäter',
        ['', 'Svar', 'Resultat'],
        v.indikatorer.map((i) => [i.name, i.besvarade === null ? '–' : `${i.besvarade}${i.tillfragade === null ? '' : ` av ${i.tillfragade}`}`, i.resultat]),
      ),
    );
  }
  if (v.dialoger.length > 0) {
    blocks.push({ type: 'punktlista', items: v.dialoger.map((d) => `${d.heldOn} ${d.title}${d.members.length > 0 ? ` (${d.members.join(', ')})` : ''}`) });
  }
  return blocks;
}

/** Seed 003's "Kompetenshöjande insatser med syfte att främja samverkan": the year's tillfällen with their deltagare. */
function kompetensBlocks(v: StatistikView, year: number): Block[] {
  const blocks: Block[] = [];
  if (v.events.length > 0) {
    const t = v.eventTotals;
    const own = v.events.filter((e) => e.arrangor === 'forbundet').length;
    const held = own === 1 ? 'ett kompetenshöjande tillfälle' : `${countWord(own)} kompetenshöjande tillfällen`;
    const parterna = `hos parterna deltog ${kr(t.parterna)} personer i tillfällen som förbundet finansierat`;
    blocks.push(
      p(
        own === 0
          ? `Under ${year} ${parterna}.`
          : `Under ${year} anordnade förbundet ${held} med sammanlagt ${kr(t.forbundet)} deltagare${t.parterna > 0 ? `; ${parterna}` : ''}.`,
      ),
      table(
        'Kompetenshöjande tillfällen',
        ['Datum', 'Tillfälle', 'Deltagare'],
        [
          ...v.events.map((e) => [e.heldOn, `${e.title}${e.arrangor === 'parterna' ? ' (hos parterna)' : ''}`, kr(e.deltagare)]),
          ['Summa', '', kr(v.eventTotals.forbundet + v.eventTotals.parterna)],
        ],
        true,
      ),
    );
  }
  return blocks;
}

async function economyBlocks(scope: Scope, year: number): Promise<Block[]> {
  const bmu = await budgetMotUtfall(scope, year, 1, 12);
  const rows = bmu.groups.map((g) => [g.label, tkr(g.budgetKr), tkr(g.utfallKr), tkr(g.previousKr)]);
  rows.push(['Resultat', tkr(bmu.result.budgetKr), tkr(bmu.result.utfallKr), tkr(bmu.result.previousKr)]);
  const h = (await history(scope)).rows.filter((r) => r.year <= year).slice(-5);
  const blocks = [table('Ekonomisk översikt (tkr)', ['', `Budget ${year}`, `Utfall ${year}`, `Utfall ${year - 1}`], rows, true)];
  if (h.length === 0) return blocks;
  return [
    ...blocks,
    table(
      'Förbrukning i förhållande till medlemsintäkt',
      ['År', 'Medlemsintäkt (tkr)', 'Samverkan', 'Förtroendevalda', 'Förvaltning'],
      h.map((r) => [
        String(r.year),
        tkr(r.anslagKr),
        r.samverkanShare === null ? '–' : formatPercent(r.samverkanShare),
        r.fortroendevaldaShare === null ? '–' : formatPercent(r.fortroendevaldaShare),
        r.forvaltningShare === null ? '–' : formatPercent(r.forvaltningShare),
      ]),
    ),
  ];
}

/** The report's content in seed 003's order. */
async function annualDoc(scope: Scope, input: ParsedInput<'arsredovisning.pdf'>): Promise<AnnualDoc> {
  const { view, bokslut: bokslutOfYear } = await viewAndBokslut(scope, input);
  const year = view.year;
  const blocked = view.parts.filter((x) => !x.ready && x.title !== 'Måluppfyllelse');
  if (blocked.length > 0) throw refuse('year', `Årsredovisningen för ${year} kan inte göras ännu. ${blocked.map((b) => b.note).join(' ')}`);
  const text = (key: ArsredovisningText) => view.texts.find((t) => t.key === key)?.text ?? '';
  const forbund = await loadForbund(scope);
  const sections: Section[] = [
    {
      heading: 'Förvaltningsberättelse',
      blocks: [...paragraphs(text('inledning')), ...(await organisation(scope, year)), ...paragraphs(text('arets_verksamhet'))],
    },
  ];
  if (text('vasentliga_handelser'))
    sections.push({ heading: ARSREDOVISNING_TEXT_LABELS.vasentliga_handelser, blocks: paragraphs(text('vasentliga_handelser')) });
  const plan = await adoptedPlanFor(scope, year);
  if (plan) {
    const mal = await maluppfyllelseView(scope, { planId: plan.id, year, period: 'helar' });
    sections.push({ heading: `Måluppfyllelse ${year}`, blocks: [p(`Uppföljning av ${plan.title}.`)] }, ...maluppfyllelseSections(mal));
  }
  const stat = await statistikView(scope, year, 'helar');
  const statistik = statistikBlocks(stat, year);
  if (statistik.length > 0) sections.push({ heading: `Statistik ${year}`, blocks: statistik });
  sections.push({ heading: `Insatser ${year}`, blocks: await insatserBlocks(scope, year) });
  const kompetens = kompetensBlocks(stat, year);
  if (kompetens.length > 0) sections.push({ heading: 'Kompetenshöjande insatser med syfte att främja samverkan', blocks: kompetens });
  const risk = await riskBlocks(scope, year);
  if (risk.length > 0) sections.push({ heading: 'Riskanalys och internkontrollplan', blocks: risk });
  sections.push({ heading: 'Ekonomisk redogörelse', blocks: await economyBlocks(scope, year) });
  if (text('framtid')) sections.push({ heading: ARSREDOVISNING_TEXT_LABELS.framtid, blocks: paragraphs(text('framtid')) });
  const bokslut = bokslutSections(bokslutOfYear).filter((s) => s.heading !== 'Kontroller');
  sections.push(...bokslut.filter((s) => s.heading !== 'Noter'));
  sections.push({ heading: 'Redovisningsprinciper', blocks: paragraphs(text('redovisningsprinciper')) });
  sections.push(...bokslut.filter((s) => s.heading === 'Noter'));
  return {
    sender: senderOf(forbund),
    year,
    title: `Årsredovisning ${year}`,
    sections,
    placeAndDate: `${forbund.city ?? '«ort»'} ${view.signedOn}`,
    signers: view.signers,
  };
}

async function arsredovisningPdf(input: ParsedInput<'arsredovisning.pdf'>, scope: Scope): Promise<MethodResult<'arsredovisning.pdf'>> {
  const doc = await annualDoc(scope, input);
  const { renderAnnualPdf } = await import('../pdf/arsredovisning-pdf');
  const { bytes, pages } = await renderAnnualPdf(scope.ctx, doc, scope.now);
  return { fileName: `${doc.title}.pdf`, mimeType: 'application/pdf', contentBase64: Buffer.from(bytes).toString('base64'), pages };
}

async function arsredovisningDocx(input: ParsedInput<'arsredovisning.docx'>, scope: Scope): Promise<MethodResult<'arsredovisning.docx'>> {
  const doc = await annualDoc(scope, input);
  const { renderAnnualDocx } = await import('../docx/arsredovisning-docx');
  const bytes = await renderAnnualDocx(doc);
  return {
    fileName: `${doc.title}.docx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}

async function storeArsredovisning(input: ParsedInput<'arsredovisning.store'>, scope: Scope): Promise<MethodResult<'arsredovisning.store'>> {
  const doc = await annualDoc(scope, input);
  const { renderAnnualPdf } = await import('../pdf/arsredovisning-pdf');
  const { bytes } = await renderAnnualPdf(scope.ctx, doc, scope.now);
  const existing = await scope.db.selectFrom('arenden').select('id').where('title', '=', doc.title).where('voided_at', 'is', null).executeTakeFirst();
  const arendeId =
    existing?.id ??
    (
      await registerArende(scope, input.year + 1, {
        title: doc.title,
        kind: 'beslutsarende',
        status: 'under_beredning',
        receivedOn: null,
        decidedOn: null,
        handlaggare: null,
        description: null,
      })
    ).id;
  if (!existing) await scope.audit({ entity: 'arende', entityId: arendeId, action: 'create', before: null, after: { title: doc.title } });
  return storeDocument(scope, {
    arendeId,
    fileName: `${doc.title}.pdf`,
    title: doc.title,
    mimeType: 'application/pdf',
    bytes: Buffer.from(bytes),
    source: `arsredovisning:${input.year}`,
  });
}

/** The methods this area serves. */
export const arsredovisningHandlers = handlersFor({
  'arsredovisning.get': getArsredovisning,
  'arsredovisning.saveTexts': saveTexts,
  'arsredovisning.pdf': arsredovisningPdf,
  'arsredovisning.docx': arsredovisningDocx,
  'arsredovisning.store': storeArsredovisning,
});

import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { Block } from '../../../shared/contract/schemas/arendeblad';
import { buildFromTemplate } from '../../../shared/domain/arendeblad-templates';
import { formatDate } from '../../../shared/format/sv';
import { loadArendeblad, templateData, writeGeneratedArendeblad } from '../arendeblad';
import type { Scope } from '../context';
import { storeDocument } from '../documents';
import { budgetYearView } from '../ekonomi/budget';
import { handlersFor } from '../handler';
import { refuse } from '../refuse';
import { getMaluppfyllelse, maluppfyllelseView, saveMaluppfyllelse } from './maluppfyllelse';
import { maluppfyllelseSections } from '../../../shared/domain/maluppfyllelse';
import { PERIOD_LABELS } from '../../../shared/contract/schemas/maluppfyllelse';
import { loadForbund, senderOf } from '../forbund';
import { adoptPlan, createPlan, getPlan, listPlans, planDoc, planFileName, removePlan, requirePlanRow, revisePlan, savePlan } from './plan';

/**
 * The verksamhetsplan area: the plan's life (plan.ts) and its documents — the plan as
 * PDF/A and Word, and the ärendeblad "Verksamhetsplan och budget ÅÅÅÅ" that takes it to
 * the board with the budget from Ekonomi and the plan as bilaga 1.
 */

async function planPdf(input: ParsedInput<'verksamhetsplan.pdf'>, scope: Scope): Promise<MethodResult<'verksamhetsplan.pdf'>> {
  const plan = await getPlan(input, scope);
  const { renderPlanPdf } = await import('../pdf/verksamhetsplan-pdf');
  const { bytes, pages } = await renderPlanPdf(scope.ctx, await planDoc(scope, plan), scope.now);
  return { fileName: planFileName(plan, 'pdf'), mimeType: 'application/pdf', contentBase64: Buffer.from(bytes).toString('base64'), pages };
}

async function planDocx(input: ParsedInput<'verksamhetsplan.docx'>, scope: Scope): Promise<MethodResult<'verksamhetsplan.docx'>> {
  const plan = await getPlan(input, scope);
  const { renderPlanDocx } = await import('../docx/verksamhetsplan-docx');
  const bytes = await renderPlanDocx(await planDoc(scope, plan));
  return {
    fileName: planFileName(plan, 'docx'),
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}

/** The övergripande mål in a sentence each, for the ärendeblad's Ärendet. */
function goalSummary(plan: Awaited<ReturnType<typeof getPlan>>): Block[] {
  if (plan.content.goals.length === 0) return [];
  return [
    {
      type: 'stycke',
      text: `${plan.title} har ${plan.content.goals.length === 1 ? 'ett övergripande mål' : `${plan.content.goals.length} övergripande mål`}:`,
    },
    { type: 'punktlista', items: plan.content.goals.map((g) => g.text) },
  ];
}

async function planArendeblad(input: ParsedInput<'verksamhetsplan.arendeblad'>, scope: Scope): Promise<MethodResult<'verksamhetsplan.arendeblad'>> {
  const row = await requirePlanRow(scope, input.id);
  if (row.arendeblad_id !== null) {
    throw refuse('id', `Ärendebladet för ${row.title} finns redan; öppna det under Ärendeblad.`, 'CONFLICT');
  }
  const plan = await getPlan(input, scope);
  const datum = formatDate(scope.now);
  // The template writes "Verksamhetsplan och budget <year + 1>": its year is the one before the plan.
  const data = await templateData(scope, plan.firstYear - 1, datum, 'Förbundsstyrelsen');
  data.budget = { next: await budgetYearView(scope, plan.firstYear), current: await budgetYearView(scope, plan.firstYear - 1) };
  const built = buildFromTemplate('verksamhetsplan_och_budget', data);
  if (plan.content.vision.trim() !== '') built.content.sections[0]?.blocks.push({ type: 'stycke', text: `Visionen är: ${plan.content.vision.trim()}` });
  built.content.sections[0]?.blocks.push(...goalSummary(plan));
  built.content.bilagor = [{ documentId: null, title: plan.title }];
  const blad = await writeGeneratedArendeblad(scope, {
    template: 'verksamhetsplan_och_budget',
    built,
    datum,
    organ: 'Förbundsstyrelsen',
    kind: 'beslutsarende',
  });

  // The plan as it stands goes into the ärende as bilaga 1.
  const { renderPlanPdf } = await import('../pdf/verksamhetsplan-pdf');
  const { bytes } = await renderPlanPdf(scope.ctx, await planDoc(scope, plan), scope.now);
  const document = await storeDocument(scope, {
    arendeId: blad.arendeId,
    fileName: planFileName(plan, 'pdf'),
    title: plan.title,
    mimeType: 'application/pdf',
    bytes: Buffer.from(bytes),
    source: `verksamhetsplan:${plan.id}`,
    sourceVersion: plan.version,
  });
  const content = { ...blad.content, bilagor: [{ documentId: document.id, title: plan.title }] };
  await scope.db
    .updateTable('arendeblad')
    .set({ content: JSON.stringify(content) })
    .where('id', '=', blad.id)
    .execute();
  await scope.db.updateTable('verksamhetsplaner').set({ arendeblad_id: blad.id }).where('id', '=', plan.id).execute();
  return loadArendeblad(scope, blad.id);
}

async function maluppfyllelsePdf(input: ParsedInput<'maluppfyllelse.pdf'>, scope: Scope): Promise<MethodResult<'maluppfyllelse.pdf'>> {
  const view = await maluppfyllelseView(scope, input);
  const forbund = await loadForbund(scope);
  const { renderPlanPdf } = await import('../pdf/verksamhetsplan-pdf');
  const title = `Måluppfyllelse ${view.periodLabel}`;
  const { bytes, pages } = await renderPlanPdf(
    scope.ctx,
    {
      sender: senderOf(forbund),
      docType: 'Måluppfyllelse',
      title,
      status: `Uppföljning av ${view.planTitle}${view.open > 0 ? `; ${view.open} mått är inte bedömda` : ''}`,
      fields: [
        { label: 'Period', value: `${PERIOD_LABELS[view.period]} ${view.year}` },
        { label: 'Plan', value: view.planTitle },
      ],
      sections: maluppfyllelseSections(view),
    },
    scope.now,
  );
  return { fileName: `${title}.pdf`, mimeType: 'application/pdf', contentBase64: Buffer.from(bytes).toString('base64'), pages };
}

/** The methods this area serves. */
export const verksamhetsplanHandlers = handlersFor({
  'verksamhetsplan.list': listPlans,
  'verksamhetsplan.get': getPlan,
  'verksamhetsplan.create': createPlan,
  'verksamhetsplan.save': savePlan,
  'verksamhetsplan.adopt': adoptPlan,
  'verksamhetsplan.revise': revisePlan,
  'verksamhetsplan.remove': removePlan,
  'verksamhetsplan.pdf': planPdf,
  'verksamhetsplan.docx': planDocx,
  'verksamhetsplan.arendeblad': planArendeblad,
  'maluppfyllelse.get': getMaluppfyllelse,
  'maluppfyllelse.save': saveMaluppfyllelse,
  'maluppfyllelse.pdf': maluppfyllelsePdf,
});

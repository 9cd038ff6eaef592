import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { Block } from '../../../shared/contract/schemas/arendeblad';
import { buildFromTemplate } from '../../../shared/domain/arendeblad-templates';
import { formatDate } from '../../../shared/format/sv';
import { templateData, writeGeneratedArendeblad } from '../arendeblad';
import type { Scope } from '../context';
import { budgetYearView } from './budget';
import { refuse } from '../refuse';
import { feeView } from './medlemsavgifter';
import { beslutsutrymme } from './reports';
import { handlersFor } from '../handler';

/**
 * The economy's ärendeblad, written from the data: Medlemsavgifter (the fee table per
 * member), Ekonomisk information (the beslutsutrymme table) and Verksamhetsplan och
 * budget. Charts drawn in the app come along as pictures under Ärendet.
 */

const TEMPLATE = { medlemsavgifter: 'medlemsavgifter', ekonomisk_information: 'ekonomisk_information', budget: 'verksamhetsplan_och_budget' } as const;

export async function ekonomiArendeblad(input: ParsedInput<'ekonomi.arendeblad'>, scope: Scope): Promise<MethodResult<'ekonomi.arendeblad'>> {
  const datum = formatDate(scope.now);
  const template = TEMPLATE[input.kind];
  // The fee and the budget are written the year before they apply; the template's year is the document's.
  const data = await templateData(scope, input.kind === 'budget' ? input.year - 1 : input.year, datum, 'Förbundsstyrelsen');
  if (input.kind === 'medlemsavgifter') {
    const fees = await feeView(scope, input.year);
    if (!fees.saved) throw refuse('year', `Det finns ingen medlemsavgift sparad för ${input.year}. Ange totalbeloppet under Ekonomi → Medlemsavgifter först.`);
    data.fees = fees;
  } else if (input.kind === 'ekonomisk_information') {
    data.beslutsutrymme = await beslutsutrymme(scope, input.year, 5);
  } else {
    const next = await budgetYearView(scope, input.year);
    if (!next.versions.some((v) => v.kind === 'forslag')) throw refuse('year', `Det finns inget budgetförslag för ${input.year}.`);
    data.budget = { next, current: await budgetYearView(scope, input.year - 1) };
  }
  const built = buildFromTemplate(template, data);
  if (input.charts.length > 0) {
    const pictures: Block[] = input.charts.map((c) => ({ type: 'bild', caption: c.title, pngBase64: c.pngBase64 }));
    built.content.sections[0]?.blocks.push(...pictures);
  }
  const blad = await writeGeneratedArendeblad(scope, {
    template,
    built,
    datum,
    organ: 'Förbundsstyrelsen',
    kind: input.kind === 'ekonomisk_information' ? 'informationsarende' : 'beslutsarende',
  });
  if (input.kind === 'medlemsavgifter') {
    await scope.db.updateTable('medlemsavgifter').set({ arendeblad_id: blad.id, updated_at: scope.now.toISOString() }).where('year', '=', input.year).execute();
  }
  return blad;
}

/** The methods this module serves. */
export const arendebladHandlers = handlersFor({
  'ekonomi.arendeblad': ekonomiArendeblad,
});

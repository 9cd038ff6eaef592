import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import { ARSHJUL_DEFAULTS, ARSHJUL_KEYS, type ArshjulItem, type ArshjulKey, type ArshjulView } from '../../shared/contract/schemas/arshjul';
import type { Scope } from './context';
import { bokslutView } from './ekonomi/bokslut';
import { handlersFor } from './handler';
import { refuse } from './refuse';
import { adoptedPlanFor } from './verksamhetsplan/plan';

/**
 * The förbund's year: for each thing it asks, the date (the förbund's own or the default),
 * whether Kansli sees it done, and late when the date has passed without it.
 */

/** Done or not, and what Kansli sees, for one item. */
async function seen(scope: Scope, key: ArshjulKey, about: number): Promise<{ done: boolean; note: string; link: string[] }> {
  switch (key) {
    case 'bokslut': {
      const b = await bokslutView(scope, about);
      const failed = b.checks.filter((c) => !c.ok).length;
      return {
        done: b.hasSaldon && failed === 0,
        note: !b.hasSaldon
          ? `Inga saldon för ${about} ännu.`
          : failed > 0
            ? `${failed} kontroller stämmer inte.`
            : 'Saldona är inlästa och alla kontroller stämmer.',
        link: ['ekonomi', 'bokslut'],
      };
    }
    case 'arsredovisning': {
      const doc = await scope.db
        .selectFrom('documents')
        .select(['id', 'signed', 'arende_id'])
        .where('source', '=', `arsredovisning:${about}`)
        .where('superseded_by', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return {
        done: doc?.signed === 1,
        note: !doc ? `Årsredovisningen för ${about} ligger inte i diariet.` : doc.signed === 1 ? 'Signerad och i diariet.' : 'I diariet, inte signerad ännu.',
        link: doc ? ['arenden', String(doc.arende_id)] : ['arsredovisning'],
      };
    }
    case 'delarsrapport': {
      const row = await scope.db.selectFrom('delarsrapporter').select('updated_at').where('year', '=', about).executeTakeFirst();
      return {
        done: row !== undefined,
        note: row ? `Prognosen sparad ${row.updated_at.slice(0, 10)}.` : 'Ingen delårsrapport sparad.',
        link: ['ekonomi', 'delarsrapport'],
      };
    }
    case 'verksamhetsplan': {
      const plan = await adoptedPlanFor(scope, about);
      return {
        done: plan !== undefined,
        note: plan ? `${plan.title} fastställd ${plan.adoptedOn}.` : `Ingen fastställd verksamhetsplan för ${about}.`,
        link: plan ? ['verksamhetsplan', String(plan.id)] : ['verksamhetsplan'],
      };
    }
    case 'internkontrollplan': {
      const n = await scope.db
        .selectFrom('controls')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('year', '=', about)
        .executeTakeFirst();
      const count = Number(n?.n ?? 0);
      return {
        done: count > 0,
        note: count > 0 ? `${count} kontrollmoment för ${about}.` : `Inga kontrollmoment för ${about}.`,
        link: ['internkontroll', 'plan'],
      };
    }
  }
}

/** Which year an item of the calendar year is about. */
const ABOUT: Record<ArshjulKey, number> = { bokslut: -1, arsredovisning: -1, delarsrapport: 0, verksamhetsplan: 1, internkontrollplan: 1 };

export async function arshjulView(scope: Scope, year: number): Promise<ArshjulView> {
  const today = scope.now.toISOString().slice(0, 10);
  const own = new Map((await scope.db.selectFrom('arshjul').selectAll().execute()).map((r) => [r.key, r.month_day]));
  const items: ArshjulItem[] = [];
  for (const key of ARSHJUL_KEYS) {
    const monthDay = own.get(key) ?? ARSHJUL_DEFAULTS[key].monthDay;
    const dueOn = `${year}-${monthDay}`;
    const about = year + ABOUT[key];
    const s = await seen(scope, key, about);
    items.push({
      key,
      label: ARSHJUL_DEFAULTS[key].label.replace('föregående år', String(about)).replace('nästa år', String(about)),
      aboutYear: about,
      dueOn,
      monthDay,
      status: s.done ? 'klart' : dueOn < today ? 'sent' : 'kommande',
      note: s.note,
      link: s.link,
    });
  }
  items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return { year, today, items };
}

async function getArshjul(input: ParsedInput<'arshjul.get'>, scope: Scope): Promise<MethodResult<'arshjul.get'>> {
  return arshjulView(scope, input.year);
}

async function saveArshjul(input: ParsedInput<'arshjul.save'>, scope: Scope): Promise<MethodResult<'arshjul.save'>> {
  const at = scope.now.toISOString();
  for (const [i, d] of input.dates.entries()) {
    const [m, day] = d.monthDay.split('-').map(Number) as [number, number];
    if (day > new Date(Date.UTC(2001, m, 0)).getUTCDate())
      throw refuse(`dates.${i}.monthDay`, `Datumet ${d.monthDay} finns inte. Inget är sparat.`, 'VALIDATION');
  }
  for (const d of input.dates) {
    const before = await scope.db.selectFrom('arshjul').select('month_day').where('key', '=', d.key).executeTakeFirst();
    if (before?.month_day === d.monthDay) continue;
    await scope.db
      .insertInto('arshjul')
      .values({ key: d.key, month_day: d.monthDay, updated_at: at, updated_by: scope.actor })
      .onConflict((oc) => oc.column('key').doUpdateSet({ month_day: d.monthDay, updated_at: at, updated_by: scope.actor }))
      .execute();
    await scope.audit({
      entity: 'arshjul',
      entityId: d.key,
      action: before ? 'update' : 'create',
      before: before ? { punkt: ARSHJUL_DEFAULTS[d.key].label, datum: before.month_day } : null,
      after: { punkt: ARSHJUL_DEFAULTS[d.key].label, datum: d.monthDay },
    });
  }
  return arshjulView(scope, input.year);
}

/** The methods this module serves. */
export const arshjulHandlers = handlersFor({
  'arshjul.get': getArshjul,
  'arshjul.save': saveArshjul,
});

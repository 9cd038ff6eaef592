import type { Application, Kategori } from '../../shared/contract/schemas/insatser';
import type { AnySession as Session } from './engines';
import { firstOf, value } from './envelope';

/**
 * An ansökan registered through the API (owner and one partner from the demo register),
 * whole calendar years from the first to the last of `years`; granted by the board in
 * full when `decidedOn` is given.
 */
export async function application(
  s: Session,
  opts: {
    name: string;
    kategori?: Kategori;
    years: { year: number; soughtKr: number }[];
    owner?: string;
    partner?: string;
    receivedOn?: string;
    decidedOn?: string;
  },
): Promise<Application> {
  const members = value(await s.api.call('members.list', {}));
  const owner = firstOf(members.filter((m) => m.name === (opts.owner ?? 'Östhammars kommun')));
  const partner = firstOf(members.filter((m) => m.name === (opts.partner ?? 'Försäkringskassan')));
  const kategori = opts.kategori ?? 'individ';
  const app = value(
    await s.api.call('insatser.saveApplication', {
      kind: 'ny',
      name: opts.name,
      kategori,
      parties: [owner.id, partner.id],
      ownerMemberId: owner.id,
      startsOn: `${opts.years[0]!.year}-01-01`,
      endsOn: `${opts.years.at(-1)!.year}-12-31`,
      years: opts.years.map((y) => ({ ...y, participants: 10 })),
      sus: kategori === 'individ',
      lokusAgrees: true,
      receivedOn: opts.receivedOn ?? `${opts.years[0]!.year - 1}-10-01`,
    }),
  );
  if (opts.decidedOn === undefined) return app;
  return value(await s.api.call('insatser.decide', { id: app.id, by: 'styrelse', outcome: 'bifall', decidedOn: opts.decidedOn }));
}

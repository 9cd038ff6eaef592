import { demoArendebladText, demoArenden } from '../../../db/seed/demo-diarium';
import { demoDecisions } from '../../../db/seed/demo-delegation';
import { addDays } from './timeline';
import type { DemoWorld } from './world';

/**
 * The demo diarium of db/seed (the annual cycle, ansökningar, a letter out, one ärende
 * registered twice and makulerat) and the delegation decisions, registered through the
 * services on the day each came in, so the diarienummer follow the days.
 */
export function planDiarium(world: DemoWorld, now: Date): void {
  const { tl, call } = world;
  const ids = new Map<string, { id: number; diarienummer: string }>();
  const items = demoArenden(now)
    .map((a, order) => ({ a, order }))
    .sort((x, y) => x.a.receivedOn.localeCompare(y.a.receivedOn) || x.order - y.order)
    .map((x) => x.a);
  for (const a of items) {
    const fields = { title: a.title, kind: a.kind, receivedOn: a.receivedOn, handlaggare: a.handlaggare, description: a.description };
    tl.at(a.receivedOn, async () => {
      const saved = await call('arenden.save', { ...fields, status: a.decidedOn === undefined ? a.status : 'under_beredning' });
      ids.set(a.key, { id: saved.id, diarienummer: saved.diarienummer });
      if (a.decidedOn !== undefined) {
        const decidedOn = a.decidedOn;
        tl.at(decidedOn, async () => {
          await call('arenden.save', { id: saved.id, ...fields, status: a.status, decidedOn });
        });
      }
    });
  }
  const duplicate = items.find((a) => a.key === 'unga-dubblett');
  if (duplicate) {
    tl.at(addDays(duplicate.receivedOn, 1), async () => {
      const copy = ids.get('unga-dubblett');
      const original = ids.get('unga');
      if (copy && original) {
        await call('arenden.void', { id: copy.id, reason: `Registrerad två gånger av misstag. Ansökan handläggs i ärende ${original.diarienummer}.` });
      }
    });
  }
  const tillagg = items.find((a) => a.key === 'tillagg');
  if (tillagg?.decidedOn !== undefined) {
    const decidedOn = tillagg.decidedOn;
    tl.at(tillagg.receivedOn, async () => {
      const self = ids.get('tillagg');
      const lokus = ids.get('lokus');
      if (!self || !lokus) return;
      await call('links.add', { arendeId: self.id, targetKind: 'arende', targetId: lokus.id, note: 'Förlängning av insatsen' });
      await call('links.add', { arendeId: self.id, targetKind: 'member', targetId: world.member('Älvkarleby').id, note: 'Insatsägare' });
      const au = (await call('groups.list', {})).find((g) => g.kind === 'arbetsutskott');
      if (au) await call('links.add', { arendeId: self.id, targetKind: 'group', targetId: au.id, note: 'Beredd i arbetsutskottet' });
    });
    tl.at(decidedOn, async () => {
      const self = ids.get('tillagg');
      if (!self) return;
      await call('documents.add', {
        arendeId: self.id,
        fileName: 'arendeblad-tillaggsansokan-lokussamordnare.txt',
        title: 'Ärendeblad – tilläggsansökan Lokussamordnare Älvkarleby',
        mimeType: 'text/plain',
        contentBase64: Buffer.from(demoArendebladText(decidedOn), 'utf8').toString('base64'),
      });
    });
  }
  for (const d of demoDecisions(now)) {
    tl.at(d.on, async () => {
      const delegation = (await call('delegations.list', {})).find((x) => x.code === d.code);
      if (!delegation) throw new Error(`Demoförbundet saknar delegationspunkt ${d.code}.`);
      await call('decisions.save', { delegationId: delegation.id, decidedOn: d.on, decidedBy: d.by, title: d.title, amountKr: d.amount });
    });
  }
}

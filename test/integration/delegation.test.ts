import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { value } from '../helpers/envelope';
import { countRows, type Engine, ENGINES, engineSession, rows, type AnySession } from '../helpers/engines';

const LIMITED = { code: '9.1', matter: 'Beslut om medel till kompetenshöjande insats', delegate: 'Förbundschef', limitKr: 250_000, validFrom: '2024-01-01' };

async function snapshot(s: AnySession) {
  return {
    decisions: await countRows(s, 'delegation_decisions'),
    arenden: await countRows(s, 'arenden'),
    audit: await countRows(s, 'audit_log'),
    series: await rows(s, sql`SELECT year, last_number FROM diary_series ORDER BY year`),
  };
}

async function setup(engine: Engine) {
  const s = await engineSession(engine);
  const delegation = value(await s.api.call('delegations.save', LIMITED));
  return { s, delegation };
}

describe.each(ENGINES)('delegationsordning and delegationsbeslut (%s)', (engine) => {
  it('refuses a decision above the delegate’s limit with a clear message, and writes nothing at all', async () => {
    const { s, delegation } = await setup(engine);
    const before = await snapshot(s);
    const refused = await s.api.call('decisions.save', {
      delegationId: delegation.id,
      decidedOn: '2026-03-02',
      decidedBy: 'Förbundschef',
      title: 'Medel till utbildning',
      amountKr: 300_000,
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('RULE');
    expect(refused.error.message).toBe(
      'Beslutet gäller 300\u00a0000\u00a0kr men delegationen 9.1 (”Beslut om medel till kompetenshöjande insats”) tillåter högst 250\u00a0000\u00a0kr. Ett så stort beslut måste fattas av styrelsen.',
    );
    expect(refused.error.details?.issues?.[0]?.path).toBe('amountKr');
    expect(await snapshot(s)).toEqual(before);
    await s.close();
  });

  it('accepts a decision at the limit and registers it in the diarium with the next number of its year', async () => {
    const { s, delegation } = await setup(engine);
    const next = value(await s.api.call('arenden.nextNumber', { year: 2026 }));
    const decision = value(
      await s.api.call('decisions.save', {
        delegationId: delegation.id,
        decidedOn: '2026-03-02',
        decidedBy: 'Förbundschef',
        title: 'Medel till utbildning',
        amountKr: 250_000,
      }),
    );
    expect(decision).toMatchObject({ diarienummer: next.diarienummer, amountKr: 250_000, delegationCode: '9.1', reported: null, mustBeReported: true });
    const arende = value(await s.api.call('arenden.get', { id: decision.arendeId }));
    expect(arende).toMatchObject({
      kind: 'delegationsbeslut',
      status: 'beslutat',
      decidedOn: '2026-03-02',
      title: 'Medel till utbildning',
      handlaggare: 'Förbundschef',
    });
    const audited = await rows(s, sql`SELECT entity, action FROM audit_log WHERE method = 'decisions.save' ORDER BY id`);
    expect(audited).toEqual([
      { entity: 'arende', action: 'create' },
      { entity: 'delegation_decision', action: 'create' },
    ]);
    await s.close();
  });

  it('refuses a decision outside the delegation’s validity, and one without an amount under a limited delegation', async () => {
    const { s, delegation } = await setup(engine);
    const early = await s.api.call('decisions.save', {
      delegationId: delegation.id,
      decidedOn: '2023-12-31',
      decidedBy: 'Förbundschef',
      title: 'För tidigt',
      amountKr: 1000,
    });
    expect(!early.ok && early.error.message).toBe('Delegationen 9.1 gäller från 2024-01-01.');
    const noAmount = await s.api.call('decisions.save', {
      delegationId: delegation.id,
      decidedOn: '2026-01-10',
      decidedBy: 'Förbundschef',
      title: 'Utan belopp',
    });
    expect(!noAmount.ok && noAmount.error.details?.issues?.[0]?.path).toBe('amountKr');
    await s.close();
  });

  it('lists the decisions not yet reported, reports them at a board meeting, and then they are no longer listed', async () => {
    const { s, delegation } = await setup(engine);
    const unreportedBefore = value(await s.api.call('decisions.list', { unreportedOnly: true }));
    const made = value(
      await s.api.call('decisions.save', {
        delegationId: delegation.id,
        decidedOn: '2026-03-02',
        decidedBy: 'Förbundschef',
        title: 'Medel till utbildning',
        amountKr: 90_000,
      }),
    );
    const unreported = value(await s.api.call('decisions.list', { unreportedOnly: true }));
    expect(unreported.map((d) => d.id)).toContain(made.id);
    expect(unreported).toHaveLength(unreportedBefore.length + 1);

    const tooEarly = await s.api.call('decisions.report', { ids: [made.id], meetingOn: '2026-03-01' });
    expect(!tooEarly.ok && tooEarly.error.code).toBe('RULE');

    const reported = value(await s.api.call('decisions.report', { ids: unreported.map((d) => d.id), meetingOn: '2026-12-10', paragraph: '§ 5' }));
    expect(reported.every((d) => d.reported?.meeting.heldOn === '2026-12-10' && d.reported.paragraph === '§ 5')).toBe(true);
    expect(value(await s.api.call('decisions.list', { unreportedOnly: true }))).toEqual([]);
    expect(value(await s.api.call('meetings.list', {}))[0]).toMatchObject({ body: 'styrelse', heldOn: '2026-12-10' });

    const again = await s.api.call('decisions.report', { ids: [made.id], meetingOn: '2026-12-20' });
    expect(!again.ok && again.error.message).toMatch(/är redan anmält vid sammanträdet 2026-12-10/);
    const edit = await s.api.call('decisions.save', {
      id: made.id,
      delegationId: delegation.id,
      decidedOn: '2026-03-02',
      decidedBy: 'Förbundschef',
      title: 'Ändrad',
      amountKr: 90_000,
    });
    expect(!edit.ok && edit.error.message).toMatch(/redan anmält till styrelsen/);
    await s.close();
  });

  it('keeps the delegationsordning consistent: unique points, no removal or narrowing under taken decisions', async () => {
    const { s, delegation } = await setup(engine);
    const clash = await s.api.call('delegations.save', { ...LIMITED, code: '9.1', matter: 'Annat' });
    expect(!clash.ok && clash.error.code).toBe('CONFLICT');
    value(
      await s.api.call('decisions.save', {
        delegationId: delegation.id,
        decidedOn: '2026-03-02',
        decidedBy: 'Förbundschef',
        title: 'Medel',
        amountKr: 200_000,
      }),
    );
    const narrowed = await s.api.call('delegations.save', { ...LIMITED, id: delegation.id, limitKr: 100_000 });
    expect(!narrowed.ok && narrowed.error.details?.issues?.[0]?.path).toBe('limitKr');
    const removed = await s.api.call('delegations.remove', { id: delegation.id });
    expect(!removed.ok && removed.error.message).toMatch(/1 beslut har fattats under den/);

    const list = value(await s.api.call('delegations.list', {}));
    const codes = list.map((d) => d.code);
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b, 'sv', { numeric: true })));
    const changed = value(await s.api.call('delegations.save', { ...LIMITED, id: delegation.id, limitKr: 300_000 }));
    const trail = (await rows(
      s,
      sql`SELECT before_json, after_json FROM audit_log WHERE entity = 'delegation' AND entity_id = ${String(changed.id)} ORDER BY id`,
    )) as { before_json: string | null; after_json: string }[];
    expect(JSON.parse(trail.at(-1)?.before_json ?? 'null')).toMatchObject({ limitKr: 250_000 });
    expect(JSON.parse(trail.at(-1)?.after_json ?? 'null')).toMatchObject({ limitKr: 300_000 });
    await s.close();
  });
});

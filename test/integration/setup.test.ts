import { describe, expect, it } from 'vitest';
import { failure, value } from '../helpers/envelope';
import { countRows, ENGINES, engineSession } from '../helpers/engines';

describe.each(ENGINES)('Kom igång (%s)', (engine) => {
  it('opens a new, empty database with every step to do, and reads each step from the registers', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const start = value(await s.api.call('setup.status', {}));
    expect(start.finished).toBe(false);
    expect(value(await s.api.call('forbund.get', {})).setupDone).toBe(false);
    expect(start.steps.map((x) => [x.key, x.done])).toEqual([
      ['forbundet', false],
      ['medlemmar', false],
      ['styrelse', false],
      ['arshjul', false],
      ['arendeblad', false],
    ]);
    expect(start.steps[0]?.note).toBe('Saknas: namn, organisationsnummer, säte, postadress och ditt namn.');

    value(
      await s.api.call('forbund.save', {
        name: 'Samordningsförbundet Norra Vätterbygden',
        orgNr: '222000-1636',
        address: 'Box 12, 561 21 Huskvarna',
        city: 'Jönköping',
      }),
    );
    expect(value(await s.api.call('setup.status', {})).steps[0]).toMatchObject({ done: false, note: 'Saknas: ditt namn.' });
    value(await s.api.call('user.set', { name: 'Maria Lindqvist' }));
    // A kommun without folkmängd keeps the members' step open, and says which.
    value(await s.api.call('members.save', { name: 'Försäkringskassan', kind: 'stat', orgNr: '202100-5521' }));
    const kommun = value(await s.api.call('members.save', { name: 'Jönköpings kommun', kind: 'kommun', orgNr: '212000-0530' }));
    const mid = value(await s.api.call('setup.status', {}));
    expect(mid.steps.map((x) => x.done)).toEqual([true, false, false, false, false]);
    expect(mid.steps[1]?.note).toBe('Folkmängd saknas för Jönköpings kommun.');
    value(
      await s.api.call('members.save', {
        id: kommun.id,
        name: 'Jönköpings kommun',
        kind: 'kommun',
        orgNr: '212000-0530',
        populations: [{ year: 2025, population: 143_000 }],
      }),
    );
    expect(value(await s.api.call('setup.status', {})).steps[1]?.done).toBe(true);

    // Finishing is logged once; a second finish changes nothing.
    const logged = await countRows(s, 'audit_log');
    expect(value(await s.api.call('setup.finish', {})).setupDone).toBe(true);
    expect(await countRows(s, 'audit_log')).toBe(logged + 1);
    value(await s.api.call('setup.finish', {}));
    expect(await countRows(s, 'audit_log')).toBe(logged + 1);
    expect(value(await s.api.call('setup.status', {})).finished).toBe(true);
    expect(failure(await s.api.dispatch('setup.finish', { now: true })).code).toBe('VALIDATION');
    await s.close();
  });

  it('never opens for the demo database', async () => {
    const s = await engineSession(engine);
    expect(value(await s.api.call('setup.status', {})).finished).toBe(true);
    await s.close();
  });
});

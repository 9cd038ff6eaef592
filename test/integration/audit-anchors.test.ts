import { describe, expect, it } from 'vitest';
import { auditHash, type AuditRow } from '../../electron/services/audit';
import { openSession } from '../../electron/services/session';
import { value } from '../helpers/envelope';
import { demoSession } from '../helpers/session';

const FORBUND = { name: 'Samordningsförbundet Test', orgNr: '222000-2576', diaryFormat: '{ÅÅÅÅ}/{NNN}' };

async function twoSessions(writes: number) {
  const first = demoSession('empty');
  for (let i = 0; i < writes; i++) value(await first.api.call('forbund.save', { ...FORBUND, name: `Samordningsförbundet ${i}` }));
  const { file, dataDir } = first;
  first.close(); // the head at close is the anchor
  return { file, dataDir };
}

type Row = AuditRow & { id: number; hash: string };

describe('the audit log against its anchors outside the file', () => {
  it('finds the last entries deleted, which the chain alone cannot', async () => {
    const { file, dataDir } = await twoSessions(5);
    const s = openSession(file, { appVersion: 'test', actor: 'testare', dataDir });
    s.db.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    s.db.sqlite.exec('DELETE FROM audit_log WHERE id > (SELECT min(id) + 2 FROM audit_log)');
    const result = value(await s.api.call('audit.verify', {}));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/saknas nu: loggen har kortats/);
    expect(result.anchors.checked).toBeGreaterThan(0);
    s.close();
  });

  it('finds an entry rewritten with every hash after it recomputed', async () => {
    const { file, dataDir } = await twoSessions(4);
    const s = openSession(file, { appVersion: 'test', actor: 'testare', dataDir });
    s.db.sqlite.exec('DROP TRIGGER audit_log_no_update');
    const rows = s.db.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
    let prev = '0'.repeat(64);
    const update = s.db.sqlite.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?');
    for (const row of rows) {
      const actor = row.id === rows[1]!.id ? 'Någon annan (x)' : row.actor;
      const hash = auditHash({ ...row, actor, prev_hash: prev });
      update.run(actor, prev, hash, row.id);
      prev = hash;
    }
    // The chain itself holds: only the anchor can tell.
    const result = value(await s.api.call('audit.verify', {}));
    expect(result).toMatchObject({ ok: false, brokenAtId: null });
    expect(!result.ok && result.reason).toMatch(/har inte samma kontrollsumma som .*: loggen har skrivits om/);
    s.close();
  });

  it('is whole when nothing was touched, and says how many anchors it compared', async () => {
    const { file, dataDir } = await twoSessions(3);
    const s = openSession(file, { appVersion: 'test', actor: 'testare', dataDir });
    value(await s.api.call('forbund.save', { ...FORBUND, name: 'Samordningsförbundet efter ankaret' }));
    const result = value(await s.api.call('audit.verify', {}));
    expect(result).toMatchObject({ ok: true, entries: 4 });
    expect(result.anchors).toMatchObject({ checked: 1, newestLastId: expect.any(Number), problems: [] });
    s.close();
  });
});

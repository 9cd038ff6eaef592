import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Arendeblad } from '../../shared/contract/schemas/arendeblad';
import { openServerSession } from '../../electron/services/server-session';
import { openSession } from '../../electron/services/session';
import { createFilled } from '../helpers/arendeblad';
import { failure, value } from '../helpers/envelope';
import { ENGINES, newServerDatabase, type AnySession } from '../helpers/engines';
import { kansli } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

/**
 * A working copy for the train (issue 18): taken from the server before leaving, the
 * chosen ärendeblad edited offline with the registers read-only, the edits sent back on
 * reconnecting; an ärendeblad changed on the server meanwhile is shown with both versions
 * and only overwritten when the person chooses their own.
 */

async function rename(s: AnySession, blad: Arendeblad, rubrik: string): Promise<Arendeblad> {
  return value(
    await s.api.call('arendeblad.save', { id: blad.id, revision: blad.revision, organ: blad.organ, rubrik, datum: blad.datum, content: blad.content }),
  );
}

interface Sent {
  items: { id: number; outcome: string }[];
  conflicts: { id: number; mine: { rubrik: string }; theirs: { rubrik: string; updatedBy: string } }[];
}

describe.skipIf(!ENGINES.includes('postgres'))('a working copy for the train', () => {
  it(
    'takes the chosen ärendeblad offline, keeps the rest read-only, sends the edits back and shows a conflict until it is chosen',
    { timeout: 120_000 },
    async () => {
      const url = await newServerDatabase();
      const server = await openServerSession(url, { create: 'demo', appVersion: '0.0.0-test', actor: 'testare', dataDir: tempDir() });
      try {
        const a = await createFilled(server, 'tillaggsansokan');
        const b = await createFilled(server, 'medlemsavgifter');
        const c = await createFilled(server, 'delarsrapport');
        const file = path.join(tempDir(), 'tåget.sqlite');

        const taken = kansli(['workcopy', 'take', '--from', url, '--to', file, '--arendeblad', `${a.id},${b.id}`]);
        expect(taken.code, taken.stdout + taken.stderr).toBe(0);
        expect(
          taken
            .json<{ arendeblad: { id: number }[] }>()
            .arendeblad.map((x) => x.id)
            .sort(),
        ).toEqual([a.id, b.id].sort());

        // On the train: the chosen ärendeblad can be edited, nothing else.
        const train = openSession(file, { appVersion: '0.0.0-test', actor: 'testare', dataDir: tempDir() });
        try {
          await rename(train, value(await train.api.call('arendeblad.get', { id: a.id })), 'Tilläggsansökan – skrivet på tåget');
          await rename(train, value(await train.api.call('arendeblad.get', { id: b.id })), 'Medlemsavgifter – skrivet på tåget');
          const other = failure(
            await train.api.call('arendeblad.save', { id: c.id, revision: c.revision, organ: c.organ, rubrik: 'Ändrat', datum: c.datum, content: c.content }),
          );
          expect(other).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/^Det här är en arbetskopia av postgres:\/\/testare@/) });
          expect(failure(await train.api.call('arenden.save', { title: 'Nytt ärende', kind: 'inkommande' })).code).toBe('FORBIDDEN');
          expect(value(await train.api.call('arenden.list', {})).length).toBeGreaterThan(5);
        } finally {
          train.close();
        }

        // Meanwhile someone at the office changes the second one.
        await rename(server, value(await server.api.call('arendeblad.get', { id: b.id })), 'Medlemsavgifter – ändrat på kansliet');

        const first = kansli(['workcopy', 'send', '--from', file, '--to', url]);
        expect(first.code, first.stdout + first.stderr).toBe(3);
        const sent = first.json<Sent>();
        expect(sent.items).toEqual(
          expect.arrayContaining([
            { id: a.id, rubrik: 'Tilläggsansökan – skrivet på tåget', outcome: 'skickat' },
            { id: b.id, rubrik: 'Medlemsavgifter – skrivet på tåget', outcome: 'konflikt' },
          ]),
        );
        expect(sent.conflicts).toEqual([
          expect.objectContaining({
            id: b.id,
            mine: expect.objectContaining({ rubrik: 'Medlemsavgifter – skrivet på tåget' }),
            theirs: expect.objectContaining({ rubrik: 'Medlemsavgifter – ändrat på kansliet', updatedBy: 'testare' }),
          }),
        ]);
        expect(value(await server.api.call('arendeblad.get', { id: a.id })).rubrik).toBe('Tilläggsansökan – skrivet på tåget');
        // Never silently overwritten.
        expect(value(await server.api.call('arendeblad.get', { id: b.id })).rubrik).toBe('Medlemsavgifter – ändrat på kansliet');

        // The person has seen both and keeps their own.
        const resolved = kansli(['workcopy', 'send', '--from', file, '--to', url, '--mine', String(b.id)]);
        expect(resolved.code, resolved.stdout + resolved.stderr).toBe(0);
        expect(resolved.json<Sent>().items).toEqual(
          expect.arrayContaining([
            { id: a.id, rubrik: 'Tilläggsansökan – skrivet på tåget', outcome: 'oförändrat' },
            { id: b.id, rubrik: 'Medlemsavgifter – skrivet på tåget', outcome: 'din version ersatte serverns' },
          ]),
        );
        expect(value(await server.api.call('arendeblad.get', { id: b.id })).rubrik).toBe('Medlemsavgifter – skrivet på tåget');
        const again = kansli(['workcopy', 'send', '--from', file, '--to', url]);
        expect(again.json<Sent>().items.every((i) => i.outcome === 'oförändrat')).toBe(true);
        expect(value(await server.api.call('audit.verify', {}))).toMatchObject({ ok: true });

        // A copy is never taken over a file that is there.
        expect(kansli(['workcopy', 'take', '--from', url, '--to', file, '--arendeblad', String(a.id)]).code).toBe(2);
      } finally {
        await server.close();
      }
    },
  );
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, METHOD_NAMES } from '../../shared/contract/methods';
import { handlers } from '../../electron/services/handlers';
import { describeMethods } from '../../electron/host/cli-methods';

describe('the API contract', () => {
  it('has exactly one handler per method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('names methods as area.verb', () => {
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  it('describes every method in Swedish and emits a JSON Schema for its input', () => {
    const described = describeMethods();
    expect(described.map((m) => m.name)).toEqual(METHOD_NAMES);
    for (const m of described) {
      expect(contract[m.name as keyof typeof contract].description.length).toBeGreaterThan(3);
      expect(m.input).toMatchObject({ type: 'object' });
    }
    const save = described.find((m) => m.name === 'members.save');
    expect(save?.input).toMatchObject({ required: expect.arrayContaining(['name', 'kind', 'orgNr']) });
  });

  it('rejects unknown keys (strict inputs)', () => {
    const result = contract['members.list'].input.safeParse({ extra: 1 });
    expect(result.success).toBe(false);
    expect(z.prettifyError((result as { error: z.ZodError }).error)).toMatch(/Okänd nyckel/);
  });
});

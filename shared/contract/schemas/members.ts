import { z } from 'zod';
import { confirmPersonalData, idSchema, optionalText, orgNrSchema, requiredText, emptyInput } from './common';
import { method, type MethodSpec } from '../define';

import { MEMBER_KINDS, type MemberKind } from '../kinds';

export { MEMBER_KINDS, MEMBER_KIND_LABELS, type MemberKind } from '../kinds';

/** Folkmängd is counted on 1 November of `year`; the fee for year+1 is split by it. */
export const populationSchema = z.object({
  year: z
    .number({ error: 'Ange år för folkmängden.' })
    .int({ error: 'Året måste vara ett heltal.' })
    .min(1990, { error: 'Året måste vara 1990 eller senare.' })
    .max(2100, { error: 'Året måste vara 2100 eller tidigare.' }),
  population: z
    .number({ error: 'Ange folkmängd som ett heltal.' })
    .int({ error: 'Folkmängden måste vara ett heltal.' })
    .positive({ error: 'Folkmängden måste vara större än noll.' })
    .max(20_000_000, { error: 'Folkmängden är orimligt stor.' }),
});
export type Population = z.infer<typeof populationSchema>;

export const memberSaveInput = z
  .object({
    id: idSchema.optional(),
    name: requiredText('Namn', 120),
    shortName: optionalText('Kortnamn', 40),
    kind: z.enum(MEMBER_KINDS, { error: 'Välj typ: statlig myndighet, region eller kommun.' }),
    orgNr: orgNrSchema,
    populations: z.array(populationSchema).max(200).default([]),
    confirmPersonalData,
  })
  .strict()
  .superRefine((m, ctx) => {
    const seen = new Set<number>();
    m.populations.forEach((p, i) => {
      if (seen.has(p.year)) {
        ctx.addIssue({ code: 'custom', path: ['populations', i, 'year'], message: `Folkmängd för ${p.year} står två gånger.` });
      }
      seen.add(p.year);
    });
    if (m.kind !== 'kommun' && m.populations.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['populations'], message: 'Folkmängd anges bara för kommuner.' });
    }
  });
export type MemberSaveInput = z.input<typeof memberSaveInput>;

export const memberIdInput = z.object({ id: idSchema }).strict();

export interface Member {
  id: number;
  name: string;
  shortName: string | null;
  kind: MemberKind;
  orgNr: string;
  /** Newest year first. */
  populations: Population[];
  createdAt: string;
  updatedAt: string;
}

/** The API contract's members methods; shared/contract/methods.ts merges every area's. */
export const membersMethods = {
  'members.list': method<Member[]>()({
    description: 'Alla medlemmar med folkmängd per år.',
    input: emptyInput,
    writes: false,
  }),
  'members.get': method<Member>()({
    description: 'En medlem.',
    input: memberIdInput,
    writes: false,
  }),
  'members.save': method<Member>()({
    description: 'Lägger till en medlem (utan id) eller sparar ändringar (med id).',
    input: memberSaveInput,
    writes: true,
  }),
  'members.remove': method<{ id: number }>()({
    description: 'Tar bort en medlem.',
    input: memberIdInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

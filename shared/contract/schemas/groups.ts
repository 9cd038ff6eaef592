import { z } from 'zod';
import { confirmPersonalData, idSchema, optionalText, requiredText, emptyInput } from './common';
import { method, type MethodSpec } from '../define';

export const GROUP_KINDS = ['arbetsutskott', 'beredningsgrupp', 'lokusgrupp', 'strategisk_utvecklingsgrupp', 'annan'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  arbetsutskott: 'Arbetsutskott',
  beredningsgrupp: 'Beredningsgrupp',
  lokusgrupp: 'Lokusgrupp',
  strategisk_utvecklingsgrupp: 'Strategisk utvecklingsgrupp',
  annan: 'Annan grupp',
};

/** A person from the register (personId), or a free entry with name and organisation. */
export const groupMemberInput = z
  .object({
    personId: idSchema.nullish().transform((v) => v ?? null),
    name: optionalText('Namn', 120),
    organisation: optionalText('Organisation', 120),
    role: optionalText('Roll i gruppen', 80),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.personId === null && m.name === null) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Välj en person ur registret eller skriv ett namn.' });
    }
    if (m.personId !== null && m.name !== null) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'En medlem ur personregistret får inget eget namn här; ändra i personregistret.' });
    }
  });

export const groupSaveInput = z
  .object({
    id: idSchema.optional(),
    name: requiredText('Gruppens namn', 120),
    kind: z.enum(GROUP_KINDS, { error: 'Välj typ av grupp.' }),
    /** The kommun a lokusgrupp works in; required for lokusgrupper. */
    memberId: idSchema.nullish().transform((v) => v ?? null),
    description: optionalText('Beskrivning', 2000),
    members: z.array(groupMemberInput).max(200, { error: 'En grupp kan ha högst 200 medlemmar.' }).default([]),
    confirmPersonalData,
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.kind === 'lokusgrupp' && g.memberId === null) {
      ctx.addIssue({ code: 'custom', path: ['memberId'], message: 'Välj vilken kommun lokusgruppen hör till.' });
    }
  });
export type GroupSaveInput = z.input<typeof groupSaveInput>;
export const groupIdInput = z.object({ id: idSchema }).strict();

export interface GroupMember {
  personId: number | null;
  /** The person's name from the register, or the free entry's name. */
  name: string;
  organisation: string | null;
  role: string | null;
}

export interface Group {
  id: number;
  name: string;
  kind: GroupKind;
  memberId: number | null;
  memberName: string | null;
  description: string | null;
  members: GroupMember[];
  createdAt: string;
  updatedAt: string;
}

/** The API contract's groups methods; shared/contract/methods.ts merges every area's. */
export const groupsMethods = {
  'groups.list': method<Group[]>()({
    description: 'Arbetsutskott, beredningsgrupp, lokusgrupper och andra grupper med medlemmar.',
    input: emptyInput,
    writes: false,
  }),
  'groups.save': method<Group>()({
    description: 'Lägger till eller ändrar en grupp och dess medlemmar.',
    input: groupSaveInput,
    writes: true,
  }),
  'groups.remove': method<{ id: number }>()({
    description: 'Tar bort en grupp.',
    input: groupIdInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

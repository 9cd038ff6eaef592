import type { MemberKind } from '../contract/schemas/members';

const KIND_ORDER: Record<MemberKind, number> = { stat: 0, region: 1, kommun: 2 };
const collator = new Intl.Collator('sv');

/**
 * The order the papers list members in: the state's agencies, the region, then the
 * kommuner A–Ö (Swedish collation). Used by the register, the board table and the
 * signature block, so they can never disagree.
 */
export function compareByRegisterOrder(a: { kind: MemberKind; name: string }, b: { kind: MemberKind; name: string }): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.name, b.name);
}

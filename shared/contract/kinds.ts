/**
 * Words the first screen needs, in a module without zod: the renderer's first
 * JavaScript loads these, and each screen loads the schemas it validates with when
 * it opens. The schema files re-export them.
 */

export const MEMBER_KINDS = ['stat', 'region', 'kommun'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

export const MEMBER_KIND_LABELS: Record<MemberKind, string> = {
  stat: 'Statlig myndighet',
  region: 'Region',
  kommun: 'Kommun',
};

export const SEARCH_KINDS = ['arende', 'person', 'member', 'document'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  arende: 'Ärende',
  person: 'Person',
  member: 'Medlem',
  document: 'Handling',
};

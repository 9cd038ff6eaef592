/**
 * The posts of a samordningsförbund's budget and utfall, in the order the papers list
 * them (seed 003: "Ekonomisk översikt", the resultaträkning and "Inriktning insatser –
 * budgetfördelning"). Budget and utfall use the same posts, so they can stand side by
 * side; the groups are the lines of "Ekonomisk översikt av verksamheten".
 */

export const BUDGET_POSTS = [
  'medlemsavgifter',
  'sidointakter',
  'finansiella_intakter',
  'samverkan_individ',
  'samverkan_struktur',
  'samverkan_kompetens',
  'samverkan_ej_fordelat',
  'utveckling',
  'fortroendevalda',
  'forvaltning_personal',
  'forvaltning_lokaler',
  'forvaltning_ovrigt',
  'avskrivningar',
  'finansiella_kostnader',
] as const;
export type BudgetPost = (typeof BUDGET_POSTS)[number];

/** The overview's lines: intäkter, samverkansinsatser, förtroendevalda, förvaltning. */
export type PostGroup = 'intakter' | 'samverkan' | 'fortroendevalda' | 'forvaltning';

export interface PostInfo {
  label: string;
  /** An intäkt adds to the result; a kostnad takes from it. */
  side: 'intakt' | 'kostnad';
  group: PostGroup;
}

export const POST_INFO: Record<BudgetPost, PostInfo> = {
  medlemsavgifter: { label: 'Medlemsavgifter', side: 'intakt', group: 'intakter' },
  sidointakter: { label: 'Sidointäkter', side: 'intakt', group: 'intakter' },
  // Financial items are part of förvaltning in the papers' overview (the fund's return
  // lowers förvaltning's cost: "försäljning av andelar i korträntefonden ger ett
  // positivt bidrag").
  finansiella_intakter: { label: 'Finansiella intäkter', side: 'intakt', group: 'forvaltning' },
  samverkan_individ: { label: 'Samverkansinsatser, individinriktade', side: 'kostnad', group: 'samverkan' },
  samverkan_struktur: { label: 'Samverkansinsatser, strukturinriktade', side: 'kostnad', group: 'samverkan' },
  samverkan_kompetens: { label: 'Samverkansinsatser, kompetenshöjande', side: 'kostnad', group: 'samverkan' },
  samverkan_ej_fordelat: { label: 'Beslutsutrymme för samverkansinsatser, ej fördelat', side: 'kostnad', group: 'samverkan' },
  utveckling: { label: 'Övriga utvecklingsinsatser', side: 'kostnad', group: 'samverkan' },
  fortroendevalda: { label: 'Förtroendevalda', side: 'kostnad', group: 'fortroendevalda' },
  forvaltning_personal: { label: 'Förvaltning, personal', side: 'kostnad', group: 'forvaltning' },
  forvaltning_lokaler: { label: 'Förvaltning, lokaler', side: 'kostnad', group: 'forvaltning' },
  forvaltning_ovrigt: { label: 'Förvaltning, övrigt', side: 'kostnad', group: 'forvaltning' },
  avskrivningar: { label: 'Avskrivningar', side: 'kostnad', group: 'forvaltning' },
  finansiella_kostnader: { label: 'Finansiella kostnader', side: 'kostnad', group: 'forvaltning' },
};

export const GROUP_LABELS: Record<PostGroup, string> = {
  intakter: 'Intäkter',
  samverkan: 'Samverkansinsatser',
  fortroendevalda: 'Förtroendevalda',
  forvaltning: 'Förvaltning',
};
export const POST_GROUPS: readonly PostGroup[] = ['intakter', 'samverkan', 'fortroendevalda', 'forvaltning'];

/** The samverkan post an insats's utfall and budget belong to, by its kategori. */
export function samverkanPost(kategori: 'individ' | 'struktur' | 'kompetens'): BudgetPost {
  return `samverkan_${kategori}`;
}

export function isSamverkanPost(post: BudgetPost): boolean {
  return post.startsWith('samverkan_');
}

/** An amount as it counts towards the result: intäkter positive, kostnader negative. */
export function signed(post: BudgetPost, amount: number): number {
  return POST_INFO[post].side === 'intakt' ? amount : -amount;
}

export function isBudgetPost(value: string): value is BudgetPost {
  return (BUDGET_POSTS as readonly string[]).includes(value);
}

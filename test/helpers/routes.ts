/** Every screen and tab a user reaches from the menu, as the address after #/. */
export const ROUTES = [
  'oversikt',
  'arenden',
  'arendeblad',
  'sammantraden',
  'insatser',
  'insatser/insatser',
  'insatser/oversikt',
  'insatser/statistik',
  'verksamhetsplan',
  'arsredovisning',
  ...['medlemmar', 'styrelse', 'personer', 'grupper', 'delegation', 'forbundet', 'granskningslogg', 'sakerhetskopior'].map((t) => `register/${t}`),
  ...['medlemsavgifter', 'budget', 'utfall', 'beslutsutrymme', 'hushallning', 'delarsrapport', 'bokslut'].map((t) => `ekonomi/${t}`),
  ...['riskanalys', 'plan', 'avvikelser', 'rapport'].map((t) => `internkontroll/${t}`),
];

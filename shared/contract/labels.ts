/** Swedish names of input fields, used to say which field an error is about. */
export const FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  name: 'Namn',
  shortName: 'Kortnamn',
  kind: 'Typ',
  orgNr: 'Organisationsnummer',
  populations: 'Folkmängd',
  year: 'År',
  population: 'Folkmängd',
  address: 'Adress',
  email: 'E-post',
  phone: 'Telefon',
};

/** "populations.1.population" → "Folkmängd, rad 2: Folkmängd"; "" → "". */
export function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') parts.push(`rad ${key + 1}`);
    else parts.push(FIELD_LABELS[String(key)] ?? String(key));
  }
  return parts.join(', ');
}

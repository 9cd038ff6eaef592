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
  city: 'Säte (ort)',
  diaryFormat: 'Diarienummerformat',
  party: 'Parti',
  organisation: 'Organisation',
  title: 'Titel',
  notes: 'Anteckning',
  startsOn: 'Från',
  endsOn: 'Till',
  label: 'Benämning',
  periodId: 'Mandatperiod',
  memberId: 'Medlemsorganisation',
  seat: 'Uppdrag',
  role: 'Roll',
  person: 'Person',
  personId: 'Person',
  members: 'Medlemmar',
  description: 'Beskrivning',
  diarienummer: 'Diarienummer',
  status: 'Status',
  receivedOn: 'Inkom',
  decidedOn: 'Beslutsdatum',
  handlaggare: 'Handläggare',
  reason: 'Skäl',
  fileName: 'Filnamn',
  mimeType: 'Filtyp',
  contentBase64: 'Filinnehåll',
  targetKind: 'Kopplas till',
  targetId: 'Post',
  note: 'Anteckning',
  code: 'Punkt',
  matter: 'Ärende/beslutstyp',
  delegate: 'Delegat',
  limitKr: 'Beloppsgräns',
  validFrom: 'Gäller från',
  validTo: 'Gäller till',
  decidedBy: 'Beslutsfattare',
  amountKr: 'Belopp',
  ids: 'Beslut',
  meetingOn: 'Sammanträdesdatum',
  paragraph: 'Paragraf',
  query: 'Sökning',
  register: 'Register',
  date: 'Datum',
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

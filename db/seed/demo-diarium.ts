import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DEFAULT_DIARY_FORMAT, formatDiarienummer } from '../../shared/domain/diarienummer';

/**
 * Demo diarium (fictional): the ärenden of a förbund's last two years, in the
 * style of the papers in seeds/ — the annual cycle (internkontrollplan,
 * årsredovisning, delårsrapport, verksamhetsplan och budget), incoming
 * applications and a tilläggsansökan, a letter out to the members, and one
 * ärende registered twice by mistake and makulerat. Numbered per year in the
 * default format, in the order the ärenden came in; the series trigger of
 * migration 0002 records the highest number taken. Dates of this year's ärenden
 * are counted back from `now`, so none lies in the future.
 */

type Kind = 'beslutsarende' | 'informationsarende' | 'inkommande' | 'utgaende';
type Status = 'oppet' | 'under_beredning' | 'beslutat' | 'avslutat';

export interface DemoArende {
  key: string;
  title: string;
  kind: Kind;
  status: Status;
  receivedOn: string;
  decidedOn?: string;
  handlaggare: string;
  description: string;
}

const DIRECTOR = 'Förbundschef';
const ECONOMIST = 'Ekonom';

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysBefore(now: Date, days: number): string {
  return isoDay(new Date(now.getTime() - days * 86_400_000));
}

export function demoArenden(now: Date): DemoArende[] {
  const y = now.getUTCFullYear();
  const p = y - 1;
  return [
    {
      key: 'ikp',
      title: `Internkontrollplan ${p}`,
      kind: 'beslutsarende',
      status: 'beslutat',
      receivedOn: `${p}-01-19`,
      decidedOn: `${p}-02-13`,
      handlaggare: DIRECTOR,
      description:
        'Riskanalys och internkontrollplan för året: kontrollmoment per process (attest, utbetalning av insatsmedel, ' +
        'uppföljning av insatser), metod, frekvens och ansvarig. Avvikelser och åtgärder redovisas vid delårsrapport och årsredovisning.',
    },
    {
      key: 'ar',
      title: `Årsredovisning ${p - 1}`,
      kind: 'beslutsarende',
      status: 'beslutat',
      receivedOn: `${p}-02-24`,
      decidedOn: `${p}-03-20`,
      handlaggare: ECONOMIST,
      description:
        'Förvaltningsberättelse, resultaträkning, balansräkning och uppföljning av mål och insatser. ' +
        'Förbundsstyrelsen föreslås godkänna årsredovisningen och överlämna den till medlemmarna och revisorerna.',
    },
    {
      key: 'lokus',
      title: 'Ansökan om medel – Lokussamordnare Älvkarleby',
      kind: 'inkommande',
      status: 'beslutat',
      receivedOn: `${p}-03-06`,
      decidedOn: `${p}-04-24`,
      handlaggare: DIRECTOR,
      description:
        'Älvkarleby kommun, Arbetsförmedlingen, Försäkringskassan och Region Uppsala ansöker om medel till en lokussamordnare ' +
        'på 20 % för att säkerställa fungerande samverkan i lokusgruppen. Strukturinriktad insats; insatsägare Älvkarleby kommun.',
    },
    {
      key: 'risk',
      title: `Riskanalys ${p}`,
      kind: 'informationsarende',
      status: 'avslutat',
      receivedOn: `${p}-04-10`,
      handlaggare: DIRECTOR,
      description: 'Händelser som kan hindra att målen nås, bedömda efter sannolikhet och konsekvens. Redovisas för styrelsen som information.',
    },
    {
      key: 'unga',
      title: 'Ansökan om medel – Unga vuxna i arbete, Östhammar',
      kind: 'inkommande',
      status: 'beslutat',
      receivedOn: `${p}-05-15`,
      decidedOn: `${p}-06-12`,
      handlaggare: DIRECTOR,
      description:
        'Individinriktad insats för unga vuxna 18–29 år med aktivitetsersättning eller långvarigt försörjningsstöd. ' +
        'Insatsägare Östhammars kommun; samverkansparter Arbetsförmedlingen och Försäkringskassan.',
    },
    {
      key: 'unga-dubblett',
      title: 'Ansökan om medel – Unga vuxna i arbete, Östhammar',
      kind: 'inkommande',
      status: 'oppet',
      receivedOn: `${p}-05-15`,
      handlaggare: DIRECTOR,
      description: 'Samma ansökan inkom även per e-post.',
    },
    {
      key: 'delar',
      title: `Delårsrapport januari–juni ${p}`,
      kind: 'beslutsarende',
      status: 'beslutat',
      receivedOn: `${p}-08-27`,
      decidedOn: `${p}-09-18`,
      handlaggare: ECONOMIST,
      description: 'Utfall och prognos för helåret, förbrukningskvot per insats och uppföljning av internkontrollplanen.',
    },
    {
      key: 'tillagg',
      title: 'Lokussamordnare Älvkarleby – tilläggsansökan',
      kind: 'inkommande',
      status: 'beslutat',
      receivedOn: `${p}-09-10`,
      decidedOn: `${p}-10-16`,
      handlaggare: DIRECTOR,
      description:
        'Tilläggsansökan om att förlänga insatsen Lokussamordnare Älvkarleby och öka tjänstgöringsgraden från 20 % till 25 %. ' +
        'Förbundsstyrelsen föreslås avsätta högst 270 000 kr för perioden.',
    },
    {
      key: 'avgift',
      title: `Begäran om medlemsavgift ${y} till medlemmarna`,
      kind: 'utgaende',
      status: 'avslutat',
      receivedOn: `${p}-10-01`,
      handlaggare: ECONOMIST,
      description: 'Skrivelse till medlemmarna om medlemsavgiften: staten 50 %, regionen 25 % och kommunerna 25 % fördelat efter folkmängd.',
    },
    {
      key: 'vp',
      title: `Verksamhetsplan och budget ${y}`,
      kind: 'beslutsarende',
      status: 'beslutat',
      receivedOn: `${p}-11-12`,
      decidedOn: `${p}-12-11`,
      handlaggare: DIRECTOR,
      description:
        'Verksamhetsinriktning, prioriterade målgrupper och budget för året med plan för de två följande åren. ' +
        'Fördelningen mellan individinriktade, strukturinriktade och kompetenshöjande insatser följer riktlinjen 60/30/10 %.',
    },
    {
      key: 'sammantraden',
      title: `Sammanträdesplan ${y}`,
      kind: 'informationsarende',
      status: 'avslutat',
      receivedOn: `${p}-12-03`,
      handlaggare: DIRECTOR,
      description: 'Datum för styrelsens och arbetsutskottets sammanträden under året.',
    },
    {
      key: 'tierp',
      title: 'Ansökan om medel – Arbetsträning Tierp',
      kind: 'inkommande',
      status: 'under_beredning',
      receivedOn: daysBefore(now, 25),
      handlaggare: DIRECTOR,
      description: 'Tierps kommun ansöker om medel till arbetsträning i egen regi för personer långt från arbetsmarknaden. Bereds i arbetsutskottet.',
    },
    {
      key: 'sus',
      title: 'Uppföljning av insatser i SUS',
      kind: 'informationsarende',
      status: 'oppet',
      receivedOn: daysBefore(now, 21),
      handlaggare: ECONOMIST,
      description: 'Sammanställning av deltagare per insats, andel till arbete eller studier jämfört med rikssnittet. Endast aggregerade uppgifter.',
    },
    {
      key: 'kompetens',
      title: 'Ansökan om medel – Kompetenshöjande insats om samverkan',
      kind: 'inkommande',
      status: 'oppet',
      receivedOn: daysBefore(now, 4),
      handlaggare: DIRECTOR,
      description: 'Beredningsgruppen föreslår en utbildningsdag för personal hos parterna om samordnad rehabilitering.',
    },
  ];
}

/** A short ärendeblad kept as a document in the tilläggsansökan, so that search finds text in handlingar. */
export function demoArendebladText(decidedOn: string): string {
  return [
    'Lokussamordnare Älvkarleby – tilläggsansökan',
    '',
    'Förslag till beslut',
    'Förbundsstyrelsen föreslås besluta',
    'att bevilja finansiellt stöd enligt tilläggsansökan till insatsen Lokussamordnare Älvkarleby',
    'att avsätta högst 270 000 kr som finansiering under insatsperioden',
    '',
    'Ärendet',
    'Lokusgruppen i Älvkarleby anser att funktionen med en samordnare har fallit väl ut men att behovet kvarstår.',
    'Tjänstgöringsgraden föreslås öka från 20 % till 25 %.',
    '',
    'Bedömning',
    'Insatsen är strukturinriktad och stöder samverkan kring de prioriterade målgrupperna.',
    '',
    `Beslutat ${decidedOn}.`,
    '',
  ].join('\n');
}

export function seedDemoDiarium(sqlite: Database.Database, now: Date): void {
  const format =
    (sqlite.prepare('SELECT diary_format FROM forbund WHERE id = 1').get() as { diary_format: string } | undefined)?.diary_format ?? DEFAULT_DIARY_FORMAT;
  const items = demoArenden(now)
    .map((a, order) => ({ a, order }))
    .sort((x, y) => x.a.receivedOn.localeCompare(y.a.receivedOn) || x.order - y.order)
    .map((x) => x.a);

  const lastNumber = sqlite.prepare('SELECT last_number FROM diary_series WHERE year = ?');
  const insert = sqlite.prepare(
    `INSERT INTO arenden (year, seq, diarienummer, title, kind, status, received_on, decided_on, handlaggare, description, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids = new Map<string, { id: number; diarienummer: string }>();
  for (const a of items) {
    const year = Number(a.receivedOn.slice(0, 4));
    const seq = ((lastNumber.get(year) as { last_number: number } | undefined)?.last_number ?? 0) + 1;
    const diarienummer = formatDiarienummer(format, year, seq);
    const at = `${a.receivedOn}T08:00:00.000Z`;
    const { lastInsertRowid } = insert.run(
      year,
      seq,
      diarienummer,
      a.title,
      a.kind,
      a.status,
      a.receivedOn,
      a.decidedOn ?? null,
      a.handlaggare,
      a.description,
      at,
      at,
    );
    ids.set(a.key, { id: Number(lastInsertRowid), diarienummer });
  }

  // The duplicate registration: makulerad the day after, pointing at the real one.
  const duplicate = ids.get('unga-dubblett');
  const original = ids.get('unga');
  const dupItem = items.find((a) => a.key === 'unga-dubblett');
  if (duplicate && original && dupItem) {
    const voidedAt = `${isoDay(new Date(Date.parse(dupItem.receivedOn) + 86_400_000))}T09:30:00.000Z`;
    sqlite
      .prepare('UPDATE arenden SET voided_at = ?, voided_by = ?, voided_reason = ?, updated_at = ? WHERE id = ?')
      .run(voidedAt, 'Administratör', `Registrerad två gånger av misstag. Ansökan handläggs i ärende ${original.diarienummer}.`, voidedAt, duplicate.id);
  }

  // Links: the tilläggsansökan to the first application, the kommun and (if the board seed made it) the arbetsutskott.
  const link = sqlite.prepare('INSERT INTO record_links (arende_id, target_kind, target_id, note, created_at) VALUES (?, ?, ?, ?, ?)');
  const tillagg = ids.get('tillagg');
  const lokus = ids.get('lokus');
  const tillaggItem = items.find((a) => a.key === 'tillagg');
  if (tillagg && lokus && tillaggItem) {
    const at = `${tillaggItem.receivedOn}T08:05:00.000Z`;
    link.run(tillagg.id, 'arende', lokus.id, 'Förlängning av insatsen', at);
    const kommun = sqlite.prepare('SELECT id FROM members WHERE name = ?').get('Älvkarleby kommun') as { id: number } | undefined;
    if (kommun) link.run(tillagg.id, 'member', kommun.id, 'Insatsägare', at);
    const au = sqlite.prepare("SELECT id FROM groups WHERE kind = 'arbetsutskott' ORDER BY id LIMIT 1").get() as { id: number } | undefined;
    if (au) link.run(tillagg.id, 'group', au.id, 'Beredd i arbetsutskottet', at);

    const text = demoArendebladText(tillaggItem.decidedOn ?? tillaggItem.receivedOn);
    const bytes = Buffer.from(text, 'utf8');
    sqlite
      .prepare(
        `INSERT INTO documents (arende_id, title, file_name, mime_type, size, sha256, storage, content, stored_path, text, added_at, added_by)
         VALUES (?, ?, ?, ?, ?, ?, 'db', ?, NULL, ?, ?, ?)`,
      )
      .run(
        tillagg.id,
        'Ärendeblad – tilläggsansökan Lokussamordnare Älvkarleby',
        'arendeblad-tillaggsansokan-lokussamordnare.txt',
        'text/plain',
        bytes.length,
        createHash('sha256').update(bytes).digest('hex'),
        bytes,
        text,
        at,
        DIRECTOR,
      );
  }
}

import type { Api } from '../../electron/services/api';
import type { SearchResult } from '../../shared/contract/schemas/search';

/** The same 240 searches (four kinds of query) over a database's API: every latency, by kind, the mean hits and the slowest. */
export async function searchFigures(api: Api) {
  const groups: Record<string, string[]> = {
    'hela ord': [
      'ansökan',
      'uppföljning',
      'Lokussamordnare',
      'arbetsträning',
      'samverkan',
      'Delårsrapport',
      'Andersson',
      'Karlsson',
      'förbrukningskvot',
      'rehabilitering',
    ],
    ordbörjan: ['lokus', 'sam', 'upp', 'arb', 'förl', 'ansö', 'kart', 'and', 'kar', 'in'],
    'å ä ö, versaler': ['ÄLVKARLEBY', 'Östhammar', 'älv', 'öst', 'håbo', 'ÅRSREDOVISNING', 'Åberg', 'Öberg', 'märta', 'Sjöberg'],
    'två ord': [
      'lokusgrupp älvkarleby',
      'arbetsträning östhammar',
      'ansökan tierp',
      'uppföljning heby',
      'eva andersson',
      'årsredovisning 2018',
      'tillägg knivsta',
      'insats unga',
      'samordnare gävle',
      'slutrapport språkstöd',
    ],
  };
  const queries: { group: string; query: string }[] = [];
  for (let round = 0; queries.length < 240; round++) {
    for (const [group, list] of Object.entries(groups)) queries.push({ group, query: list[round % list.length] ?? '' });
  }
  const call = async (query: string) => {
    const envelope = await api.call('search.query', { query, limit: 30 });
    if (!envelope.ok) throw new Error(`${query}: ${envelope.error.message}`);
    return envelope.value as SearchResult;
  };
  for (const q of queries.slice(0, 20)) await call(q.query); // warm up
  const byGroup = new Map<string, number[]>();
  const all: number[] = [];
  let hitCount = 0;
  for (const q of queries) {
    const t = performance.now();
    const result = await call(q.query);
    const ms = performance.now() - t;
    all.push(ms);
    byGroup.set(q.group, [...(byGroup.get(q.group) ?? []), ms]);
    hitCount += result.hits.length;
  }
  const slowest = new Map<string, number>();
  queries.forEach((q, i) => slowest.set(q.query, Math.max(slowest.get(q.query) ?? 0, all[i] ?? 0)));
  return {
    all,
    byGroup,
    meanHits: hitCount / queries.length,
    slowest: [...slowest]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([q, ms]) => `”${q}” ${ms.toFixed(1)} ms`)
      .join(', '),
  };
}
